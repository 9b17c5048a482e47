import * as assert from 'assert';
import { joined, useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play, type Step } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { JONAS, EVA } from '../helpers/demoPeople';

describe('Interruptions: status questions during sign-in and in free-text answers', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES) {
        const p = PHRASES[lang];
        const task = TASK_PHRASES[lang];
        const afterVerification = lang === 'de' ? /sobald Ihre E-Mail-Adresse bestätigt ist/ : /as soon as you're verified/;
        const askNewContact = lang === 'de' ? /Wer soll Abrechnungskontakt von Bergmann/ : /Who should become the billing contact of Bergmann/;
        const escalated = new RegExp(`${HANDOFF_PHRASES[lang].askDescription.source}|${HANDOFF_PHRASES[lang].noAgent.source}|${HANDOFF_PHRASES[lang].closed.source}`);

        it(`[${lang}] "Status BC-…" while signing in for a change: one verification, the statuses, then the change goes on`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const turns = await play(harness, convo, [
                { say: task.changeContact, expect: [p.askEmail] },
                { say: 'Status BC-2026-000001', expect: [afterVerification, p.askEmail] },
                { say: EVA, expect: [p.codeSent] },
                { say: 'Status BC-2026-000001', expect: [p.askCode], absent: [p.askEmail, p.codeSent] },
                { say: 'Status BC-2026-000002', expect: [afterVerification, p.askCode], absent: [p.askEmail, p.codeSent] },
                { say: CODE, expect: [p.verified, task.statusNotFound, askNewContact], absent: [p.askCode, p.askEmail] }
            ], EVA);
            assert.strictEqual(joined(turns[5]).split(task.statusNotFound).length, 3, 'both statuses asked for are answered, each once');
            assert.strictEqual((await harness.mails(EVA)).length, 1, 'one code mail only');
        });

        it(`[${lang}] asking for the status again while verifying for it answers once, after one code`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const turns = await play(harness, convo, [
                { say: 'Status BC-2026-000001', expect: [p.askEmail] },
                { say: EVA, expect: [p.codeSent] },
                { say: 'Status BC-2026-000001', expect: [p.askCode], absent: [p.askEmail] },
                { say: CODE, expect: [p.verified, task.statusNotFound, p.anythingElse], absent: [p.askCode] }
            ], EVA);
            assert.strictEqual(joined(turns[3]).split(task.statusNotFound).length, 2, 'the status is answered once');
            assert.strictEqual((await harness.mails(EVA)).length, 1, 'one code mail only');
        });

        it(`[${lang}] a bare status question interrupts the reason question; a reason that mentions a reference is the reason`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [{ say: task.changeContact }, { say: JONAS }, { say: CODE, expect: [task.askNewContact] }], JONAS);
            await play(harness, convo, [
                { say: 'Lea Fischer', expect: [task.askReason] },
                { say: 'Status BC-2026-000042', expect: [task.statusNotFound, task.askReason], absent: [task.summary] },
                { say: lang === 'de' ? 'Wie ist der Status von BC-2026-000042?' : 'What is the status of BC-2026-000042?', expect: [task.statusNotFound, task.askReason], absent: [task.summary] },
                { say: lang === 'de' ? 'Anna ist weg, siehe BC-2026-000042.' : 'Anna left, see BC-2026-000042.', expect: [task.summary, /BC-2026-000042/], absent: [task.statusNotFound] }
            ]);
        });

        it(`[${lang}] a clear request for a person interrupts the message to the admin; a message about a person does not`, async () => {
            const harness = harnessOf();
            const toAnna: Step[] = [{ say: p.whoIs }, { say: JONAS }, { say: CODE }, { say: p.emailButton, expect: [p.askMessage] }];
            const asking = harness.conversation(localeOf(lang));
            await play(harness, asking, toAnna, JONAS);
            await play(harness, asking, [
                { say: lang === 'de' ? 'ich möchte doch lieber mit einem Mitarbeiter sprechen' : 'actually I want to talk to a person', expect: [escalated], absent: [p.preview] }
            ]);
            const telling = harness.conversation(localeOf(lang));
            await play(harness, telling, toAnna, JONAS);
            await play(harness, telling, [
                { say: lang === 'de' ? 'Lea übernimmt, sie hat mit einem Mitarbeiter gesprochen.' : 'Lea takes over, she talked to a person from sales.', expect: [p.preview, p.confirm], absent: [escalated] }
            ]);
        });
    }
});
