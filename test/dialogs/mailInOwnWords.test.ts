import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, LEA, JONAS, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const de = PHRASES.de;
const en = PHRASES.en;

/** A mail whose text has `words` and none of `frame` (the words the person said to the bot). */
function mailWithout(frame: RegExp, words: RegExp): RegExp {
    return new RegExp(`^(?![\\s\\S]*(?:${frame.source}))[\\s\\S]*${words.source}`, 'i');
}

/** The person's message to the billing contact, as they say it to the bot: only their message goes out. */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"email peter that we need 5 more licences" as the first message: after the code the draft holds those words, not the code',
        lang: 'en', email: SARAH,
        steps: [{ say: 'can you email peter and tell him that we need 5 more licences for the sales team', expect: [en.askEmail] }, { say: SARAH },
            { say: CODE, expect: [en.preview, /5 more licences for the sales team/, en.confirm], absent: [en.askMessage, /email peter/i] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: [PETER], words: mailWithout(/email peter|tell him/, /5 more licences for the sales team/) } }
    },
    {
        name: '"schreib der Anna, dass …" als erste Nachricht: nach dem Code steht die Nachricht im Entwurf',
        lang: 'de', email: JONAS,
        steps: [{ say: 'schreib bitte der anna eine mail, dass wir die rechnung vom oktober als pdf brauchen', expect: [de.askEmail] }, { say: JONAS },
            { say: CODE, expect: [de.preview, /\n\nWir brauchen die rechnung vom oktober als pdf/i, de.confirm], absent: [de.askMessage, /schreib bitte/] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: mailWithout(/schreib bitte/, /Wir brauchen die rechnung vom oktober als pdf/i) } }
    },
    {
        name: '"email peter that …" with the message\'s own words about the plan: a mail to Peter with them, not a question about the plan',
        lang: 'en', email: SARAH,
        steps: [{ say: 'email peter that we need 5 more licences', expect: [en.askEmail] }, { say: SARAH },
            { say: CODE, expect: [en.preview, /We need 5 more licences/, en.confirm], absent: [en.askMessage] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: [PETER], words: mailWithout(/email peter/, /We need 5 more licences/) } }
    },
    {
        name: '„ach nee, lass mal, ich frag sie selber. tschüss“ bei „Soll ich sie senden?“: nichts gesendet, nichts an den Entwurf gehängt, verabschiedet',
        lang: 'de', email: LEA,
        steps: [{ say: 'schreib der anna bitte dass ich eine lizenz fuer gotomeeting brauche', expect: [de.askEmail] }, { say: LEA },
            { say: CODE, expect: [de.preview, /Ich brauche eine lizenz fuer gotomeeting/, de.confirm] },
            { say: 'ach nee, lass mal, ich frag sie selber. tschuess', expect: [/Auf Wiedersehen/], absent: [de.preview, de.sent, /lass mal/] }],
        outcome: { noMailTo: ANNA }
    },
    {
        name: '"oh no, forget it, I\'ll ask him myself. bye" at "Shall I send it?": nothing sent, goodbye',
        lang: 'en', email: SARAH,
        steps: [{ say: 'email peter that we need 5 more licences' }, { say: SARAH },
            { say: CODE, expect: [en.preview, en.confirm] },
            { say: "oh no, forget it, I'll ask him myself. bye", expect: [/Goodbye/], absent: [en.preview, en.sent] }],
        outcome: { noMailTo: PETER }
    },
    {
        name: '"tell our billing admin that …" is a mail to the billing admin, not a question who it is',
        lang: 'en', email: SARAH,
        steps: [{ say: 'tell our billing admin that the october invoice has the wrong vat number', expect: [en.askEmail] }, { say: SARAH },
            { say: CODE, expect: [en.preview, /October invoice has the wrong VAT number/i, en.confirm], absent: [en.askMessage] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: [PETER], words: mailWithout(/billing admin that/, /october invoice has the wrong vat number/i) } }
    },
    {
        name: '"sag dem Abrechnungskontakt, dass wir mehr Lizenzen brauchen": eine Mail an Anna mit diesen Worten als eigener Satz („Wir brauchen mehr Lizenzen“), keine Antwort zum Tarif',
        lang: 'de', email: JONAS,
        steps: [{ say: 'sag dem abrechnungskontakt, dass wir mehr lizenzen brauchen', expect: [de.askEmail] }, { say: JONAS },
            { say: CODE, expect: [de.preview, /\n\nWir brauchen mehr lizenzen/, de.confirm], absent: [de.askMessage] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: mailWithout(/abrechnungskontakt, dass/, /Wir brauchen mehr lizenzen/) } }
    },
    {
        name: '"Danke. kannst du der bitte ne mail schreiben dass …" bei der Frage nach der Nachricht: nur „wir 5 weitere Lizenzen …“ geht an Anna',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist unser abrechnungskontakt?', expect: [de.askEmail] }, { say: JONAS }, { say: CODE, expect: [de.offerEmail] },
            { say: 'ja', expect: [de.askMessage] },
            { say: 'Danke. kannst du der bitte ne mail schreiben dass wir 5 weitere lizenzen brauchen für das vertriebsteam ab januar',
                expect: [de.preview, /\n\nIch möchte Ihnen mitteilen, dass wir 5 weitere lizenzen brauchen für das vertriebsteam ab januar/, de.confirm], absent: [/ne mail schreiben/, /Danke\. kannst/] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: mailWithout(/ne mail schreiben|Danke\. kannst/, /Ich möchte Ihnen mitteilen, dass wir 5 weitere lizenzen brauchen für das vertriebsteam ab januar/) } }
    },
    {
        name: '"ok danke, sag ihr, dass …" beim Angebot: der Entwurf kommt ohne Rückfrage, nur die Nachricht geht an Anna',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist unser abrechnungskontakt?', expect: [de.askEmail] }, { say: JONAS }, { say: CODE, expect: [de.offerEmail] },
            { say: 'ja, sag ihr, dass wir die Rechnung vom Oktober als PDF brauchen', expect: [de.preview, /\n\nWir brauchen die Rechnung vom Oktober als PDF/, de.confirm], absent: [de.askMessage, /sag ihr/] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: mailWithout(/sag ihr/, /Wir brauchen die Rechnung vom Oktober als PDF/) } }
    },
    {
        name: '"Nachricht: …" at the message question: the words after the label go out',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist unser abrechnungskontakt?', expect: [de.askEmail] }, { say: JONAS }, { say: CODE, expect: [de.offerEmail] },
            { say: 'ja', expect: [de.askMessage] },
            { say: 'ok danke. Nachricht: Hallo Anna, bitte buche 2 Lizenzen dazu. Gruß Jonas', expect: [de.preview, /\n\nBitte buche 2 Lizenzen dazu\.\n\nGruß Jonas/], absent: [/Nachricht:/] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: mailWithout(/Nachricht:|ok danke|Hallo Anna/, /Bitte buche 2 Lizenzen dazu/) } }
    },
    {
        name: '"can you email them for me? Text: Hi Peter, …" at the offer: the text is the draft, not asked for again',
        lang: 'en', email: SARAH,
        steps: [{ say: 'who is our billing contact?', expect: [en.askEmail] }, { say: SARAH }, { say: CODE, expect: [en.offerEmail] },
            { say: 'can you email them for me? Text: Hi Peter, please add 3 seats for the new hires. Thanks, Sarah',
                expect: [en.preview, /\n\nPlease add 3 seats for the new hires\.\n\nThanks, Sarah/, en.confirm], absent: [en.askMessage, /email them for me/] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: [PETER], words: mailWithout(/email them for me|Text:|Hi Peter/, /Please add 3 seats for the new hires/) } }
    },
    {
        name: '"Thanks. Email Peter and tell him: …" at the message question: only the words after the colon go out',
        lang: 'en', email: SARAH,
        steps: [{ say: 'who is our billing contact?', expect: [en.askEmail] }, { say: SARAH }, { say: CODE, expect: [en.offerEmail] },
            { say: 'yes', expect: [en.askMessage] },
            { say: 'Thanks. Email Peter and tell him: we need the october invoice as a pdf', expect: [en.preview, /\n\nWe need the october invoice as a pdf/], absent: [/tell him/] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: [PETER], words: mailWithout(/tell him|Thanks\. Email/, /We need the october invoice as a pdf/) } }
    },
    {
        name: '"tell her that …" at the message question, and own words with "that" inside stay as written',
        lang: 'en', email: JONAS,
        steps: [{ say: 'who is our billing contact?', expect: [en.askEmail] }, { say: JONAS }, { say: CODE, expect: [en.offerEmail] },
            { say: 'yes', expect: [en.askMessage] },
            { say: 'tell her that we need the invoice that was sent in May again', expect: [en.preview, /\n\nWe need the invoice that was sent in May again/], absent: [/tell her/] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: [ANNA], words: mailWithout(/tell her/, /We need the invoice that was sent in May again/) } }
    },
    {
        name: 'a message that only begins with thanks for something keeps its words: "Danke für die Rechnung. Der Text darauf ist falsch: …, so dass …"',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist unser abrechnungskontakt?', expect: [de.askEmail] }, { say: JONAS }, { say: CODE, expect: [de.offerEmail] },
            { say: 'ja', expect: [de.askMessage] },
            { say: 'Danke für die Rechnung. Der Text darauf ist falsch: es fehlt die Bestellnummer, so dass wir sie nicht buchen können',
                expect: [de.preview, /\n\nDanke für die Rechnung\. Der Text darauf ist falsch: es fehlt die Bestellnummer, so dass wir sie nicht buchen können/] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: /Danke für die Rechnung\. Der Text darauf ist falsch: es fehlt die Bestellnummer, so dass wir sie nicht buchen können/ } }
    },
    // Chat words before the words to the bot ("cool can u tell her …", "ok kannste ihm sagen, dass …"): only the message goes out.
    ...(
        [
            ['en', 'who handles billing for us', JONAS, 'cool can u tell her the invoice for november is missing the PO number 4711', /The invoice for november is missing the PO number 4711/, /can u|tell her/i, ANNA],
            ['de', 'wer ist unser abrechnungskontakt', LEA, 'ok kannste ihr sagen dass wir die rechnung als pdf brauchen', /Wir brauchen die rechnung als pdf/i, /kannste|sagen/i, ANNA]
        ] as const
    ).map(
        ([lang, first, email, said, message, frame, to]): ConversationRow => ({
            name: `"${said}" at the offer of a mail: only the message goes out (${message.source})`,
            lang, email,
            steps: [{ say: first, expect: [PHRASES[lang].askEmail] }, { say: email }, { say: CODE, expect: [PHRASES[lang].offerEmail] },
                { say: said, expect: [PHRASES[lang].preview, message, PHRASES[lang].confirm], absent: [PHRASES[lang].askMessage] },
                { say: lang === 'en' ? 'yes' : 'ja', expect: [PHRASES[lang].sent] }],
            outcome: { mailTo: { to: [to], words: mailWithout(frame, message) } }
        })
    ),
    // "ask him whether he can …": the question is passed on to the recipient, who is addressed ("whether you can …"), not the words to the bot.
    ...(
        [
            ['en', 'who is my billing contact?', 'tom.hughes@northwind.example', 'can you email him to ask if he can add 2 licences', /whether you can add 2 licences/, /email him|ask if|he can/, PETER],
            ['en', 'who is my billing contact?', 'tom.hughes@northwind.example', 'yes, ask him whether he could send the invoice as pdf', /whether you could send the invoice as pdf/, /ask him|he could/, PETER],
            ['de', 'wer ist mein abrechnungskontakt?', JONAS, 'ja, frag sie bitte ob sie mir die rechnung als pdf schicken kann', /Können Sie mir die rechnung als pdf schicken\?/i, /frag sie|kann sie/i, ANNA],
            ['de', 'wer ist mein abrechnungskontakt?', LEA, 'kannst du sie fragen, ob sie uns 3 lizenzen mehr geben kann', /Können Sie uns 3 lizenzen mehr geben\?/i, /fragen|kann sie/i, ANNA]
        ] as const
    ).map(
        ([lang, first, email, said, asked, frame, to]): ConversationRow => ({
            name: `"${said}" at the offer of a mail: the recipient is asked in the mail (${asked.source})`,
            lang, email,
            steps: [{ say: first, expect: [PHRASES[lang].askEmail] }, { say: email }, { say: CODE, expect: [PHRASES[lang].offerEmail] },
                { say: said, expect: [PHRASES[lang].preview, asked, PHRASES[lang].confirm], absent: [PHRASES[lang].askMessage] },
                { say: lang === 'en' ? 'yes' : 'ja', expect: [PHRASES[lang].sent] }],
            outcome: { mailTo: { to: [to], words: mailWithout(frame, asked) } }
        })
    ),
];

describe('The message to the billing contact in the person\'s own words: thanks and words to the bot stay out', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
        });
    }
});
