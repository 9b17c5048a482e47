import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, EVA, JONAS, KLAUS, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const de = PHRASES.de;
const en = PHRASES.en;

/** What a verified person must never read: the generic "if your account is …" and offers to check what was checked. */
const GENERIC_DE = [/Wenn Ihr Konto ein Unternehmenskonto ist/, /hängen von Ihrem Kontotyp ab/, /Soll ich prüfen/, /Bei einem Online-Konto:/, /Für Sie:/];
const GENERIC_EN = [/If your account is a corporate account/, /depend on your account type/, /Shall I check/, /For an online account:/, /For you:/];

/** Verifies `email` with the role question and answers the rest of the turn's question. */
function verified(lang: 'de' | 'en', email: string): ConversationRow['steps'] {
    const p = PHRASES[lang];
    return [{ say: p.amI, expect: [p.askEmail] }, { say: email }, { say: CODE, expect: [p.verified] }];
}

/**
 * After verification a topic is answered for the person: their account by
 * name and type, their role, the billing contact(s) by name when it is
 * someone else, and no offer to check what was just checked. One demo person
 * per case of the article, in both languages.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: 'a – Anna (Online-Konto, Abrechnungskontakt) fragt nach dem Planwechsel: sie kann es selbst',
        lang: 'de', email: ANNA,
        steps: [...verified('de', ANNA),
            { say: 'wie kann ich den plan ändern?', expect: [/Müller Design GmbH ist ein Online-Konto, und Sie sind sein Abrechnungskontakt – Sie können den Plan also selbst ändern/], absent: GENERIC_DE }],
        outcome: { noHandoff: true }
    },
    {
        name: 'b – Jonas (Online-Konto, Administrator) fragt nach der Zahlungsmethode: nur Anna Müller kann das',
        lang: 'de', email: JONAS,
        steps: [...verified('de', JONAS),
            { say: 'Wie ändere ich die Zahlungsmethode?', expect: [/Müller Design GmbH ist ein Online-Konto, und die Zahlungsmethode kann nur der Abrechnungskontakt ändern\. Wenden Sie sich bitte an Ihren Abrechnungskontakt Anna Müller\./, /Soll ich Anna Müller für Sie eine E-Mail schreiben/], absent: GENERIC_DE }],
        outcome: { noHandoff: true }
    },
    {
        name: 'bd – Eva (Unternehmenskonto, zwei Abrechnungskontakte) fragt, warum sie nichts online ändern kann: beide werden genannt',
        lang: 'de', email: EVA,
        steps: [...verified('de', EVA),
            { say: 'warum kann ich den plan nicht online ändern?', expect: [/Bergmann & Söhne AG ist ein Unternehmenskonto/, /Wenden Sie sich bitte an Ihre Abrechnungskontakte Klaus Bergmann und Maria Bergmann\./], absent: GENERIC_DE }],
        outcome: { noHandoff: true }
    },
    {
        name: 'c – Klaus (Unternehmenskonto, Abrechnungskontakt) fragt, wie er online bezahlt: im Portal, mit seiner Benutzer-ID',
        lang: 'de', email: KLAUS,
        steps: [...verified('de', KLAUS),
            { say: 'Wie kann ich die Rechnung online im Portal bezahlen?', expect: [/Als Abrechnungskontakt des Unternehmenskontos Bergmann & Söhne AG können Sie Rechnungen im Corporate Billing Portal online bezahlen/], absent: GENERIC_DE }],
        outcome: { noHandoff: true }
    },
    {
        name: 'c – Peter (corporate, billing contact) asks how to sign in to Billing: the portal, with his billing-contact user ID',
        lang: 'en', email: PETER,
        steps: [...verified('en', PETER),
            { say: 'how do I sign in to billing?', expect: [/As a billing contact of the corporate account Northwind Traders Ltd, you're taken to the Corporate Billing Portal/], absent: GENERIC_EN }],
        outcome: { noHandoff: true }
    },
    {
        name: 'bd – Sarah (corporate, admin) asks about payment and invoices: Peter Brooks is named, no check offered',
        lang: 'en', email: SARAH,
        steps: [...verified('en', SARAH),
            { say: 'how does payment and invoicing work?', expect: [/Northwind Traders Ltd is a corporate account, invoiced through your company/, /Please ask your billing contact, Peter Brooks\./], absent: GENERIC_EN }],
        outcome: { noHandoff: true }
    },
    {
        name: 'a – Chris (online, billing contact of Taylor Consulting) asks about online vs. corporate: his own account type',
        lang: 'en', email: 'chris.taylor@taylor-consulting.example',
        steps: [{ say: en.amI, expect: [en.askEmail] }, { say: 'chris.taylor@taylor-consulting.example' }, { say: CODE }, { say: 'Taylor Consulting', expect: [en.caseA] },
            { say: "what's the difference between online and corporate accounts?", expect: [/Taylor Consulting is an online account: it is bought and managed online, and as its billing contact you change the plan/], absent: GENERIC_EN }],
        outcome: { noHandoff: true }
    },
    {
        name: 'b – Jonas fragt mitten in der Frage nach der E-Mail an Anna, was ein Unternehmenskonto ist: die Antwort für ihn, dann dieselbe Frage',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist unser abrechnungskontakt?', expect: [de.askEmail] }, { say: JONAS }, { say: CODE, expect: [de.offerEmail] },
            { say: 'Was ist der Unterschied zwischen Online-Konto und Unternehmenskonto?', expect: [/Müller Design GmbH ist ein Online-Konto: Es wird online gekauft und von seinem Abrechnungskontakt/, /Ihren Abrechnungskontakt Anna Müller/, de.offerEmail], absent: GENERIC_DE },
            { say: 'ja', expect: [de.askMessage] }],
        outcome: { noHandoff: true }
    }
];

/** What the bot did in the conversation is known too: the link it just sent, the request just filed. */
const JUST_DONE: readonly ConversationRow[] = [
    {
        name: 'c – Peter had a reset link sent a moment ago: paying online names that link instead of offering another',
        lang: 'en', email: PETER,
        steps: [...verified('en', PETER),
            { say: 'please send me a reset link for the portal password', expect: [/I've asked the portal to send a password reset link/] },
            { say: 'how do I pay an invoice online?', expect: [/you can pay invoices online in the Corporate Billing Portal/, /I've already had a password reset link sent to your billing-contact email address in this conversation/], absent: [/I can have a reset link sent/, ...GENERIC_EN] }],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: 'c – Peter without a link sent: the same answer offers one',
        lang: 'en', email: PETER,
        steps: [...verified('en', PETER), { say: 'no thanks' },
            { say: 'how do I pay an invoice online?', expect: [/Forgotten your password\? I can have a reset link sent\./], absent: GENERIC_EN }],
        outcome: { noHandoff: true }
    },
    {
        name: 'b – Jonas hat gerade einen Änderungsantrag gestellt: „bin ich der Abrechnungskontakt?“ nennt den Antrag, statt einen neuen anzubieten',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Ich möchte den Abrechnungskontakt ändern', expect: [de.askEmail] }, { say: JONAS }, { say: CODE }, { say: 'Lea Fischer' }, { say: 'Anna geht in Rente', expect: [/Soll ich den Antrag stellen\?/] },
            { say: 'ja', expect: [/Ihr Antrag hat die Referenz (BC-\d{4}-\d{6})/] },
            { say: 'bin ich der abrechnungskontakt?', expect: [de.caseB, /Ihren Antrag BC-\d{4}-\d{6} \(neuer Abrechnungskontakt: Lea Fischer\) prüft gerade ein LogMeIn-Mitarbeiter/, /Soll ich Anna Müller für Sie eine E-Mail schreiben\?$/m],
                absent: [/Änderung des Abrechnungskontakts beantragen/, /Den Antrag dafür kann ich für Sie bei LogMeIn stellen/] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /Rente/ } }
    },
    {
        name: 'bd – Sarah (corporate, admin) asks to reset the portal password: she cannot sign in there herself; the link goes to Peter Brooks',
        lang: 'en', email: SARAH,
        steps: [...verified('en', SARAH), { say: 'no thanks' },
            { say: 'I need to reset the portal password', expect: [/The Corporate Billing Portal of Northwind Traders Ltd only accepts its billing contacts, and you aren't one/, /\(Peter Brooks\)/, /type the user ID/],
                absent: [/only accepts billing contacts of corporate accounts/] },
            { say: 'pbrooks', expect: [/I've asked the portal to send a password reset link/] }],
        outcome: { resetTo: PETER }
    },
    {
        name: 'b – Jonas (Online-Konto) möchte das Portal-Kennwort zurücksetzen: sein Konto hat kein Portal',
        lang: 'de', email: JONAS,
        steps: [...verified('de', JONAS), { say: 'nein danke' },
            { say: 'Ich möchte mein Portal-Kennwort zurücksetzen', expect: [/Müller Design GmbH ist ein Online-Konto und hat kein Corporate Billing Portal/], absent: [/lässt nur Abrechnungskontakte von Unternehmenskonten zu/] }],
        outcome: { noHandoff: true }
    }
];

describe('Topics after verification: answered for the person, with the names the bot knows', () => {
    const harness = useHarness();
    for (const row of [...ROWS, ...JUST_DONE]) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harness(), row));
    }
});
