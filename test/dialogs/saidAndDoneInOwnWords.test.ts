import * as assert from 'assert';
import { joined, useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play, type Step } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { ANNA, EVA, JONAS, LEA, MARIA, PETER } from '../helpers/demoPeople';

const TOM = 'tom.hughes@northwind.example';
const SARAH = 'sarah.lee@northwind.example';
const en = { p: PHRASES.en, task: TASK_PHRASES.en };
const de = { p: PHRASES.de, task: TASK_PHRASES.de };

/** The article's "Add licenses" paragraph in full carries the Admin Center's address; its short reference does not. */
const ADMIN_CENTER = /admin\.logmeininc\.com/g;
const ADD_LICENSES = { en: /"Add licenses"/, de: /„Lizenzen hinzufügen“/ };
/** Asking again for the reason of a change request. */
const REASON_AGAIN = { en: /why should Tom Hughes become the billing contact\?/i, de: /Warum soll Lea Fischer Abrechnungskontakt werden\?/ };
/** That the mail to the billing contact went out earlier in this chat. */
const EMAILED = { en: /already emailed Peter Brooks/, de: /An Anna Müller habe ich in diesem Gespräch bereits eine E-Mail/ };
/** Any offer of a password reset link. */
const RESET_OFFER = { en: /password reset link for the Corporate Billing Portal sent\?/, de: /Link zum Zurücksetzen des Kennworts für das Corporate Billing Portal senden lassen\?/ };

/** "Who is our billing contact?", asked by `email` in `lang`, verified with the code: the answer after the code must show `answer`. */
function whoIs(lang: 'en' | 'de', email: string, answer: readonly RegExp[]): Step[] {
    const p = PHRASES[lang];
    return [{ say: lang === 'en' ? 'who is our billing contact' : 'wer ist unser abrechnungskontakt', expect: [p.askEmail] }, { say: email, expect: [p.codeSent] }, { say: CODE, expect: answer }];
}

/** Defects of issue 12 where the bot repeats what it just said or did, or asks twice in one turn. */
const ROWS: readonly ConversationRow[] = [
    // Only admins may ask for a change of billing contact: once the bot knows a person is an admin of no account, its menu leaves it out.
    {
        name: 'Lea, verified and an admin of no account, is not offered „Abrechnungskontakt ändern“ in the menu; Jonas, an admin, is',
        lang: 'de', email: LEA,
        steps: [
            ...whoIs('de', LEA, [/Anna Müller/]),
            { say: 'von vorne bitte', expect: [/fangen wir von vorn an/], buttons: ['Wer ist mein Abrechnungskontakt?'], noButtons: ['Abrechnungskontakt ändern'] }
        ],
        outcome: { noRequest: 'ACC-1001', noHandoff: true }
    },
    {
        name: 'Jonas, verified and an admin, is offered „Abrechnungskontakt ändern“ in the menu',
        lang: 'de', email: JONAS,
        steps: [
            ...whoIs('de', JONAS, [/Anna Müller/]),
            { say: 'von vorne bitte', expect: [/fangen wir von vorn an/], buttons: ['Wer ist mein Abrechnungskontakt?', 'Abrechnungskontakt ändern'] }
        ],
        outcome: { noRequest: 'ACC-1001', noHandoff: true }
    },
    // A reason told at the offer to email or to file a change is the reason of the change; what was told earlier carries into the request.
    {
        name: '"peter is retiring" at the offer to email or change is the reason of the change request',
        lang: 'en', email: SARAH,
        steps: [
            ...whoIs('en', SARAH, [en.p.caseBD, en.p.offerEmail]),
            { say: 'peter is retiring', expect: [/Who should become the billing contact of Northwind/], absent: [/Please choose one of the options/] },
            { say: 'Tom Hughes', expect: [en.task.summary, /Reason: Peter is retiring$/m], absent: [REASON_AGAIN.en] },
            // The request just filed is not offered again with the next menu.
            { say: 'yes', expect: [en.task.filed], noButtons: ['Change the billing contact'] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes/, reason: /^Peter is retiring$/ }, noMailTo: PETER }
    },
    {
        name: '„klaus ist seit märz im ruhestand“ beim Angebot von Mail oder Änderung ist der Grund des Änderungsantrags',
        lang: 'de', email: EVA,
        steps: [
            ...whoIs('de', EVA, [de.p.caseBD, de.p.offerEmail]),
            { say: 'klaus ist seit märz im ruhestand', expect: [/Wer soll Abrechnungskontakt von Bergmann & Söhne AG werden\?/], absent: [/nicht helfen/] },
            { say: 'Eva Schulz', expect: [de.task.summary, /Grund: Klaus ist seit märz im ruhestand$/m] },
            { say: 'ja', expect: [de.task.filed], noButtons: ['Abrechnungskontakt ändern'] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /^Eva Schulz/, reason: /^Klaus ist seit märz im ruhestand$/ } }
    },
    {
        name: 'a new contact\'s name and address typed at the offer carry into the change request chosen next: only the reason is asked',
        lang: 'en', email: SARAH,
        steps: [
            ...whoIs('en', SARAH, [en.p.offerEmail]),
            { say: 'Anna King, anna.king@northwind.example', absent: [/Who should become/, en.p.preview] },
            { say: 'Request a change of billing contact', expect: [/Why should Anna King become the billing contact\?/], absent: [/Who should become/, /email address of/] },
            { say: 'she runs our accounts now', expect: [en.task.summary, /Anna King \(anna\.king@northwind\.example\)/] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Anna King \(anna\.king@northwind\.example\)/, reason: /runs our accounts/ } }
    },
    {
        name: 'Name und Adresse der neuen Person beim Angebot gehen in den danach gewählten Änderungsantrag ein: nur der Grund wird gefragt',
        lang: 'de', email: JONAS,
        steps: [
            ...whoIs('de', JONAS, [de.p.offerEmail]),
            { say: 'Julia Schmidt, julia.schmidt@mueller-design.example', absent: [/Wer soll Abrechnungskontakt/, de.p.preview] },
            { say: 'Änderung des Abrechnungskontakts beantragen', expect: [/Warum soll Julia Schmidt Abrechnungskontakt werden\?/], absent: [/Wer soll Abrechnungskontakt/, /E-Mail-Adresse von/] },
            { say: 'sie übernimmt die Buchhaltung', expect: [de.task.summary, /Julia Schmidt \(julia\.schmidt@mueller-design\.example\)/] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Julia Schmidt \(julia\.schmidt@mueller-design\.example\)/, reason: /Buchhaltung/ } }
    },
    // A yes is no reason: one polite question for the reason, not an apology followed by the question again.
    {
        name: '"yes" at the reason of a change request is answered with one message asking for the reason',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'i want to change the billing contact', expect: [en.p.askEmail] },
            { say: SARAH, expect: [en.p.codeSent] },
            { say: CODE, expect: [/Who should become the billing contact of Northwind/] },
            { say: 'Tom Hughes', expect: [REASON_AGAIN.en] },
            { say: 'yes', expect: [REASON_AGAIN.en], absent: [en.task.summary], messages: 1 },
            { say: 'tom.hughes@northwind.example', expect: [REASON_AGAIN.en], absent: [en.task.summary], messages: 1 },
            { say: 'Peter is retiring', expect: [en.task.summary, /Reason: Peter is retiring$/m] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes/, reason: /^Peter is retiring$/ } }
    },
    {
        name: '„ja“ beim Grund eines Änderungsantrags wird mit einer einzigen Nachricht beantwortet, die nach dem Grund fragt',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'ich möchte den abrechnungskontakt ändern', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.task.askNewContact] },
            { say: 'Lea Fischer', expect: [REASON_AGAIN.de] },
            { say: 'ja', expect: [REASON_AGAIN.de], absent: [de.task.summary], messages: 1 },
            { say: 'Anna geht in Rente', expect: [de.task.summary, /Grund: Anna geht in Rente$/m] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer/, reason: /^Anna geht in Rente$/ } }
    },
    // The mail just sent is not offered again, neither with the billing role nor with a topic.
    {
        name: 'right after the mail to Peter Brooks went out, the bot says so and does not offer to email him again',
        lang: 'en', email: TOM,
        steps: [
            ...whoIs('en', TOM, [en.p.caseB, en.p.offerEmail]),
            { say: 'yes', expect: [en.p.askMessage] },
            { say: 'please add 5 licenses to our plan', expect: [en.p.preview] },
            { say: 'yes', expect: [en.p.sent] },
            { say: 'who is our billing contact', expect: [/Peter Brooks/, EMAILED.en], absent: [en.p.offerEmail], noButtons: [en.p.emailButton] },
            { say: 'how do I change the plan', expect: [EMAILED.en], absent: [en.p.offerEmail], noButtons: ['Email the billing administrator'] }
        ],
        outcome: { mailTo: { to: [PETER], words: /5 licenses/ } }
    },
    {
        name: 'gleich nach der Mail an Anna Müller sagt der Bot, dass sie geschrieben ist, und bietet sie nicht noch einmal an',
        lang: 'de', email: LEA,
        steps: [
            ...whoIs('de', LEA, [de.p.caseB, de.p.offerEmail]),
            { say: 'ja', expect: [de.p.askMessage] },
            { say: 'ich brauche die rechnung vom oktober als pdf', expect: [de.p.preview] },
            { say: 'ja', expect: [de.p.sent] },
            { say: 'wer ist unser abrechnungskontakt', expect: [/Anna Müller/, EMAILED.de], absent: [de.p.offerEmail], noButtons: [de.p.emailButton] },
            { say: 'wie ändere ich den plan', expect: [EMAILED.de], absent: [de.p.offerEmail], noButtons: ['E-Mail an den Abrechnungsadministrator'] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /oktober/ } }
    },
    // A reset link just sent is not offered again with the next topic.
    {
        name: 'right after a reset link was requested, the sign-in topic does not offer the reset link again',
        lang: 'en',
        steps: [
            { say: 'reset my portal password', expect: [en.task.askUserId] },
            { say: 'pbrooks', expect: [en.task.resetRequested] },
            { say: 'how do I sign in to billing', expect: [/Go to Billing/], absent: [RESET_OFFER.en], noButtons: ['Reset my portal password'] },
            { say: 'start over', expect: [/start over/], noButtons: ['Reset my portal password'] }
        ],
        outcome: { resetTo: PETER }
    },
    {
        name: 'gleich nach dem Link zum Zurücksetzen bietet das Thema Anmeldung den Link nicht noch einmal an',
        lang: 'de',
        steps: [
            { say: 'portal kennwort zurücksetzen', expect: [de.task.askUserId] },
            { say: 'mbergmann-billing', expect: [de.task.resetRequested] },
            { say: 'wie melde ich mich bei der abrechnung an', expect: [/Zur Abrechnung/], absent: [RESET_OFFER.de], noButtons: ['Portal-Kennwort zurücksetzen'] },
            { say: 'neu anfangen', expect: [/fangen wir von vorn an/], noButtons: ['Portal-Kennwort zurücksetzen'] }
        ],
        outcome: { resetTo: MARIA }
    }
];

/** The "Add licenses" paragraph asked for three ways in one conversation: in full once, then a short reference. */
const ADD_LICENSES_TWICE: Readonly<Record<'en' | 'de', { readonly email: string; readonly steps: readonly Step[] }>> = {
    en: {
        email: SARAH,
        steps: [
            { say: 'how do i add licenses', expect: [ADD_LICENSES.en] },
            ...whoIs('en', SARAH, [en.p.caseBD, ADD_LICENSES.en]),
            { say: 'where can i see that myself', expect: [ADD_LICENSES.en, /Go to Billing/] }
        ]
    },
    de: {
        email: JONAS,
        steps: [
            { say: 'wie kann ich weitere lizenzen kaufen', expect: [ADD_LICENSES.de] },
            ...whoIs('de', JONAS, [de.p.caseB, ADD_LICENSES.de]),
            { say: 'wo kann ich das selbst sehen', expect: [ADD_LICENSES.de, /Zur Abrechnung/] }
        ]
    }
};

describe('What the bot just said or did, in customers\' own words (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }

    for (const lang of ['en', 'de'] as const) {
        it(`[${lang}] the "Add licenses" paragraph is said in full once per conversation, then referred to in short`, async () => {
            const harness = harnessOf();
            const { email, steps } = ADD_LICENSES_TWICE[lang];
            const turns = await play(harness, harness.conversation(localeOf(lang)), steps, email);
            const all = turns.map((replies) => joined(replies)).join('\n');
            assert.strictEqual(all.match(ADMIN_CENTER)?.length, 1, `the paragraph in full once:\n${all}`);
        });
    }
});
