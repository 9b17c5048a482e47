import * as assert from 'assert';
import { joined, useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play, type Step } from '../helpers/script';
import type { Lang } from '../../core/language';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS, PETER, ANNA } from '../helpers/demoPeople';

/** How people answer in their own words, per language. */
const SAID = {
    en: {
        yesPlease: 'yes please',
        sureThing: 'sure thing',
        yesBut: 'okay, but change the text first',
        askAgain: /Please answer yes or no/,
        closing: /All right\. If you need anything else, just write to me/,
        nope: 'nope',
        codeInSentence: (code: string) => `my code is ${code}`,
        emailInSentence: 'his mail is max.mustermann(at)firma.example',
        message: 'Please add me to the Enterprise plan.',
        forgetIt: 'forget it',
        helpPlease: 'help please',
        shortMessage: 'stop the renewal',
        declineWithReason: "no, I'll do it myself",
        otherLanguageYes: 'ja bitte',
        itsLogin: "it's pbrooks"
    },
    de: {
        yesPlease: 'ja bitte',
        sureThing: 'klar doch',
        yesBut: 'okay, aber ändern Sie den Text',
        askAgain: /Bitte antworten Sie mit „Ja“ oder „Nein“/,
        closing: /In Ordnung\. Wenn Sie noch etwas brauchen, schreiben Sie mir einfach/,
        nope: 'nö',
        codeInSentence: (code: string) => `der Code lautet ${code}`,
        emailInSentence: 'seine Mail ist max.mustermann(at)firma.example',
        message: 'Bitte nehmen Sie mich in den Enterprise-Tarif auf.',
        forgetIt: 'vergiss es',
        helpPlease: 'Hilfe bitte',
        shortMessage: 'Verlängerung bitte stoppen',
        declineWithReason: 'nein, das mache ich selbst',
        otherLanguageYes: 'yes please',
        itsLogin: 'das ist pbrooks'
    }
} as const;

/** Jonas asks who his billing contact is and verifies: the bot offers to email Anna. */
function jonasOfferedEmail(lang: Lang): Step[] {
    return [{ say: PHRASES[lang].whoIs }, { say: JONAS }, { say: CODE, expect: [PHRASES[lang].verified, PHRASES[lang].offerEmail] }];
}

/** Jonas asks to change the billing contact and verifies: the bot asks who should become it. */
function jonasAskedNewContact(lang: Lang): Step[] {
    return [{ say: TASK_PHRASES[lang].changeContact }, { say: JONAS }, { say: CODE, expect: [TASK_PHRASES[lang].askNewContact] }];
}

describe('Answers in own words: yes and no, codes and addresses inside sentences', () => {
    const harnessOf = useHarness();

    it('a question plainly in the other language is understood, and answered in the language it is written in', async () => {
        const harness = harnessOf();
        const german = harness.conversation('de-DE');
        await german.start();
        assert.match(joined(await german.say('How do I reactivate my subscription?')), /An expired or cancelled plan can be reactivated by the billing contact/);
        const english = harness.conversation('en-US');
        await english.start();
        assert.match(joined(await english.say('Wie kann ich mein Abo reaktivieren?')), /Einen abgelaufenen oder gekündigten Plan kann der Abrechnungskontakt reaktivieren/);
    });

    it('"okay, aber …" and "okay, but …" at a German send question ask again, in German, and send nothing', async () => {
        const harness = harnessOf();
        const convo = harness.conversation('de-DE');
        await play(harness, convo, [
            ...jonasOfferedEmail('de'),
            { say: PHRASES.de.emailButton },
            { say: SAID.de.message, expect: [PHRASES.de.confirm] },
            { say: 'okay, aber bitte schnell', expect: [SAID.de.askAgain], absent: [PHRASES.en.confirm, /continue in English/] },
            { say: 'okay, but change the text', expect: [SAID.de.askAgain], absent: [PHRASES.de.sent] },
            { say: '1', expect: [PHRASES.de.sent] }
        ], JONAS);
    });

    it('German commands in an English chat still work at a free-text question', async () => {
        const harness = harnessOf();
        const convo = harness.conversation('en-US');
        await play(harness, convo, [
            ...jonasOfferedEmail('en'),
            { say: PHRASES.en.emailButton, expect: [PHRASES.en.askMessage] },
            { say: 'Hilfe bitte', expect: [PHRASES.en.helpInTask, PHRASES.en.askMessage], absent: [PHRASES.en.preview] },
            { say: 'von vorn', expect: [PHRASES.en.restarted], absent: [PHRASES.en.preview] }
        ], JONAS);
    });

    for (const lang of LANGUAGES) {
        const p = PHRASES[lang];
        const task = TASK_PHRASES[lang];
        const said = SAID[lang];

        it(`[${lang}] a plain yes picks the offered email, and "${said.sureThing}" sends it`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                ...jonasOfferedEmail(lang),
                { say: said.yesPlease, expect: [p.askMessage] },
                { say: said.message, expect: [p.preview, p.confirm] },
                { say: said.sureThing, expect: [p.sent], absent: [p.cancelled] }
            ], JONAS);
            assert.strictEqual((await harness.mails(ANNA)).length, 1);
        });

        it(`[${lang}] "${said.yesBut}" at the send question sends nothing and asks again`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                ...jonasOfferedEmail(lang),
                { say: p.emailButton, expect: [p.askMessage] },
                { say: said.message, expect: [p.confirm] },
                { say: said.yesBut, expect: [said.askAgain], absent: [p.sent, p.cancelled] }
            ], JONAS);
            assert.strictEqual((await harness.mails(ANNA)).length, 0);
        });

        it(`[${lang}] Peter (case c): "${said.yesPlease}" to the reset offer has the link sent to his own user ID, "${said.nope}" to the next offer declines`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const peterOfferedReset: Step[] = [{ say: p.amI }, { say: PETER }, { say: CODE, expect: [p.caseC, task.offerReset] }];
            await play(harness, convo, [...peterOfferedReset, { say: said.yesPlease, expect: [task.resetRequested], absent: [task.askUserId, p.notUnderstood] }], PETER);
            const other = harness.conversation(localeOf(lang));
            await play(harness, other, [
                ...peterOfferedReset,
                { say: said.nope, expect: [said.closing], absent: [task.askUserId, p.notUnderstood, p.helpInTask] }
            ], PETER);
        });

        it(`[${lang}] at the reason question "${said.helpPlease}" helps and "${said.forgetIt}" cancels; a short message to the admin that merely starts like a command is sent as written`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                ...jonasAskedNewContact(lang),
                { say: 'Lea', expect: [task.askReason] },
                { say: said.helpPlease, expect: [p.helpInTask, task.askReason], absent: [task.summary] },
                { say: said.forgetIt, expect: [p.cancelled], absent: [task.summary] }
            ], JONAS);
            const mail = harness.conversation(localeOf(lang));
            await play(harness, mail, [
                ...jonasOfferedEmail(lang),
                { say: p.emailButton, expect: [p.askMessage] },
                { say: said.shortMessage, expect: [p.preview, new RegExp(said.shortMessage), p.confirm], absent: [p.cancelled] }
            ], JONAS);
        });

        it(`[${lang}] "${said.declineWithReason}" declines the offer, "${said.otherLanguageYes}" in the other language takes it`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [...jonasOfferedEmail(lang), { say: said.declineWithReason, expect: [p.anythingElse], absent: [p.askMessage] }], JONAS);
            await play(harness, convo, [{ say: p.whoIs, expect: [p.offerEmail] }, { say: said.otherLanguageYes, expect: [p.askMessage] }]);
        });

        it(`[${lang}] "no one" at the list of people is asked again; "${said.itsLogin}" is a user ID`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                ...jonasAskedNewContact(lang),
                { say: 'no one', expect: [new RegExp(`${task.askNewContact.source}|${task.askNewContactRetry.source}`)], absent: [task.askReason] }
            ], JONAS);
            const reset = harness.conversation(localeOf(lang));
            await play(harness, reset, [{ say: task.resetQuestion, expect: [task.askUserId] }, { say: said.itsLogin, expect: [task.resetRequested] }]);
        });

        it(`[${lang}] a code inside a sentence verifies`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [{ say: p.whoIs }, { say: JONAS, expect: [p.codeSent] }]);
            const code = await harness.latestCode(JONAS);
            assert.match(joined(await convo.say(said.codeInSentence(code))), p.verified);
        });

        it(`[${lang}] "${said.emailInSentence}" is asked again as an address, not taken as "cancel"`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                ...jonasAskedNewContact(lang),
                { say: task.someoneElse, expect: [task.askName] },
                { say: 'Max Mustermann', expect: [task.askEmail] },
                { say: said.emailInSentence, expect: [task.invalidEmail], absent: [p.cancelled] }
            ], JONAS);
        });
    }
});
