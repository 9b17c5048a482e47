import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { JONAS, KLAUS, MARIA, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const de = PHRASES.de;
const en = PHRASES.en;

/** The portal's answer when it was asked for a link. */
const REQUESTED_EN = /I've asked the portal to send a password reset link/;
const REQUESTED_DE = /habe ich das Portal gebeten, einen Link zum Zurücksetzen/;
const ALREADY_EN = /I've already asked the portal for a reset link in this conversation: it goes to the billing contact's email address on file and is valid for 60 minutes\. No email yet\? Please check your spam folder/;
const ALREADY_DE = /Einen Link zum Zurücksetzen habe ich in diesem Gespräch schon beim Portal angefordert: Er geht an die hinterlegte E-Mail-Adresse des Abrechnungskontakts und ist 60 Minuten lang gültig/;
const ASK_USER_ID_EN = /Please type the user ID of the billing-contact account/;
const ASK_USER_ID_DE = /Bitte geben Sie die Benutzer-ID des Abrechnungskontakts ein/;
const NOT_ANSWERED_EN = /I'm afraid I can't answer that question here/;
const NOT_ANSWERED_DE = /Diese Frage kann ich Ihnen an dieser Stelle leider nicht beantworten/;

/**
 * A reset link asked for in this conversation is not asked for again: questions
 * about it ("how do I reset it", "how long is it good for", the user ID typed
 * again) are answered from what the bot knows, and only a plain request for a
 * new one ("send it again", "neuen Link") sends another.
 */
const ONE_LINK: readonly ConversationRow[] = [
    // "did it work?" right after a reset: what the bot can know (no word on whether the ID exists), no second link, no "can't answer".
    {
        name: 'a reset by user ID, then "did it work?": the link is on its way if the ID is a billing contact\'s, one link',
        lang: 'en',
        steps: [{ say: 'I need to reset the password for the billing portal', expect: [ASK_USER_ID_EN] }, { say: 'pbrooks', expect: [REQUESTED_EN] },
            { say: 'did it work?', expect: [/If it belongs to a billing contact, the link is on its way/], absent: [NOT_ANSWERED_EN, REQUESTED_EN] }],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: 'ein Link über die Benutzer-ID, dann „hat das geklappt?“: der Link ist unterwegs, wenn die ID einem Abrechnungskontakt gehört, ein Link',
        lang: 'de',
        steps: [{ say: 'Portal-Kennwort zurücksetzen', expect: [ASK_USER_ID_DE] }, { say: 'mbergmann-billing', expect: [REQUESTED_DE] },
            { say: 'hat das geklappt?', expect: [/ist der Link an dessen hinterlegte E-Mail-Adresse unterwegs/], absent: [NOT_ANSWERED_DE, REQUESTED_DE] }],
        outcome: { resetTo: MARIA, noHandoff: true }
    },
    {
        name: 'c – Peter gets a link, then asks how to reset, where his user ID is, types it, asks how long it holds: one link, short answers',
        lang: 'en', email: PETER,
        steps: [{ say: 'hey am i the billing contact', expect: [en.askEmail] }, { say: PETER }, { say: CODE, expect: [en.caseC] },
            { say: 'i cant log into the billing portal thing', expect: [REQUESTED_EN] },
            { say: 'ok so how do i reset the password', expect: [ALREADY_EN], absent: [REQUESTED_EN, /I'll use your billing-contact user ID/] },
            { say: 'where do i find my user id', expect: [/Your user ID for the Corporate Billing Portal is pbrooks\. It is also on every invoice we email to you/], absent: [REQUESTED_EN, ALREADY_EN] },
            { say: 'pbrooks', expect: [ALREADY_EN], absent: [en.notUnderstood, REQUESTED_EN] },
            { say: 'how long is the link good for', expect: [/The reset link I asked for is valid for 60 minutes/], absent: [/not something I can help with/, REQUESTED_EN] }],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: 'c – Klaus bekommt einen Link, fragt nach dem Kennwort, wie lange der Link gilt und wo die Benutzer-ID steht: ein Link',
        lang: 'de', email: KLAUS,
        steps: [{ say: 'bin ich abrechnungskontakt?', expect: [de.askEmail] }, { say: KLAUS }, { say: CODE, expect: [de.caseC] },
            { say: 'ja', expect: [REQUESTED_DE] },
            { say: 'wie setze ich das passwort zurück?', expect: [ALREADY_DE], absent: [REQUESTED_DE] },
            { say: 'wie lange gilt der link?', expect: [/Der Link zum Zurücksetzen, den ich angefordert habe, ist 60 Minuten lang gültig/], absent: [de.notUnderstood, REQUESTED_DE] },
            { say: 'wo finde ich denn die benutzer id?', expect: [/Ihre Benutzer-ID für das Corporate Billing Portal lautet klaus\.bergmann@bergmann-soehne\.example\. Sie steht auch auf jeder Rechnung/], absent: [/Zur Abrechnung/, REQUESTED_DE] }],
        outcome: { resetTo: KLAUS, noHandoff: true }
    }
];

/** Asked plainly for a new link, the person gets one: two links in all. */
const NEW_LINK: readonly ConversationRow[] = [
    {
        name: 'c – Peter: "send it again" sends a second link',
        lang: 'en', email: PETER,
        steps: [{ say: en.amI }, { say: PETER }, { say: CODE }, { say: 'yes', expect: [REQUESTED_EN] },
            { say: 'reset my portal password', expect: [ALREADY_EN], absent: [REQUESTED_EN] },
            { say: 'hmm nothing came, send it again', expect: [REQUESTED_EN] }],
        outcome: { noHandoff: true }
    },
    {
        name: 'c – Klaus: „bitte einen neuen Link“ schickt einen zweiten Link',
        lang: 'de', email: KLAUS,
        steps: [{ say: de.amI }, { say: KLAUS }, { say: CODE }, { say: 'ja bitte', expect: [REQUESTED_DE] },
            { say: 'bitte einen neuen Link', expect: [REQUESTED_DE] }],
        outcome: { noHandoff: true }
    }
];

/** At the bot's own user-ID question: questions about it are answered and the question stays open; a user ID inside a short sentence is taken. */
const AT_THE_PROMPT: readonly ConversationRow[] = [
    {
        name: 'Maria (nicht angemeldet) fragt an der Frage nach der Benutzer-ID, wo sie steht und wie lange der Link gilt, und nennt sie dann in einem Satz',
        lang: 'de',
        steps: [{ say: 'ich hab mein portal-kennwort vergessen', expect: [ASK_USER_ID_DE] },
            { say: 'wo finde ich die benutzer-id??', expect: [/Ihre Benutzer-ID steht auf jeder Rechnung/, ASK_USER_ID_DE], absent: [NOT_ANSWERED_DE] },
            { say: 'wie lange gilt der link?', expect: [/60 Minuten lang gültig/, ASK_USER_ID_DE], absent: [NOT_ANSWERED_DE] },
            { say: 'ah ok, mbergmann-billing', expect: [REQUESTED_DE], absent: [/Bitte geben Sie nur die Benutzer-ID ein/] },
            { say: 'wo finde ich denn die benutzer id?', expect: [/Ihre Benutzer-ID steht auf jeder Rechnung/], absent: [/Zur Abrechnung/, REQUESTED_DE] },
            { say: 'wie lange gilt der link?', expect: [/den ich angefordert habe, ist 60 Minuten lang gültig/], absent: [de.notUnderstood] }],
        outcome: { resetTo: MARIA, noHandoff: true }
    },
    {
        name: 'Maria: „meine id ist mbergmann-billing“ an der Frage',
        lang: 'de',
        steps: [{ say: 'Portal-Kennwort zurücksetzen', expect: [ASK_USER_ID_DE] }, { say: 'meine id ist mbergmann-billing', expect: [REQUESTED_DE] }],
        outcome: { resetTo: MARIA }
    },
    {
        name: 'Peter (not signed in) asks at the user-ID question where it is and how long the link lasts, then types "ok, pbrooks"',
        lang: 'en',
        steps: [{ say: 'I forgot my portal password', expect: [ASK_USER_ID_EN] },
            { say: 'where do I find the user id??', expect: [/Your user ID is on every invoice/, ASK_USER_ID_EN], absent: [NOT_ANSWERED_EN] },
            { say: 'how long is the link valid?', expect: [/valid for 60 minutes/, ASK_USER_ID_EN], absent: [NOT_ANSWERED_EN] },
            { say: 'ok, pbrooks', expect: [REQUESTED_EN] },
            { say: 'how long is the link good for', expect: [/The reset link I asked for is valid for 60 minutes/], absent: [/not something I can help with/] }],
        outcome: { resetTo: PETER, noHandoff: true }
    }
];

/** A turn never says the same thing twice, and "as I said" refers only to an earlier turn. */
const NO_REPEAT: readonly ConversationRow[] = [
    {
        name: 'bd – Sarah asks three things in one message: "Now to your next question" once, not before each',
        lang: 'en', email: SARAH,
        steps: [{ say: 'who is our billing contact? how do I change the plan? and how do I pay an invoice online?', expect: [en.askEmail] }, { say: SARAH },
            { say: CODE, expect: [en.caseBD, /plan isn't changed online/, /you can't pay invoices there/], absent: [/Now to your next question\.[\s\S]*Now to your next question\./] }],
        outcome: { noHandoff: true }
    },
    {
        name: 'b – Jonas fragt drei Dinge in einer Nachricht: „Nun zu Ihrer nächsten Frage“ einmal',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Wer ist unser Abrechnungskontakt? Wie ändere ich den Tarif? Und wie ändere ich die Zahlungsmethode?', expect: [de.askEmail] }, { say: JONAS },
            { say: CODE, expect: [de.caseB], absent: [/Nun zu Ihrer nächsten Frage\.[\s\S]*Nun zu Ihrer nächsten Frage\./] }],
        outcome: { noHandoff: true }
    },
    {
        name: 'bd – Sarah asks who the billing contact is and whether it is her, in one message: one answer, no "as I said above" in the same turn',
        lang: 'en', email: SARAH,
        steps: [{ say: 'who is our billing contact and am i the billing contact?', expect: [en.askEmail] }, { say: SARAH },
            { say: CODE, expect: [en.caseBD, en.offerEmail], absent: [en.saidBefore, /Now to your next question/] },
            { say: 'yes', expect: [en.askMessage], absent: [en.saidBefore] }],
        outcome: { noHandoff: true }
    },
    {
        name: 'bd – Sarah says yes to emailing Peter after a topic answer: the message is asked for, the role is not restated',
        lang: 'en', email: SARAH,
        steps: [{ say: en.amI }, { say: SARAH }, { say: CODE }, { say: 'no thanks' },
            { say: 'how does payment and invoicing work?', expect: [/Please ask your billing contact, Peter Brooks/] },
            { say: 'yes', expect: [en.askMessage], absent: [en.saidBefore] }],
        outcome: { noHandoff: true }
    },
    {
        name: 'b – Jonas sagt ja zur E-Mail an Anna nach einer Themenantwort: kein „Wie oben gesagt“',
        lang: 'de', email: JONAS,
        steps: [{ say: de.amI }, { say: JONAS }, { say: CODE }, { say: 'nein danke' },
            { say: 'Wie ändere ich die Zahlungsmethode?', expect: [/Soll ich Anna Müller für Sie eine E-Mail schreiben/] },
            { say: 'ja', expect: [de.askMessage], absent: [de.saidBefore] }],
        outcome: { noHandoff: true }
    },
    {
        name: 'two questions outside the field in a row: the whole refusal once, then briefly, never "can\'t answer that here" before it',
        lang: 'en',
        steps: [{ say: 'who won the world cup', expect: [/not something I can help with/], absent: [NOT_ANSWERED_EN] },
            { say: "what's the weather like tomorrow?", expect: [/outside what I can help with, too/], absent: [NOT_ANSWERED_EN, /I can tell you who your billing contact is/] }],
        outcome: { noHandoff: true }
    },
    {
        name: 'zwei Fragen außerhalb des Themas: die ganze Absage einmal, dann kurz',
        lang: 'de',
        steps: [{ say: 'wer hat die fußball-wm gewonnen', expect: [/Dabei kann ich Ihnen leider nicht helfen/], absent: [NOT_ANSWERED_DE] },
            { say: 'wie wird das wetter morgen?', expect: [/Auch dabei kann ich Ihnen leider nicht helfen/], absent: [NOT_ANSWERED_DE, /Ich kann Ihnen sagen, wer Ihr Abrechnungskontakt ist/] }],
        outcome: { noHandoff: true }
    }
];

describe('Portal reset in the person\'s words, and no repetition', () => {
    const harness = useHarness();
    for (const row of [...ONE_LINK, ...AT_THE_PROMPT, ...NO_REPEAT]) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harness(), row));
    }
    for (const row of NEW_LINK) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
            const to = row.lang === 'en' ? PETER : KLAUS;
            assert.strictEqual((await harness().mails(to)).filter((m) => m.kind === 'portal-reset').length, 2, 'a second link, asked for plainly');
        });
    }
});
