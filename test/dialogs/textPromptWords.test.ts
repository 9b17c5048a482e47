import { useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { localeOf, play } from '../helpers/script';

/** What people write at a question that wants a text (a reference, a user ID): a yes, a new request, thanks, a question. */
const WORDS = {
    en: {
        status: "what's the status of my request",
        bareYes: ['yes', 'Yes.', 'ok', 'yeah', 'sure'],
        askReference: /Which request do you mean\?/,
        referenceRetry: /A reference looks like BC-/,
        reset: 'reset my portal password',
        askUserId: /Please type the user ID/,
        portalReset: /Corporate Billing Portal only accepts/,
        newRequest: 'ok can you email her and say we need 3 more seats for the sales team',
        closings: ["no that's all, cheers", 'ok thanks a lot'],
        dropTask: /Shall I drop it and end here\?/,
        goodbye: /Goodbye/,
        questions: ['what happens next?', 'ok and what if peter leaves the company?'],
        cannotAnswer: /can't answer that question here\. A colleague from customer service can help/,
        cannotAnswerAgain: /can't answer that one here either\. Someone from customer service can help/,
        personButton: 'Talk to a person',
        stuck: /If you are stuck/,
        sure: /^Sure – what can I do for you\?$/,
        bossAsks: "hi. so my boss told me to ask you who handles billing for us, we're Northwind",
        sorry: /Sorry/
    },
    de: {
        status: 'Wie ist der Stand meines Antrags?',
        bareYes: ['ja', 'Ja.', 'ok', 'jawohl', 'gerne'],
        askReference: /Welchen Antrag meinen Sie\?/,
        referenceRetry: /Eine Referenz sieht so aus/,
        reset: 'Portal-Kennwort zurücksetzen',
        askUserId: /Bitte geben Sie die Benutzer-ID/,
        portalReset: /Corporate Billing Portal lässt nur/,
        newRequest: 'ok, können Sie ihr bitte schreiben, dass wir 3 weitere Lizenzen für den Vertrieb brauchen',
        closings: ["nein, das war's, danke", 'ok vielen Dank'],
        dropTask: /Soll ich ihn verwerfen und das Gespräch beenden\?/,
        goodbye: /Auf Wiedersehen/,
        questions: ['wie lange dauert das?', 'und was passiert dann?'],
        cannotAnswer: /an dieser Stelle leider nicht beantworten\. Dafür hilft Ihnen gern ein Mitarbeiter weiter/,
        cannotAnswerAgain: /Auch diese Frage kann ich Ihnen hier leider nicht beantworten\. Ein Mitarbeiter vom Kundendienst hilft Ihnen gern weiter/,
        personButton: 'Mit einem Mitarbeiter sprechen',
        stuck: /Wenn Sie nicht weiterkommen/,
        sure: /^Gern – was kann ich für Sie tun\?$/,
        bossAsks: 'hallo, meine Chefin hat mich gebeten zu fragen, wer bei uns die Abrechnung macht',
        sorry: /leider nicht verstanden/
    }
} as const;

describe('Words at a text prompt: a yes is no request, a clear new request is taken up, thanks close, a question is no failed answer', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES) {
        const p = PHRASES[lang];
        const w = WORDS[lang];

        it(`[${lang}] a bare yes or ok at the reference question starts no request: the question is asked again`, async () => {
            const harness = harnessOf();
            await play(harness, harness.conversation(localeOf(lang)), [
                { say: w.status, expect: [w.askReference] },
                ...w.bareYes.map((say) => ({ say, expect: [w.referenceRetry], absent: [w.portalReset, w.askUserId, p.askEmail, w.dropTask] }))
            ]);
        });

        it(`[${lang}] a whole sentence asking for another task at the reference question is taken up, not asked again`, async () => {
            const harness = harnessOf();
            await play(harness, harness.conversation(localeOf(lang)), [
                { say: w.status, expect: [w.askReference] },
                { say: w.newRequest, expect: [p.askEmail], absent: [w.referenceRetry, w.stuck] }
            ]);
        });

        for (const closing of w.closings) {
            it(`[${lang}] "${closing}" at the user ID question closes like a goodbye: nothing given yet is lost, so no question whether to drop the task`, async () => {
                const harness = harnessOf();
                await play(harness, harness.conversation(localeOf(lang)), [
                    { say: w.reset, expect: [w.askUserId] },
                    { say: closing, expect: [w.goodbye], absent: [w.dropTask, w.stuck, w.askUserId] }
                ]);
            });
        }

        // (At the reference question another question ends the question instead: test/dialogs/followUpsInOwnWords.test.ts.)
        it(`[${lang}] questions at the user ID question get "cannot answer that here" and a person (from the second on with a button for one), the question again, never the stuck hint`, async () => {
            const harness = harnessOf();
            await play(harness, harness.conversation(localeOf(lang)), [
                { say: w.reset, expect: [w.askUserId] },
                { say: w.questions[0], expect: [w.cannotAnswer, w.askUserId], absent: [w.stuck] },
                // Another question: not the same words again, but a person offered with a button of its own.
                { say: w.questions[1], expect: [w.cannotAnswerAgain, w.askUserId], absent: [w.stuck, w.cannotAnswer], buttons: [w.personButton] },
                { say: w.questions[0], expect: [w.cannotAnswerAgain], absent: [w.stuck] }
            ]);
        });

        it(`[${lang}] a bare "${p.yes}" to "anything else?" gets one short line and the menu, no apology`, async () => {
            const harness = harnessOf();
            const turns = await play(harness, harness.conversation(localeOf(lang)), [
                { say: p.whoIs },
                { say: p.cancel, expect: [p.anythingElse] },
                { say: p.yes, expect: [w.sure], absent: [w.sorry, p.notUnderstood], buttons: [p.whoIs] }
            ]);
            const last = turns[turns.length - 1];
            if (last.length !== 1) {
                throw new Error(`one reply expected, got ${last.length}`);
            }
        });

        it(`[${lang}] "my boss asked me to ask who handles billing for us" is the billing-contact question`, async () => {
            const harness = harnessOf();
            await play(harness, harness.conversation(localeOf(lang)), [{ say: w.bossAsks, expect: [p.askEmail], absent: [w.askReference] }]);
        });
    }
});
