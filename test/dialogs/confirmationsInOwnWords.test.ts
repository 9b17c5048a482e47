import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES as TASK } from '../helpers/taskPhrases';
import { ANNA, JONAS, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const en = PHRASES.en;
const de = PHRASES.de;
/** Said before the bot takes up the next request of the same message. */
const NEXT = { en: /Now to your next question/, de: /Nun zu Ihrer nächsten Frage/ };

/** `words` somewhere in a text that holds none of `gone`. */
function only(words: string, ...gone: string[]): RegExp {
    return new RegExp(`^${gone.map((word) => `(?![\\s\\S]*${word})`).join('')}[\\s\\S]*${words}`);
}

/**
 * Issue 12: at a confirmation the person may say more than yes or no. An addition at the mail's send question
 * joins the draft, which is shown again; a new reason at the change summary replaces the old one; a second
 * request after "and also" / "und außerdem" in a request to write is no part of the mail and is taken up after it.
 */
const ROWS: readonly ConversationRow[] = [
    // 1. An addition at the send question, with words in front of the marker ("actually", "noch dazu").
    {
        name: '"actually add that I need it by Friday" at the send question: the sentence joins the draft, shown again before sending',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'who is our billing contact' }, { say: SARAH }, { say: CODE, expect: [en.offerEmail] },
            { say: 'yes, tell him we need 5 more licences for the sales team', expect: [en.preview, /We need 5 more licences for the sales team/] },
            { say: 'actually add that I need it by Friday', expect: [en.preview, /5 more licences for the sales team[\s\S]*I need it by Friday/, en.confirm], absent: [en.sent, en.notSent, /add that/] },
            { say: 'oh, and please add that the invoice should go to accounting', expect: [en.preview, /I need it by Friday\s+The invoice should go to accounting/, en.confirm], absent: [en.sent, /please add/] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: only('We need 5 more licences for the sales team\\.?\\s+I need it by Friday\\s+The invoice should go to accounting', 'actually', 'add that', 'please add') } }
    },
    {
        name: '„Moment, ergänze bitte noch, dass ich sie bis Freitag brauche“ bei „Soll ich sie senden?“: der Satz kommt in den Entwurf, der noch einmal gezeigt wird',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'wer ist unser abrechnungskontakt?' }, { say: JONAS }, { say: CODE, expect: [de.offerEmail] },
            { say: 'ja bitte', expect: [de.askMessage] },
            { say: 'Bitte buchen Sie fünf weitere Lizenzen für das Vertriebsteam.', expect: [de.preview, de.confirm] },
            { say: 'Moment, ergänze bitte noch, dass ich sie bis Freitag brauche', expect: [de.preview, /Vertriebsteam\.\s+Ich brauche sie bis Freitag/, de.confirm], absent: [de.sent, de.notSent, /Moment/, /ergänze/] },
            { say: 'ach, und füge noch hinzu, dass wir die Rechnung per Post brauchen', expect: [de.preview, /Ich brauche sie bis Freitag\.?\s+Wir brauchen die Rechnung per Post/, de.confirm], absent: [de.sent, /füge/] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: only('Bitte buchen Sie fünf weitere Lizenzen für das Vertriebsteam\\.\\s+Ich brauche sie bis Freitag\\.?\\s+Wir brauchen die Rechnung per Post', 'Moment', 'ergänze', 'füge') } }
    },
    // 2. A new reason at the change summary, after a word of its own in front ("oh and", "übrigens").
    {
        name: '"oh and the reason is she moved to marketing" at the summary: the reason is replaced, the summary shown again',
        lang: 'en', email: JONAS,
        steps: [
            { say: 'change the billing contact', expect: [en.askEmail] },
            { say: JONAS, expect: [en.codeSent] },
            { say: CODE, expect: [/Who should become the billing contact/] },
            { say: 'Lea Fischer', expect: [TASK.en.askReason] },
            { say: 'Anna has too much on her plate', expect: [TASK.en.summary, /Reason: Anna has too much on her plate/] },
            { say: 'oh and the reason is she moved to marketing', expect: [TASK.en.summary, /Reason: She moved to marketing$/m, TASK.en.confirm], absent: [TASK.en.filed, TASK.en.notFiled, /too much/] },
            { say: 'btw, the reason is that she is going on parental leave', expect: [TASK.en.summary, /Reason: She is going on parental leave$/m], absent: [TASK.en.filed, /marketing/, /btw/] },
            { say: 'yes', expect: [TASK.en.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: only('^She is going on parental leave$', 'plate', 'marketing', 'btw') } }
    },
    {
        name: '„der Grund ist übrigens, dass sie in Elternzeit geht“ bei der Zusammenfassung: der Grund wird ersetzt, die Zusammenfassung noch einmal gezeigt',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'Abrechnungskontakt ändern', expect: [de.askEmail] },
            { say: JONAS, expect: [de.codeSent] },
            { say: CODE, expect: [/Wer soll Abrechnungskontakt von Müller Design GmbH werden\?/] },
            { say: 'Lea Fischer', expect: [TASK.de.askReason] },
            { say: 'Anna hat zu viel anderes zu tun', expect: [TASK.de.summary, /Grund: Anna hat zu viel anderes zu tun/] },
            { say: 'der Grund ist übrigens, dass sie in Elternzeit geht', expect: [TASK.de.summary, /Grund: Sie geht in Elternzeit$/m, TASK.de.confirm], absent: [TASK.de.filed, TASK.de.notFiled, /zu viel/, /übrigens/] },
            { say: 'ja', expect: [TASK.de.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: only('^Sie geht in Elternzeit$', 'übrigens', 'zu viel') } }
    },
    // 3. A second request after "and also" / "und außerdem" is no part of the mail; it is taken up after the mail.
    {
        name: '"email peter that I need 5 more licences and also how do I reset my portal password?": the mail holds the licences only, the reset follows',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'email peter that I need 5 more licences and also how do I reset my portal password?', expect: [en.askEmail] },
            { say: SARAH, expect: [en.codeSent] },
            { say: CODE, expect: [en.preview, /I need 5 more licences/, en.confirm], absent: [/reset/, /password/, /and also/] },
            { say: 'yes', expect: [en.sent, NEXT.en, TASK.en.askUserId] }
        ],
        outcome: { mailTo: { to: [PETER], words: only('I need 5 more licences', 'reset', 'password', 'and also') } }
    },
    {
        name: '„schreib Anna, dass ich 5 weitere Lizenzen brauche, und außerdem wie setze ich mein Portal-Passwort zurück?“: die Mail nennt nur die Lizenzen, danach das Zurücksetzen',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'schreib Anna, dass ich 5 weitere Lizenzen brauche, und außerdem wie setze ich mein Portal-Passwort zurück?', expect: [de.askEmail] },
            { say: JONAS, expect: [de.codeSent] },
            { say: CODE, expect: [de.preview, /5 weitere Lizenzen/, de.confirm], absent: [/Passwort/, /außerdem/, /zurück/] },
            { say: 'ja', expect: [de.sent, NEXT.de, TASK.de.askUserId] }
        ],
        outcome: { mailTo: { to: [ANNA], words: only('5 weitere Lizenzen', 'Passwort', 'außerdem') } }
    }
];

describe('Confirmations in customers\' own words (issue 12): an addition, a new reason, a second request', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});
