import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play, type Step } from '../helpers/script';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { ANNA, JONAS } from '../helpers/demoPeople';
import type { Lang } from '../../core/language';

/**
 * At a yes/no question only clear acceptance is a yes. A question ("what
 * would the person do?", "ok, und was passiert dann?") is answered where the
 * bot can, otherwise the bot says it cannot answer it here and asks its own
 * question again; a new request ("can I reset my password instead?") is taken up.
 */
const ASKED = {
    en: {
        questions: ['what would the person do?', 'ok how long will it take?', 'sure, but is that free?', 'yes? what happens then'],
        cannotAnswer: /I'm afraid I can't answer that question here\.|I can't answer that one here either|that's not something I can help with: I only handle billing contacts/,
        offTopic: "what's the weather like tomorrow?",
        outOfScopeOffer: /Would you like to talk to a person instead\?/,
        personButton: 'Talk to a person',
        resetInstead: 'can I reset my password instead?',
        wrongCode: ['111111', '222222', '333333', '444444', '555555'],
        message: 'Please add me to the Enterprise plan.',
        yesQuestionAtSend: 'ok, and what happens then?',
        yes: 'yes'
    },
    de: {
        questions: ['was würde die Person denn machen?', 'ok, und wie lange dauert das?', 'klar, aber kostet das was?', 'ja? was passiert dann'],
        cannotAnswer: /Diese Frage kann ich Ihnen an dieser Stelle leider nicht beantworten\.|Auch diese Frage kann ich Ihnen hier leider nicht beantworten|Dabei kann ich Ihnen leider nicht helfen, ich kümmere mich nur um Abrechnungskontakte/,
        offTopic: 'Wie wird das Wetter morgen?',
        outOfScopeOffer: /Möchten Sie stattdessen mit einem Mitarbeiter sprechen\?/,
        personButton: 'Mit einem Mitarbeiter sprechen',
        resetInstead: 'kann ich stattdessen mein Passwort zurücksetzen?',
        wrongCode: ['111111', '222222', '333333', '444444', '555555'],
        message: 'Bitte nehmen Sie mich in den Enterprise-Tarif auf.',
        yesQuestionAtSend: 'ok, und was passiert dann?',
        yes: 'ja'
    }
} as const;

/** Jonas locks his verification with five wrong codes: the bot offers customer service as a yes/no question. */
function lockedOut(lang: Lang): Step[] {
    const a = ASKED[lang];
    return [{ say: PHRASES[lang].whoIs }, { say: JONAS }, ...a.wrongCode.map((code) => ({ say: code })).slice(0, -1), { say: a.wrongCode[4], expect: [HANDOFF_PHRASES[lang].offer] }];
}

describe('Questions at a yes/no question: only clear acceptance is a yes', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES as readonly Lang[]) {
        const a = ASKED[lang];
        const h = HANDOFF_PHRASES[lang];

        it(`[${lang}] at "shall I put you through?" questions keep the offer open; a plain yes then puts the person through`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                ...lockedOut(lang),
                ...a.questions.map((question) => ({ say: question, expect: [a.cannotAnswer, h.offer], absent: [h.askDescription, h.offerCallback, /Goodbye|Auf Wiedersehen/] })),
                { say: a.yes, expect: [h.askDescription] }
            ], JONAS);
        });

        it(`[${lang}] at the offer of a person after an off-topic question, a question keeps the offer and a new request is taken up`, async () => {
            const harness = harnessOf();
            for (const question of a.questions) {
                const convo = harness.conversation(localeOf(lang));
                await convo.start();
                await play(harness, convo, [
                    { say: a.offTopic, expect: [a.outOfScopeOffer] },
                    { say: question, expect: [a.cannotAnswer, a.outOfScopeOffer], absent: [h.askDescription, /Goodbye|Auf Wiedersehen/], buttons: [a.personButton] }
                ]);
            }
            const convo = harness.conversation(localeOf(lang));
            await convo.start();
            await play(harness, convo, [
                { say: a.offTopic, expect: [a.outOfScopeOffer] },
                { say: a.resetInstead, expect: [TASK_PHRASES[lang].resetIntro, TASK_PHRASES[lang].askUserId], absent: [h.askDescription] }
            ]);
        });

        it(`[${lang}] "ok, and what happens then?" at "Shall I send it?" sends nothing and asks again; a plain yes sends`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const p = PHRASES[lang];
            await play(harness, convo, [
                { say: p.whoIs }, { say: JONAS }, { say: CODE, expect: [p.offerEmail] },
                { say: p.emailButton, expect: [p.askMessage] },
                { say: a.message, expect: [p.confirm] },
                { say: a.yesQuestionAtSend, expect: [a.cannotAnswer, p.confirm], absent: [p.sent] },
                { say: a.questions[1], expect: [p.confirm], absent: [p.sent] }
            ], JONAS);
            assert.strictEqual((await harness.mails(ANNA)).length, 0, 'nothing went to Anna');
            await play(harness, convo, [{ say: a.yes, expect: [p.sent] }]);
            assert.strictEqual((await harness.mails(ANNA)).length, 1);
        });

        it(`[${lang}] a new request at "Shall I send it?" goes on to that request and sends nothing`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const p = PHRASES[lang];
            await play(harness, convo, [
                { say: p.whoIs }, { say: JONAS }, { say: CODE, expect: [p.offerEmail] },
                { say: p.emailButton, expect: [p.askMessage] },
                { say: a.message, expect: [p.confirm] },
                // Jonas's account is an online one: the bot says it has no portal, then asks for a corporate account's user ID.
                { say: a.resetInstead, expect: [lang === 'de' ? /ist ein Online-Konto und hat kein Corporate Billing Portal/ : /is an online account and has no Corporate Billing Portal/, TASK_PHRASES[lang].askUserId], absent: [p.sent] }
            ], JONAS);
            assert.strictEqual((await harness.mails(ANNA)).length, 0, 'nothing went to Anna');
        });
    }
});
