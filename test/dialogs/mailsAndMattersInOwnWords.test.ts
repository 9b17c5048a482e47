import * as assert from 'assert';
import type { Lang } from '../../core/language';
import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { HANDOFF_PHRASES as HANDOFF } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { ANNA, JONAS, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const TOM = 'tom.hughes@northwind.example';
const KIM = 'kim@example.com';
const en = PHRASES.en;
const de = PHRASES.de;
const NOTED = { en: /noted that for the customer service team/, de: /für den Kundendienst notiert/ };
/** What the bot must not make of a matter at the callback offer: a status answer, a topic, a "didn't get that". */
const MISREAD = [/change request/i, /Which request do you mean/, /Antrag/, /didn't get that/, /nicht verstanden/];

/** No agent free, the description skipped; at the callback offer the person states `matter`: noted for the team, then yes and an address. */
function matterAtCallbackOffer(lang: Lang, name: string, matter: string): ConversationRow {
    const h = HANDOFF[lang];
    return {
        name, lang,
        steps: [
            { say: h.human, expect: [h.askDescription] },
            { say: h.skip, expect: [h.noAgent, h.offerCallback] },
            { say: matter, expect: [NOTED[lang], h.offerCallback], absent: MISREAD },
            { say: h.yes, expect: [h.askEmail] },
            { say: KIM, expect: [h.callbackCreated] }
        ],
        outcome: { callback: { to: KIM, lang, note: new RegExp(`^${matter}$`) } }
    };
}

/**
 * Issue 12: a request to write to the billing contact whose message is about a billing topic ("… about upgrading to
 * more seats", "…, tell him the invoice …", "… wegen mehr Lizenzen mailen") starts the mail with that message; at the
 * callback offer a statement of the matter is the matter, whatever the classifier makes of it.
 */
const ROWS: readonly ConversationRow[] = [
    // 1. A request to write, with its message about a billing topic.
    {
        name: '"pls email peter for me, tell him the invoice for october has the wrong company address": the mail, with the sentence as its message',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'pls email peter for me, tell him the invoice for october has the wrong company address', expect: [en.askEmail] },
            { say: SARAH, expect: [en.codeSent] },
            { say: CODE, expect: [en.preview, /The invoice for october has the wrong company address/, en.confirm], absent: [/tell him/, en.askMessage] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /The invoice for october has the wrong company address/ } }
    },
    {
        name: '"hi", then "pls email peter for me, tell him the invoice … has the wrong company address" at the menu: the mail, not what invoices show',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'hi', expect: [en.menu] },
            { say: 'hi, pls email peter for me, tell him the invoice for october has the wrong company address', expect: [en.askEmail], absent: [/I can't change here/] },
            { say: SARAH, expect: [en.codeSent] },
            { say: CODE, expect: [en.preview, /The invoice for october has the wrong company address/, en.confirm], absent: [/tell him/] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /The invoice for october has the wrong company address/ } }
    },
    {
        name: '"I need to email our billing admin about upgrading to more seats": the mail, about more seats',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'I need to email our billing admin about upgrading to more seats', expect: [en.askEmail] },
            { say: SARAH, expect: [en.codeSent] },
            { say: CODE, expect: [en.preview, /upgrading to more seats/i, en.confirm], absent: [/billing admin about/, en.askMessage] },
            { say: 'yes', expect: [en.sent] }
        ],
        outcome: { mailTo: { to: [PETER], words: /upgrading to more seats/i } }
    },
    {
        name: '„ich muss unserem abrechnungsadmin wegen mehr lizenzen mailen“: die Mail, wegen mehr Lizenzen',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'ich muss unserem abrechnungsadmin wegen mehr lizenzen mailen', expect: [de.askEmail] },
            { say: JONAS, expect: [de.codeSent] },
            { say: CODE, expect: [de.preview, /mehr lizenzen/i, de.confirm], absent: [/mailen/, /abrechnungsadmin/, de.askMessage] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /mehr lizenzen/i } }
    },
    {
        name: '„kannst du anna für mich anschreiben, sag ihr unsere rechnung vom oktober hat die falsche adresse“: die Mail, mit dem Satz als Nachricht',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'kannst du anna für mich anschreiben, sag ihr unsere rechnung vom oktober hat die falsche adresse', expect: [de.askEmail] },
            { say: JONAS, expect: [de.codeSent] },
            { say: CODE, expect: [de.preview, /Unsere rechnung vom oktober hat die falsche adresse/, de.confirm], absent: [/sag ihr/, de.askMessage] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /Unsere rechnung vom oktober hat die falsche adresse/ } }
    },
    {
        name: '„ich will anna wegen der falschen adresse auf der rechnung mailen“: die Mail an die genannte Person, worum es geht',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'ich will anna wegen der falschen adresse auf der rechnung mailen', expect: [de.askEmail] },
            { say: JONAS, expect: [de.codeSent] },
            { say: CODE, expect: [de.preview, /Ich schreibe Ihnen wegen der falschen adresse auf der rechnung\./, de.confirm], absent: [/mailen/, de.askMessage] },
            { say: 'ja', expect: [de.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /Ich schreibe Ihnen wegen der falschen adresse auf der rechnung\./ } }
    },
    // 2. The matter at the callback offer, however the classifier reads it.
    matterAtCallbackOffer('en', '"Peter ignores my license requests for weeks" at the callback offer: noted as the matter, no request status', 'Peter ignores my license requests for weeks'),
    matterAtCallbackOffer('de', '„Anna ignoriert seit Wochen meine Lizenzanfragen“ beim Angebot des Rückrufs: als Anliegen notiert, kein Antragsstatus', 'Anna ignoriert seit Wochen meine Lizenzanfragen')
];

describe('Mails and matters in customers\' own words (issue 12): a request to write about a billing topic, the matter at the callback offer', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }

    it('[en] the callback confirmation greets a verified person at their own address by name and repeats their matter', async () => {
        const harness = harnessOf();
        const h = HANDOFF.en;
        await playRow(harness, {
            name: 'Tom, verified, asks for a person about his invoice; no agent free; yes to the callback at his own address',
            lang: 'en', email: TOM,
            steps: [
                { say: 'who is our billing contact', expect: [en.askEmail] },
                { say: TOM, expect: [en.codeSent] },
                { say: CODE, expect: [/Peter Brooks/] },
                { say: h.human, expect: [h.askDescription] },
                { say: 'my october invoice has the wrong address', expect: [h.noAgent, h.offerCallback] },
                { say: h.yes, expect: [h.callbackCreated] }
            ],
            outcome: { callback: { to: TOM, lang: 'en', note: /^my october invoice has the wrong address$/ } }
        });
        const [own] = (await harness.mails(TOM)).filter((m) => m.kind === 'callback-confirmation');
        assert.match(own.text, /^Hello Tom Hughes,\n/);
        assert.match(own.text, /What you told us it is about: "my october invoice has the wrong address"/);
    });

    it('[en] the callback confirmation to an address typed unverified greets without a name and repeats none of the typed words', async () => {
        const harness = harnessOf();
        await playRow(harness, matterAtCallbackOffer('en', 'someone unverified names another address', 'Peter ignores my license requests for weeks'));
        const [typed] = (await harness.mails(KIM)).filter((m) => m.kind === 'callback-confirmation');
        assert.match(typed.text, /^Hello,\n/);
        assert.doesNotMatch(typed.text, /license requests|told us/);
    });
});
