import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, JONAS } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const de = PHRASES.de;
const en = PHRASES.en;

/** The bot takes up an offer of "du" (and stays with "Sie"), or a name to be called by. */
const DU_OFFERED = /Danke für das Angebot! Ich bleibe trotzdem beim „Sie“/;
const TOM_DE = /^Freut mich, Tom! Beim „Sie“ bleibe ich trotzdem/m;
const TOM_EN = /^Nice to meet you, Tom!$/m;
const FORMALITIES = /^Sure, no need for formalities!$/m;

/** Small talk about the form of address: one friendly line, and the flow goes on where it was (no step lost). */
const SMALL_TALK: readonly ConversationRow[] = [
    {
        name: '"du kannst mich duzen" as the first message: taken up, the menu follows; the next request goes on normally',
        lang: 'de', email: JONAS,
        steps: [{ say: 'du kannst mich duzen', expect: [DU_OFFERED, de.menu], absent: [de.notUnderstood, /Hilfe/] },
            { say: 'wer ist unser abrechnungskontakt?', expect: [de.askEmail] }, { say: JONAS }, { say: CODE, expect: [/Anna Müller/, de.offerEmail] }],
        outcome: { noHandoff: true }
    },
    {
        name: '"wir können uns duzen" at the email question: taken up, the email question again; the step is not lost',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist unser abrechnungskontakt?', expect: [de.askEmail] },
            { say: 'wir können uns duzen', expect: [DU_OFFERED, de.askEmail], absent: [de.invalidEmail, de.notUnderstood] },
            { say: JONAS, expect: [de.codeSent] }, { say: CODE, expect: [/Anna Müller/, de.offerEmail] }],
        outcome: { noHandoff: true }
    },
    {
        name: '"Sie können mich Tom nennen" at the message to the billing contact: taken up by name, not sent as the message',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist unser abrechnungskontakt?' }, { say: JONAS }, { say: CODE, expect: [de.offerEmail] },
            { say: 'ja', expect: [de.askMessage] },
            { say: 'Sie können mich Tom nennen', expect: [TOM_DE, de.askMessage], absent: [de.preview] },
            { say: 'Wir brauchen 5 weitere Lizenzen.', expect: [de.preview, de.confirm] }, { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: /^(?![\s\S]*Tom nennen)[\s\S]*Wir brauchen 5 weitere Lizenzen/ } }
    },
    {
        name: '"you can call me Tom" at the code question: no person is called, the code question again, then verified',
        lang: 'en', email: SARAH,
        steps: [{ say: 'who is our billing contact?', expect: [en.askEmail] }, { say: SARAH, expect: [en.codeSent] },
            { say: 'you can call me Tom', expect: [TOM_EN, en.askCode], absent: [/customer service/, en.notUnderstood] },
            { say: CODE, expect: [/Peter Brooks/] }],
        outcome: { noHandoff: true }
    },
    {
        name: '"call me Tom, who is our billing contact?" as the first message: taken up, and the question is answered',
        lang: 'en', email: SARAH,
        steps: [{ say: 'call me Tom, who is our billing contact?', expect: [TOM_EN, en.askEmail], absent: [/customer service/] }, { say: SARAH }, { say: CODE, expect: [/Peter Brooks/] }],
        outcome: { noHandoff: true }
    },
    {
        name: '"no need to be so formal" at "Shall I send it?": taken up, the same question again, then sent',
        lang: 'en', email: SARAH,
        steps: [{ say: 'who is our billing contact?' }, { say: SARAH }, { say: CODE, expect: [en.offerEmail] },
            { say: 'yes', expect: [en.askMessage] }, { say: 'We need 3 more seats.', expect: [en.preview, en.confirm] },
            { say: 'no need to be so formal', expect: [FORMALITIES, en.confirm], absent: [en.sent, en.notSent] },
            { say: 'yes', expect: [en.sent] }],
        outcome: { mailTo: { to: ['peter.brooks@northwind.example'], words: /^(?![\s\S]*formal)[\s\S]*We need 3 more seats/ } }
    },
    {
        name: '"please call me back tomorrow" is no name: it asks for a person',
        lang: 'en',
        steps: [{ say: 'please call me back tomorrow', absent: [TOM_EN, /Nice to meet you/] }],
        outcome: {}
    }
];

/** A customer who writes in Du-form gets what one who writes in Sie-form gets. */
const DU_FORM: readonly ConversationRow[] = [
    {
        name: 'ganz in Du-Form: „kannst du mir sagen …“, „ja schick ihr bitte, dass …“, „füg noch hinzu: …“ – die Mail geht mit genau diesen Worten an Anna',
        lang: 'de', email: JONAS,
        steps: [{ say: 'kannst du mir sagen wer unser abrechnungskontakt ist', expect: [de.askEmail] }, { say: JONAS }, { say: CODE, expect: [de.offerEmail] },
            { say: 'ja schick ihr bitte, dass wir 5 weitere Lizenzen brauchen', expect: [de.preview, /\n\nIch möchte Ihnen mitteilen, dass wir 5 weitere Lizenzen brauchen/, de.confirm], absent: [de.askMessage, /schick ihr/] },
            { say: 'füg noch hinzu: die Rechnung bitte als PDF', expect: [de.preview, /5 weitere Lizenzen[\s\S]*Rechnung bitte als PDF/, de.confirm], absent: [de.sent] },
            { say: 'mach das bitte', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: /^(?![\s\S]*(schick ihr|füg noch))[\s\S]*5 weitere Lizenzen[\s\S]*Rechnung bitte als PDF/ } }
    },
    {
        name: 'Du-Form beim Entwurf: „nein, schreib stattdessen: …“ ersetzt ihn wie „schreiben Sie stattdessen“',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist unser abrechnungskontakt?' }, { say: JONAS }, { say: CODE, expect: [de.offerEmail] },
            { say: 'ja', expect: [de.askMessage] }, { say: 'Wir brauchen 5 weitere Lizenzen.', expect: [de.preview] },
            { say: 'nein, schreib stattdessen: Wir brauchen 7 weitere Lizenzen.', expect: [de.preview, /7 weitere Lizenzen/, de.confirm], absent: [/5 weitere Lizenzen/, de.sent] },
            { say: 'ja', expect: [de.sent] }],
        outcome: { mailTo: { to: [ANNA], words: /^(?![\s\S]*5 weitere)[\s\S]*7 weitere Lizenzen/ } }
    },
    {
        name: 'Du-Form für einen Menschen: „stell mich zu einem Mitarbeiter durch“ wie „stellen Sie mich … durch“',
        lang: 'de',
        steps: [{ say: 'stell mich bitte zu einem Mitarbeiter durch', expect: [/Kundendienst/], absent: [de.notUnderstood, de.menu] }],
        outcome: {}
    },
    {
        name: 'Du-Form bei der Änderung: „nein, trag stattdessen Lea Fischer ein“ korrigiert die Zusammenfassung',
        lang: 'de', email: JONAS,
        steps: [{ say: 'kannst du den abrechnungskontakt ändern?' }, { say: JONAS }, { say: CODE }, { say: 'Jonas Weber' }, { say: 'Er übernimmt die Buchhaltung.', expect: [/Neuer Abrechnungskontakt: Jonas Weber/] },
            { say: 'nein, trag stattdessen Lea Fischer ein', expect: [/Neuer Abrechnungskontakt: Lea Fischer/, /Soll ich den Antrag stellen\?/] },
            { say: 'ja' }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /Buchhaltung/ } }
    }
];

/** The same request in Sie-form and in Du-form: the bot answers both alike. */
const PAIRS: ReadonlyArray<{ readonly sie: string; readonly du: string; readonly at?: string; readonly expect: RegExp }> = [
    { sie: 'Können Sie mir einen Reset-Link schicken?', du: 'kannst du mir nen reset link schicken', expect: /Das Corporate Billing Portal lässt nur Abrechnungskontakte/ },
    { sie: 'Brechen Sie ab', du: 'brich ab', at: 'wer ist unser abrechnungskontakt?', expect: de.cancelled },
    { sie: 'Helfen Sie mir bitte', du: 'hilf mir mal', expect: /Ich helfe Ihnen bei Fragen zum Abrechnungskontakt/ },
    { sie: 'Verbinden Sie mich mit einem Mitarbeiter', du: 'verbind mich mit nem mitarbeiter', expect: /Kundendienst/ },
    { sie: 'Können Sie prüfen, ob ich Abrechnungskontakt bin?', du: 'kannst du prüfen ob ich abrechnungskontakt bin?', expect: de.askEmail }
];

describe('Du and Sie: small talk about the form of address, and customers who write in Du-form', () => {
    const harness = useHarness();
    for (const row of [...SMALL_TALK, ...DU_FORM]) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harness(), row));
    }
    for (const pair of PAIRS) {
        for (const said of [pair.sie, pair.du]) {
            it(`[de] „${said}“ (${said === pair.sie ? 'Sie' : 'Du'}) is understood like its ${said === pair.sie ? 'Du' : 'Sie'}-form`, async () =>
                playRow(harness(), {
                    name: said,
                    lang: 'de',
                    steps: [...(pair.at ? [{ say: pair.at }] : []), { say: said, expect: [pair.expect], absent: [de.notUnderstood, /Bitte wählen Sie eine der Optionen/] }],
                    outcome: {}
                }));
        }
    }
});
