import { useHarness } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { ANNA, EVA, JONAS, KLAUS, LEA, MARIA, PETER } from '../helpers/demoPeople';
import { playRow, type ConversationRow } from '../helpers/conversationTable';

const SARAH = 'sarah.lee@northwind.example';
const TOM = 'tom.hughes@northwind.example';
const CHRIS = 'chris.taylor@taylor-consulting.example';

const de = { ...TASK_PHRASES.de, ...PHRASES.de, closing: /Auf Wiedersehen/, notOther: /Goodbye|anything else|Shall I/ };
const en = { ...TASK_PHRASES.en, ...PHRASES.en, closing: /[Gg]oodbye/, notOther: /Auf Wiedersehen|Kann ich|Soll ich/ };

/** Whole conversations of the demo people, in their own (messy) words, in both languages. */
const ROWS: readonly ConversationRow[] = [
    {
        name: 'Jonas, lower case: asks who it is, has the bot email Anna, says goodbye',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist unser abrechnungskontakt?', expect: [de.askEmail] }, { say: JONAS }, { say: CODE, expect: [de.caseB, de.offerEmail] },
            { say: 'ja bitte', expect: [de.askMessage] }, { say: 'Bitte buchen Sie fünf weitere Lizenzen für das Vertriebsteam.', expect: [de.preview, de.confirm] },
            { say: 'ja, abschicken', expect: [de.sent] }, { say: 'danke, tschüss', expect: [de.closing], absent: [de.notOther, de.anythingElse] }],
        outcome: { mailTo: { to: [ANNA], words: /fünf weitere Lizenzen für das Vertriebsteam/ } }
    },
    {
        name: 'Jonas, Du-form without umlauts: who handles billing, a message in his words',
        lang: 'de', email: JONAS,
        steps: [{ say: 'hallo, kannst du mir sagen wer bei uns fuer die abrechnung zustaendig ist?', expect: [de.askEmail] }, { say: JONAS }, { say: CODE, expect: [de.caseB] },
            { say: 'ja', expect: [de.askMessage] }, { say: 'wir brauchen die rechnung vom oktober nochmal als pdf', expect: [de.preview, /rechnung vom oktober nochmal als pdf/] },
            { say: 'passt so', expect: [de.sent] }, { say: 'tschuess', expect: [de.closing], absent: [de.notOther] }],
        outcome: { mailTo: { to: [ANNA], words: /rechnung vom oktober nochmal als pdf/ } }
    },
    {
        name: 'Jonas, typos: asks who the billing contact is, emails Anna, says bye',
        lang: 'en', email: JONAS,
        steps: [{ say: "who's our biling contact", expect: [en.askEmail] }, { say: JONAS }, { say: CODE, expect: [en.caseB] },
            { say: 'yes please', expect: [en.askMessage] }, { say: 'pls add 5 licences for the sales team', expect: [en.preview, en.confirm] },
            { say: 'yep send it', expect: [en.sent] }, { say: 'thanks, bye', expect: [en.closing], absent: [en.notOther, en.anythingElse] }],
        outcome: { mailTo: { to: [ANNA], words: /pls add 5 licences for the sales team/ } }
    },
    {
        name: 'Jonas says yes with the message in one sentence',
        lang: 'en', email: JONAS,
        steps: [{ say: 'who is the billing admin?' }, { say: JONAS }, { say: CODE, expect: [en.offerEmail] },
            { say: 'yes, tell her we need the october invoice as a pdf', expect: [en.preview, /We need the october invoice as a pdf/, en.confirm], absent: [en.askMessage] },
            { say: 'yes', expect: [en.sent] }, { say: 'bye', expect: [en.closing] }],
        outcome: { mailTo: { to: [ANNA], words: /We need the october invoice as a pdf/ } }
    },
    {
        name: 'Lea is no admin: the change is refused, she emails Anna instead, no request is filed',
        lang: 'de', email: LEA,
        steps: [{ say: 'Ich möchte den Abrechnungskontakt ändern' }, { say: LEA }, { say: CODE, expect: [/können nur Kontoadministratoren beantragen/] },
            { say: de.emailAdminButton, expect: [de.askMessage] }, { say: 'Könnten Sie mich bitte als Abrechnungskontakt eintragen lassen?', expect: [de.preview] },
            { say: 'ja', expect: [de.sent] }, { say: 'nein danke', expect: [de.closing], absent: [de.anythingElse] }],
        outcome: { mailTo: { to: [ANNA], words: /mich bitte als Abrechnungskontakt eintragen/ }, noRequest: 'ACC-1001' }
    },
    {
        name: 'Lea is no admin: the change is refused and she leaves',
        lang: 'en', email: LEA,
        steps: [{ say: 'i need to change our billing contact' }, { say: LEA }, { say: CODE, expect: [/Only account admins can ask for a change of the billing contact/] },
            { say: 'no thanks, bye', expect: [en.closing], absent: [en.askMessage] }],
        outcome: { noRequest: 'ACC-1001', noMailTo: ANNA }
    },
    {
        name: 'Anna (case a) learns she is the billing contact, says thanks',
        lang: 'de', email: ANNA,
        steps: [{ say: 'bin ich der abrechnungskontakt?' }, { say: ANNA }, { say: CODE, expect: [de.caseA, /Zur Abrechnung/] },
            { say: 'danke', expect: [/Gern geschehen! Auf Wiedersehen/], absent: [de.anythingElse] }],
        outcome: { noMailTo: ANNA }
    },
    {
        name: 'Anna (case a) in English, closing with "ok thanks"',
        lang: 'en', email: ANNA,
        steps: [{ say: 'am i the billing contact' }, { say: ANNA }, { say: CODE, expect: [en.caseA, /Go to Billing/] },
            { say: 'ok thanks', expect: [/You're welcome! Goodbye/], absent: [en.anythingElse] }],
        outcome: {}
    },
    {
        name: 'Peter (case c) takes the reset offer: the link goes to his own user ID, not asked for',
        lang: 'en', email: PETER,
        steps: [{ say: 'am i the billing contact?' }, { say: PETER }, { say: CODE, expect: [en.caseC, en.offerReset] },
            { say: 'yes please', expect: [/pbrooks/, en.resetRequested], absent: [en.askUserId] }, { say: 'no', expect: [en.closing] }],
        outcome: { resetTo: PETER }
    },
    {
        name: 'Peter (case c) takes the reset offer with his user ID in the same sentence',
        lang: 'de', email: PETER,
        steps: [{ say: 'bin ich abrechnungskontakt' }, { say: PETER }, { say: CODE, expect: [de.caseC, de.offerReset] },
            { say: 'ja gerne, meine Benutzer-ID ist pbrooks', expect: [de.resetRequested], absent: [de.askUserId] }, { say: 'tschüss', expect: [de.closing] }],
        outcome: { resetTo: PETER }
    },
    {
        name: 'Maria forgot the portal password, types her username',
        lang: 'de', email: MARIA,
        steps: [{ say: 'ich komme nicht ins corporate billing portal, passwort vergessen', expect: [de.resetIntro, de.askUserId] },
            { say: 'mbergmann-billing', expect: [de.resetRequested] }, { say: 'nein danke', expect: [de.closing] }],
        outcome: { resetTo: MARIA }
    },
    {
        name: 'Maria forgot the portal password, introduces her user ID',
        lang: 'en', email: MARIA,
        steps: [{ say: 'forgot my password for the billing portal', expect: [en.askUserId] },
            { say: 'my user id is mbergmann-billing', expect: [en.resetRequested] }, { say: 'no thanks', expect: [en.closing] }],
        outcome: { resetTo: MARIA }
    },
    {
        name: 'Klaus resets with a user ID in email format',
        lang: 'de', email: KLAUS,
        steps: [{ say: 'Passwort fürs Portal zurücksetzen', expect: [de.askUserId] },
            { say: KLAUS, expect: [de.resetRequested] }, { say: 'danke, tschüss', expect: [de.closing] }],
        outcome: { resetTo: KLAUS }
    },
    {
        name: 'Klaus tells case d in four sentences and gets the reset',
        lang: 'de', email: KLAUS,
        steps: [{ say: 'Guten Tag, ich bin bei Bergmann & Söhne für die Abrechnung zuständig. Wenn ich auf Zur Abrechnung klicke, lande ich im Corporate Billing Portal. Mein Kennwort weiß ich nicht mehr. Können Sie mir helfen?', expect: [de.resetIntro, de.askUserId] },
            { say: `Die Benutzer-ID ist ${KLAUS}`, expect: [de.resetRequested] }, { say: 'Nein, danke', expect: [de.closing] }],
        outcome: { resetTo: KLAUS }
    },
    {
        name: 'Eva (admin, two billing contacts) emails both',
        lang: 'de', email: EVA,
        steps: [{ say: 'Wer ist bei Bergmann & Söhne der Abrechnungskontakt?' }, { say: EVA }, { say: CODE, expect: [de.caseBD, /Klaus Bergmann/, /Maria Bergmann/] },
            { say: 'ja', expect: [de.askMessage] }, { say: 'Bitte stellen Sie die Rechnungen künftig auf unsere neue Adresse aus.', expect: [de.preview, de.confirm] },
            { say: 'ja', expect: [de.sent] }, { say: 'auf wiedersehen', expect: [de.closing] }],
        outcome: { mailTo: { to: [KLAUS, MARIA], words: /Rechnungen künftig auf unsere neue Adresse/ } }
    },
    {
        name: 'Eva (admin, two billing contacts) emails both',
        lang: 'en', email: EVA,
        steps: [{ say: 'who are the billing contacts of our account?' }, { say: EVA }, { say: CODE, expect: [en.caseBD] },
            { say: 'sure', expect: [en.askMessage] }, { say: 'Please send future invoices to our new address.', expect: [en.preview] },
            { say: 'yes', expect: [en.sent] }, { say: 'thanks bye', expect: [en.closing] }],
        outcome: { mailTo: { to: [KLAUS, MARIA], words: /future invoices to our new address/ } }
    },
    {
        name: 'Sarah declines the mail and asks for the change in one message; Tom becomes the contact',
        lang: 'en', email: SARAH,
        steps: [{ say: 'who is our billing contact?' }, { say: SARAH }, { say: CODE, expect: [en.caseBD] },
            { say: 'no, no email. please change the contact instead', expect: [/Who should become the billing contact of Northwind Traders Ltd/] },
            { say: 'Tom Hughes', expect: [en.askReason] }, { say: 'Peter is retiring.', expect: [en.summary] }, { say: 'yes', expect: [en.filed] },
            { say: 'thanks bye', expect: [en.closing] }],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/, requester: 'Sarah Lee', lang: 'en', reason: /Peter is retiring/ }, noMailTo: PETER }
    },
    {
        name: 'Sarah in German: "Nein, keine Mail. Bitte den Kontakt ändern"; Tom becomes the contact',
        lang: 'de', email: SARAH,
        steps: [{ say: 'Wer ist unser Abrechnungskontakt?' }, { say: SARAH }, { say: CODE, expect: [de.caseBD] },
            { say: 'Nein, keine Mail. Bitte den Kontakt ändern', expect: [/Wer soll Abrechnungskontakt von Northwind Traders Ltd werden/] },
            { say: 'Tom', expect: [de.askReason] }, { say: 'Peter geht in Rente.', expect: [de.summary] }, { say: 'ja', expect: [de.filed] },
            { say: 'tschüss', expect: [de.closing] }],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/, requester: 'Sarah Lee', lang: 'de', reason: /Peter geht in Rente/ }, noMailTo: PETER }
    },
    {
        name: 'Tom is no admin: he emails Peter instead',
        lang: 'en', email: TOM,
        steps: [{ say: 'change billing contact please' }, { say: TOM }, { say: CODE, expect: [/Only account admins can ask/] },
            { say: en.emailAdminButton, expect: [en.askMessage] }, { say: 'Please make me the billing contact, I do the invoices now.', expect: [en.preview] },
            { say: 'yes', expect: [en.sent] }, { say: 'bye', expect: [en.closing] }],
        outcome: { mailTo: { to: [PETER], words: /I do the invoices now/ }, noRequest: 'ACC-2002' }
    },
    {
        name: 'Tom is no admin and declines the other ways',
        lang: 'de', email: TOM,
        steps: [{ say: 'Abrechnungskontakt ändern' }, { say: TOM }, { say: CODE, expect: [/können nur Kontoadministratoren beantragen/] },
            { say: 'nein danke', expect: [de.closing], absent: [de.askMessage] }],
        outcome: { noRequest: 'ACC-2002', noMailTo: PETER }
    },
    {
        name: 'Chris asks about Taylor Consulting, then about Northwind',
        lang: 'en', email: CHRIS,
        steps: [{ say: 'am I the billing contact for Taylor Consulting?' }, { say: CHRIS }, { say: CODE, expect: [en.caseA, /Taylor Consulting/] },
            { say: 'and what about northwind?', expect: [en.caseBD, /Northwind Traders Ltd/] }, { say: 'no thanks', expect: [en.anythingElse] }, { say: 'no', expect: [en.closing] }],
        outcome: {}
    },
    {
        name: 'Chris picks Northwind, then corrects himself',
        lang: 'de', email: CHRIS,
        steps: [{ say: 'bin ich abrechnungskontakt?' }, { say: CHRIS }, { say: CODE, expect: [de.chooseAccount] }, { say: 'Northwind', expect: [de.caseBD] },
            { say: 'nein, ich meinte Taylor Consulting', expect: [de.caseA, /Taylor Consulting/] }, { say: 'danke, tschüss', expect: [de.closing] }],
        outcome: {}
    },
    {
        name: 'Chris files the change for Northwind to Sarah in one sentence',
        lang: 'en', email: CHRIS,
        steps: [{ say: 'please change the billing contact for northwind to Sarah Lee' }, { say: CHRIS }, { say: CODE, expect: [/Why should Sarah Lee become the billing contact/] },
            { say: 'Peter moved to another team', expect: [en.summary, /Northwind Traders Ltd/] }, { say: 'yes', expect: [en.filed] }, { say: 'bye', expect: [en.closing] }],
        outcome: { request: { account: 'ACC-2002', newContact: /Sarah Lee/, requester: 'Chris Taylor', reason: /Peter moved/ }, noRequest: 'ACC-4004' }
    },
    {
        name: 'Jonas files a change to a new person with name and address',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Abrechnungskontakt ändern' }, { say: JONAS }, { say: CODE, expect: [de.askNewContact] }, { say: 'eine andere person', expect: [de.askName] },
            { say: 'Max Mustermann', expect: [/E-Mail-Adresse von Max Mustermann/] }, { say: 'max.mustermann@mueller-design.example', expect: [de.askReason] },
            { say: 'Er übernimmt die Buchhaltung.', expect: [de.summary] }, { say: 'ja', expect: [de.filed] }, { say: 'danke, tschüss', expect: [de.closing] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Max Mustermann/, requester: 'Jonas Weber', lang: 'de' } }
    },
    {
        name: 'Jonas files a change to a new person with name and address',
        lang: 'en', email: JONAS,
        steps: [{ say: 'I want to change the billing contact' }, { say: JONAS }, { say: CODE }, { say: 'someone else', expect: [en.askName] },
            { say: 'Max Mustermann', expect: [/email address of Max Mustermann/] }, { say: 'its max.mustermann@mueller-design.example', expect: [en.askReason] },
            { say: 'He takes over accounting.', expect: [en.summary] }, { say: 'yes', expect: [en.filed] }, { say: 'bye', expect: [en.closing] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Max Mustermann/, lang: 'en' } }
    },
    {
        name: 'an off-topic question first, then the real one',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wie wird das wetter morgen?', expect: [/Dabei kann ich Ihnen leider nicht helfen/] }, { say: 'wer ist mein abrechnungskontakt', expect: [de.askEmail] },
            { say: JONAS }, { say: CODE, expect: [de.caseB] }, { say: de.noThanks, expect: [de.anythingElse] }, { say: 'nein', expect: [de.closing] }],
        outcome: { noMailTo: ANNA }
    },
    {
        name: 'an off-topic question first, then the real one',
        lang: 'en', email: JONAS,
        steps: [{ say: "what's the weather like tomorrow?", expect: [/that's not something I can help with/] }, { say: 'who is my billing contact', expect: [en.askEmail] },
            { say: JONAS }, { say: CODE, expect: [en.caseB] }, { say: en.noThanks, expect: [en.anythingElse] }, { say: 'nope', expect: [en.closing] }],
        outcome: { noMailTo: ANNA }
    },
    {
        name: 'the status right after filing is the request just filed',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Kontakt ändern, auf Lea Fischer' }, { say: JONAS }, { say: CODE, expect: [de.askReason] }, { say: 'Anna ist in Elternzeit.' }, { say: 'ja', expect: [de.filed] },
            { say: 'wie ist der stand meines antrags?', expect: [de.statusFound], absent: [de.askReference] }, { say: 'tschüss', expect: [de.closing] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /Elternzeit/ } }
    },
    {
        name: 'the status right after filing is the request just filed',
        lang: 'en', email: JONAS,
        steps: [{ say: 'change the billing contact to Lea Fischer please' }, { say: JONAS }, { say: CODE, expect: [en.askReason] }, { say: 'Anna is on leave.' }, { say: 'yes', expect: [en.filed] },
            { say: "what's the status of my request?", expect: [en.statusFound], absent: [en.askReference] }, { say: 'bye', expect: [en.closing] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /on leave/ } }
    },
    {
        name: 'English words in a German chat keep the chat German, to the closing',
        lang: 'de', email: ANNA,
        steps: [{ say: 'bin ich abrechnungskontakt' }, { say: ANNA }, { say: CODE, expect: [de.caseA] }, { say: 'ok thanks', expect: [de.closing], absent: [/Goodbye|welcome/] }],
        outcome: {}
    },
    {
        name: 'German words in an English chat keep the chat English, to the closing',
        lang: 'en', email: PETER,
        steps: [{ say: 'who is my billing contact' }, { say: PETER }, { say: CODE, expect: [en.caseC, en.offerReset] }, { say: 'nein danke', expect: [en.closing], absent: [/Auf Wiedersehen|weiter/] }],
        outcome: {}
    },
    {
        name: 'a goodbye while writing to Anna: asked, yes, nothing is sent',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist mein abrechnungskontakt' }, { say: JONAS }, { say: CODE }, { say: 'ja', expect: [de.askMessage] },
            { say: 'ach, danke und tschüss', expect: [/Soll ich ihn verwerfen/], absent: [de.preview] }, { say: 'ja', expect: [de.closing] }],
        outcome: { noMailTo: ANNA }
    },
    {
        name: 'a goodbye at the reason: "no" carries on and the request is filed',
        lang: 'en', email: JONAS,
        steps: [{ say: 'change the billing contact' }, { say: JONAS }, { say: CODE }, { say: 'Lea', expect: [en.askReason] },
            { say: 'thanks bye', expect: [/Shall I drop it/], absent: [en.summary] }, { say: 'no', expect: [/let's carry on/, en.askReason] },
            { say: 'Anna is on parental leave.', expect: [en.summary, /Anna is on parental leave/] }, { say: 'yes', expect: [en.filed] }, { say: 'bye', expect: [en.closing] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /parental leave/ } }
    },
    {
        name: 'a clear "auf Englisch bitte" switches, to the closing',
        lang: 'de', email: LEA,
        steps: [{ say: 'wer ist mein abrechnungskontakt' }, { say: 'auf Englisch bitte', expect: [/let's continue in English/, en.askEmail] }, { say: LEA },
            { say: CODE, expect: [en.caseB] }, { say: en.noThanks, expect: [en.anythingElse] }, { say: 'no', expect: [en.closing], absent: [de.closing] }],
        outcome: {}
    },
    {
        name: 'a request for English written in English, in a German chat, switches and says so: never "we are already speaking English"',
        lang: 'de', email: LEA,
        steps: [{ say: 'hallo' }, { say: 'can we switch to english please?', expect: [/let's continue in English/], absent: [/already speaking/] },
            { say: 'who is my billing contact', expect: [en.askEmail] }],
        outcome: {}
    },
    {
        name: 'a request for German written in German, in an English chat, switches and says so',
        lang: 'en', email: PETER,
        steps: [{ say: 'hello' }, { say: 'können wir bitte auf deutsch weitermachen?', expect: [/auf Deutsch weiter/], absent: [/sprechen bereits|already/] }],
        outcome: {}
    },
    {
        name: 'a clear "can we speak German?" switches, to the closing',
        lang: 'en', email: PETER,
        steps: [{ say: 'can we speak german?', expect: [/auf Deutsch weiter/] }, { say: 'Ich habe mein Portal-Kennwort vergessen', expect: [de.askUserId] },
            { say: 'pbrooks', expect: [de.resetRequested] }, { say: 'nein danke', expect: [de.closing], absent: [en.closing] }],
        outcome: { resetTo: PETER }
    },
    {
        name: 'help at the code question, then the code',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist mein abrechnungskontakt' }, { say: JONAS }, { say: 'hilfe', expect: [de.askCode] }, { say: CODE, expect: [de.verified, de.caseB] },
            { say: 'nein', expect: [de.anythingElse] }, { say: 'nein', expect: [de.closing] }],
        outcome: { noMailTo: ANNA }
    },
    {
        name: 'a wrong code, then the right one',
        lang: 'en', email: JONAS,
        steps: [{ say: 'who is my billing contact' }, { say: JONAS }, { say: '000000', expect: [en.wrongCode] }, { say: CODE, expect: [en.verified, en.caseB] },
            { say: 'no thanks', expect: [en.anythingElse] }, { say: 'goodbye', expect: [en.closing] }],
        outcome: {}
    },
    {
        name: '"von vorn" in the middle, then goodbye',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Abrechnungskontakt ändern' }, { say: JONAS }, { say: CODE, expect: [de.askNewContact] }, { say: 'von vorn', expect: [de.restarted] },
            { say: 'tschüss', expect: [de.closing] }],
        outcome: { noRequest: 'ACC-1001' }
    },
    {
        name: 'the weather at the code question: said so, and the code is still asked for',
        lang: 'en', email: TOM,
        steps: [{ say: 'who is my billing contact' }, { say: TOM }, { say: "what's the weather tomorrow?", expect: [/I only handle billing contacts/, en.askCode] },
            { say: CODE, expect: [en.verified, en.caseBD] }, { say: 'no thanks', expect: [en.anythingElse] }, { say: 'bye', expect: [en.closing] }],
        outcome: {}
    },
    {
        name: 'Sarah names the new contact when asking',
        lang: 'de', email: SARAH,
        steps: [{ say: 'Kontakt ändern auf Tom Hughes' }, { say: SARAH }, { say: CODE, expect: [/Warum soll Tom Hughes Abrechnungskontakt werden/] },
            { say: 'Peter geht in Rente', expect: [de.summary] }, { say: 'ja', expect: [de.filed] }, { say: 'danke, tschüss', expect: [de.closing] }],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/, requester: 'Sarah Lee', lang: 'de' } }
    },
    {
        name: 'Sarah names the new contact when asking',
        lang: 'en', email: SARAH,
        steps: [{ say: 'please make tom hughes the billing contact' }, { say: SARAH }, { say: CODE, expect: [/Why should Tom Hughes become the billing contact/] },
            { say: 'Peter retires', expect: [en.summary] }, { say: 'yes', expect: [en.filed] }, { say: 'bye', expect: [en.closing] }],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/, requester: 'Sarah Lee', lang: 'en' } }
    },
    {
        name: 'Eva declines the mail and asks for the change for herself',
        lang: 'de', email: EVA,
        steps: [{ say: 'Wer ist unser Abrechnungskontakt?' }, { say: EVA }, { say: CODE, expect: [de.caseBD] },
            { say: 'Nein, keine Mail. Bitte den Kontakt ändern', expect: [/Wer soll Abrechnungskontakt von Bergmann & Söhne AG werden/] },
            { say: 'mich selbst', expect: [/Wen soll Eva Schulz als Abrechnungskontakt ersetzen/] },
            { say: 'Maria Bergmann', expect: [/Warum soll Eva Schulz Abrechnungskontakt werden/] }, { say: 'Ich übernehme die Buchhaltung.', expect: [de.summary, /Ersetzt: Maria Bergmann/] },
            { say: 'ja', expect: [de.filed] }, { say: 'tschüss', expect: [de.closing] }],
        outcome: { request: { account: 'ACC-3003', newContact: /Eva Schulz/, requester: 'Eva Schulz' }, noMailTo: KLAUS }
    },
    {
        name: 'Eva asks to become the billing contact herself',
        lang: 'en', email: EVA,
        steps: [{ say: 'I want to change the billing contact' }, { say: EVA }, { say: CODE, expect: [/Who should become the billing contact of Bergmann & Söhne AG/] },
            { say: 'myself', expect: [/Whom should Eva Schulz replace as billing contact/] },
            { say: 'replace Klaus please', expect: [/Why should Eva Schulz become the billing contact/] }, { say: 'I took over accounting.', expect: [en.summary, /Replaces: Klaus Bergmann/] },
            { say: 'yes', expect: [en.filed] }, { say: 'bye', expect: [en.closing] }],
        outcome: { request: { account: 'ACC-3003', newContact: /Eva Schulz/, requester: 'Eva Schulz', lang: 'en' } }
    },
    {
        name: 'Klaus (case c) declines the reset offer',
        lang: 'de', email: KLAUS,
        steps: [{ say: 'wer ist mein abrechnungskontakt' }, { say: KLAUS }, { say: CODE, expect: [de.caseC, /Maria Bergmann/, de.offerReset] },
            { say: 'nein danke', expect: [de.closing], absent: [de.askUserId] }],
        outcome: {}
    },
    {
        name: 'Klaus (case c) declines the reset offer',
        lang: 'en', email: KLAUS,
        steps: [{ say: 'am I the billing contact' }, { say: KLAUS }, { say: CODE, expect: [en.caseC, en.offerReset] }, { say: 'no thanks', expect: [en.closing], absent: [en.askUserId] }],
        outcome: {}
    },
    {
        name: 'a related topic, then no',
        lang: 'de',
        steps: [{ say: 'wie bezahle ich eine rechnung online im portal?', expect: [/Corporate Billing Portal online bezahlen/] }, { say: 'nein', expect: [de.closing] }],
        outcome: {}
    },
    {
        name: '"how do I add licenses?" gets the article, not a made-up Admin Center step, then no',
        lang: 'en',
        steps: [{ say: 'how do i add licenses?', expect: [/only sees the billing contact's name and email address/], absent: [/Admins can (also )?add licenses/] }, { say: 'no', expect: [en.closing] }],
        outcome: {}
    },
    {
        name: 'Chris switches the account in the middle of a change request',
        lang: 'de', email: CHRIS,
        steps: [{ say: 'Abrechnungskontakt ändern' }, { say: CHRIS }, { say: CODE, expect: [de.chooseAccount] }, { say: 'Northwind', expect: [/Wer soll Abrechnungskontakt von Northwind Traders Ltd werden/] },
            { say: 'nein, ich meinte Taylor Consulting', expect: [de.askName], absent: [/Northwind/] }, { say: 'abbrechen', expect: [de.cancelled] }, { say: 'nein', expect: [de.closing] }],
        outcome: { noRequest: 'ACC-2002' }
    },
    {
        name: 'Lea corrects a typo in her address at the code question',
        lang: 'en', email: LEA,
        steps: [{ say: 'whos my billing contact' }, { say: 'lea.fischer@mueller-desing.example', expect: [en.codeSent] },
            { say: `sorry wrong address, it's ${LEA}`, expect: [en.codeSent, /lea\.fischer@mueller-design\.example/] }, { say: CODE, expect: [en.caseB] },
            { say: 'yes please', expect: [en.askMessage] }, { say: 'Could you add me as a second billing contact?', expect: [en.preview] }, { say: 'yes', expect: [en.sent] },
            { say: 'thx bye', expect: [en.closing] }],
        outcome: { mailTo: { to: [ANNA], words: /add me as a second billing contact/ } }
    },
    {
        name: 'the Add licenses story in four sentences: the bot writes to Anna',
        lang: 'en', email: JONAS,
        steps: [{ say: "Hi, I wanted to add licenses for my team. When I click Add licenses it says I'm not the billing contact. It shows Anna's name. Can you email her for me?", expect: [en.askEmail] },
            { say: JONAS }, { say: CODE, expect: [en.caseB, en.askMessage] }, { say: 'We need 3 more licenses for the design team.', expect: [en.preview] },
            { say: 'yes', expect: [en.sent] }, { say: 'bye', expect: [en.closing] }],
        outcome: { mailTo: { to: [ANNA], words: /3 more licenses for the design team/ } }
    },
    {
        name: 'the Add licenses story in four sentences: the bot writes to Anna',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Hallo, ich wollte Lizenzen für mein Team hinzufügen. Beim Klick auf Lizenzen hinzufügen steht, dass ich nicht der Abrechnungskontakt bin. Dort steht der Name von Anna Müller. Können Sie ihr eine E-Mail schreiben?', expect: [de.askEmail] },
            { say: JONAS }, { say: CODE, expect: [de.caseB, de.askMessage] }, { say: 'Wir brauchen drei weitere Lizenzen für das Designteam.', expect: [de.preview] },
            { say: 'ja', expect: [de.sent] }, { say: 'tschüss', expect: [de.closing] }],
        outcome: { mailTo: { to: [ANNA], words: /drei weitere Lizenzen für das Designteam/ } }
    },
    {
        name: 'the reset asked with the user ID in the same message',
        lang: 'en', email: PETER,
        steps: [{ say: 'reset my portal password, user id pbrooks', expect: [en.resetRequested], absent: [en.askUserId] }, { say: 'no thanks', expect: [en.closing] }],
        outcome: { resetTo: PETER }
    },
    {
        name: 'the reset asked with the user ID in the same message',
        lang: 'de', email: MARIA,
        steps: [{ say: 'Kennwort fürs Portal zurücksetzen, meine Benutzer-ID ist mbergmann-billing', expect: [de.resetRequested], absent: [de.askUserId] }, { say: 'nein danke', expect: [de.closing] }],
        outcome: { resetTo: MARIA }
    },
    {
        name: 'after verification a related topic says what it means for Jonas, and offers to email Anna',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist mein abrechnungskontakt' }, { say: JONAS }, { say: CODE }, { say: de.noThanks, expect: [de.anythingElse] },
            { say: 'wie ändere ich die zahlungsmethode?', expect: [/Müller Design GmbH ist ein Online-Konto, und die Zahlungsmethode kann nur der Abrechnungskontakt ändern\. Wenden Sie sich bitte an Ihren Abrechnungskontakt Anna Müller/, /Soll ich Anna Müller für Sie eine E-Mail schreiben/], absent: [/Soll ich prüfen, welche Art von Konto/, /Der Abrechnungskontakt eines Online-Kontos/] },
            { say: 'ja bitte', expect: [de.askMessage] }, { say: 'Bitte hinterlegen Sie unsere neue Kreditkarte.', expect: [de.preview] }, { say: 'ja', expect: [de.sent] },
            { say: 'tschüss', expect: [de.closing] }],
        outcome: { mailTo: { to: [ANNA], words: /neue Kreditkarte/ } }
    },
    {
        name: 'after verification a related topic says what it means for Peter (corporate billing contact)',
        lang: 'en', email: PETER,
        steps: [{ say: 'am i the billing contact' }, { say: PETER }, { say: CODE }, { say: 'no thanks', expect: [en.closing] },
            { say: 'how do I pay an invoice online?', expect: [/As a billing contact of the corporate account Northwind Traders Ltd, you can pay invoices online in the Corporate Billing Portal/], absent: [/Shall I check whether you are a billing contact/, /Billing contacts of corporate accounts can/] },
            { say: 'no', expect: [en.closing] }],
        outcome: {}
    },
    {
        name: 'a goodbye at the one-line description for customer service is no description: asked, yes, nobody is queued',
        lang: 'de',
        steps: [{ say: 'Ich möchte mit einem Mitarbeiter sprechen', expect: [/Worum geht es\?/] }, { say: 'ok danke, tschüss', expect: [/Soll ich ihn verwerfen/] },
            { say: 'ja', expect: [de.closing] }],
        outcome: { noHandoff: true }
    },
    {
        name: 'a goodbye at the one-line description for customer service is no description: asked, yes, nobody is queued',
        lang: 'en',
        steps: [{ say: 'I want to talk to a person', expect: [/In one line, what is it about\?/] }, { say: 'thanks, bye', expect: [/Shall I drop it/] },
            { say: 'yes', expect: [en.closing] }],
        outcome: { noHandoff: true }
    }
];

describe('Conversations in customers\' own words: whole conversations of the demo people', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harnessOf(), row));
    }
});
