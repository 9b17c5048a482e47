import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play, type Step } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { ANNA, JONAS } from '../helpers/demoPeople';
import type { Lang } from '../../core/language';

/** How the bot closes, asks before dropping a task, and answers what is outside its field, per language. */
const CLOSING = {
    en: {
        goodbyes: ['bye', 'goodbye!', 'thanks bye', 'Thanks, bye!', 'no', 'no thanks', 'thanks', 'nope'],
        closing: /Goodbye|goodbye/,
        rating: /did this conversation help you\?/,
        ratingButtons: ['👍 Yes, it helped', "👎 No, it didn't"],
        dropTask: /Shall I drop it and end here\?/,
        goOn: /let's carry on/,
        offTopic: ["what's the weather like tomorrow?", 'who won the world cup', 'can you order me a pizza'],
        outOfScope: /that's not something I can help with\. I can tell you who your billing contact is.*Would you like to talk to a person instead\?/,
        outOfScopeInTask: /that's not something I can help with: I only handle billing contacts/,
        yes: 'yes',
        no: 'no',
        escalateAsk: /Briefly, what is it about\?|What is it about|describe/i,
        topicAnswers: /billing contact (changes|manages|finds)|Only the billing contact|subscription|Billing/
    },
    de: {
        goodbyes: ['tschüss', 'Auf Wiedersehen', 'danke, tschüss', 'Danke und tschüss!', 'nein', 'nein danke', 'danke', 'nö'],
        closing: /Auf Wiedersehen/,
        rating: /Hat Ihnen dieses Gespräch geholfen\?/,
        ratingButtons: ['👍 Ja, hat geholfen', '👎 Nein, leider nicht'],
        dropTask: /Soll ich ihn verwerfen und das Gespräch beenden\?/,
        goOn: /dann machen wir weiter/,
        offTopic: ['wer hat die fußball-wm gewonnen', 'Wie wird das Wetter morgen?', 'koennen sie mir eine pizza bestellen'],
        outOfScope: /Dabei kann ich Ihnen leider nicht helfen\. Ich kann Ihnen sagen, wer Ihr Abrechnungskontakt ist.*Möchten Sie stattdessen mit einem Mitarbeiter sprechen\?/,
        outOfScopeInTask: /Dabei kann ich Ihnen leider nicht helfen, ich kümmere mich nur um Abrechnungskontakte/,
        yes: 'ja',
        no: 'nein',
        escalateAsk: /worum es geht|Worum geht es/i,
        topicAnswers: /Abrechnungskontakt|Abrechnung/
    }
} as const;

/** A started and cancelled task: the bot asks "anything else?". */
function atAnythingElse(lang: Lang): Step[] {
    return [{ say: PHRASES[lang].whoIs }, { say: PHRASES[lang].cancel, expect: [PHRASES[lang].anythingElse] }];
}

/** Jonas verified, chose to email Anna: the bot asks for the message. */
function jonasWritingToAnna(lang: Lang): Step[] {
    const p = PHRASES[lang];
    return [{ say: p.whoIs }, { say: JONAS }, { say: CODE, expect: [p.offerEmail] }, { say: p.emailButton, expect: [p.askMessage] }];
}

/** Jonas asks for a change of billing contact, verifies, and is asked who should become it. */
function jonasChoosingNewContact(lang: Lang): Step[] {
    const task = TASK_PHRASES[lang];
    return [{ say: task.changeContact }, { say: JONAS }, { say: CODE, expect: [task.askNewContact] }];
}

describe('Closing and out-of-scope: goodbyes end the conversation, off-topic gets what the bot can do', () => {
    const harnessOf = useHarness();

    it('[en] "yes send the reset link" at the email question does not start over; a bare "start over" still does', async () => {
        const harness = harnessOf();
        const convo = harness.conversation(localeOf('en'));
        await play(harness, convo, [
            { say: PHRASES.en.whoIs, expect: [PHRASES.en.askEmail] },
            { say: 'yes send the reset link', absent: [PHRASES.en.restarted] },
            { say: PHRASES.en.startOver, expect: [PHRASES.en.restarted] }
        ]);
    });

    it('[de→en] "ok english again pls" at "Soll ich sie senden?" switches the language and asks again: its "ok" is no yes, nothing is sent until the yes', async () => {
        const harness = harnessOf();
        const convo = harness.conversation(localeOf('de'));
        await play(harness, convo, [
            ...jonasWritingToAnna('de'),
            { say: 'Wir brauchen bitte zwei weitere Lizenzen.', expect: [PHRASES.de.preview, PHRASES.de.confirm] },
            { say: 'ok english again pls', expect: [PHRASES.en.confirm], absent: [PHRASES.en.sent, PHRASES.de.sent] }
        ], JONAS);
        assert.strictEqual((await harness.mails(ANNA)).length, 0, 'nothing sent on the "ok"');
        await play(harness, convo, [{ say: 'yes', expect: [PHRASES.en.sent] }], JONAS);
        assert.strictEqual((await harness.mails(ANNA)).length, 1);
    });

    for (const lang of LANGUAGES) {
        const p = PHRASES[lang];
        const c = CLOSING[lang];
        const other = CLOSING[lang === 'de' ? 'en' : 'de'];

        for (const goodbye of c.goodbyes) {
            it(`[${lang}] "${goodbye}" to "anything else?" ends with one short message in ${lang}: the goodbye with the rating buttons, no menu`, async () => {
                const harness = harnessOf();
                const convo = harness.conversation(localeOf(lang));
                const turns = await play(harness, convo, [
                    ...atAnythingElse(lang),
                    { say: goodbye, expect: [c.closing], absent: [p.anythingElse, p.menu, p.notUnderstood, other.closing] }
                ]);
                const last = turns[turns.length - 1];
                assert.strictEqual(last.length, 1, 'one message: the goodbye, with the rating question in it');
                assert.match(last[0].text, c.closing);
                assert.match(last[0].text, c.rating);
                assert.deepStrictEqual(last[0].buttons, c.ratingButtons, 'the rating is one click, and only the rating is offered');
            });
        }

        it(`[${lang}] a goodbye as the first message ends at once`, async () => {
            const harness = harnessOf();
            await play(harness, harness.conversation(localeOf(lang)), [{ say: c.goodbyes[0], expect: [c.closing], absent: [p.menu, p.notUnderstood] }]);
        });

        it(`[${lang}] "${c.goodbyes[2]}" at the message to the billing contact is no message: asked, "${c.yes}" ends and nothing is sent`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                ...jonasWritingToAnna(lang),
                { say: c.goodbyes[2], expect: [c.dropTask], absent: [p.preview, p.confirm] },
                { say: c.yes, expect: [c.closing], absent: [p.sent, p.anythingElse] }
            ], JONAS);
            assert.strictEqual((await harness.mails(ANNA)).length, 0);
        });

        it(`[${lang}] "${c.no}" to "drop it?" goes on where it was, and the real message is shown back, then sent in the person's words`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const message = lang === 'de' ? 'Bitte buchen Sie drei weitere Lizenzen für das Vertriebsteam.' : 'Please book three more licenses for the sales team.';
            await play(harness, convo, [
                ...jonasWritingToAnna(lang),
                { say: c.goodbyes[1], expect: [c.dropTask] },
                { say: c.no, expect: [c.goOn, p.askMessage] },
                { say: message, expect: [p.preview, /drei weitere Lizenzen|three more licenses/, p.confirm] },
                { say: c.yes, expect: [p.sent] }
            ], JONAS);
            const mails = await harness.mails(ANNA);
            assert.strictEqual(mails.length, 1);
            assert.match(mails[0].text, /drei weitere Lizenzen|three more licenses/);
        });

        for (const leaving of lang === 'de' ? ['egal, tschüss', 'eigentlich egal, tschüss'] : ['nvm, bye', 'actually whatever, bye']) it(`[${lang}] "${leaving}" at the message to the billing contact is no message either: asked first, nothing is sent`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                ...jonasWritingToAnna(lang),
                { say: leaving, expect: [c.dropTask], absent: [p.preview, p.confirm] },
                { say: c.yes, expect: [c.closing], absent: [p.sent] }
            ], JONAS);
            assert.strictEqual((await harness.mails(ANNA)).length, 0);
        });

        for (const yes of [c.yes, lang === 'de' ? 'ja schick ab' : 'yes please, send it']) it(`[${lang}] "${yes}" as the message to the billing contact is asked for again; the real message is what is sent`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const message = lang === 'de' ? 'Wir brauchen bitte vier weitere Lizenzen.' : 'We need four more licenses, please.';
            await play(harness, convo, [
                ...jonasWritingToAnna(lang),
                { say: yes, expect: [lang === 'de' ? /nur ein Ja oder Nein/ : /only say yes or no/, p.askMessage], absent: [p.preview, p.confirm] },
                { say: message, expect: [p.preview, /vier weitere Lizenzen|four more licenses/, p.confirm] },
                { say: c.yes, expect: [p.sent] }
            ], JONAS);
            const mails = await harness.mails(ANNA);
            assert.strictEqual(mails.length, 1);
            assert.match(mails[0].text, /vier weitere Lizenzen|four more licenses/);
        });

        it(`[${lang}] a question read as thanks after the mail was sent ("is that all done now?") does not end the conversation`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                ...jonasWritingToAnna(lang),
                { say: lang === 'de' ? 'Wir brauchen bitte vier weitere Lizenzen.' : 'We need four more licenses, please.', expect: [p.preview, p.confirm] },
                { say: c.yes, expect: [p.sent] },
                { say: lang === 'de' ? 'ist das jetzt alles erledigt?' : 'is that all done now?', absent: [c.closing, c.rating] }
            ], JONAS);
        });

        it(`[${lang}] "no, no mail …, I want the contact changed" at the message to the billing contact drops the mail and starts the change request`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const instead = lang === 'de'
                ? 'nein keine mail an anna, ich will dass der abrechnungskontakt geaendert wird'
                : "no dont send anna anything, I want to change the billing contact";
            await play(harness, convo, [
                ...jonasWritingToAnna(lang),
                { say: instead, expect: [TASK_PHRASES[lang].changeIntro], absent: [p.preview, p.confirm] }
            ], JONAS);
            assert.strictEqual((await harness.mails(ANNA)).length, 0, 'nothing went to Anna');
        });

        it(`[${lang}] a goodbye at the reason of a change request asks first; a second goodbye ends; no request is filed`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const task = TASK_PHRASES[lang];
            await play(harness, convo, [
                ...jonasChoosingNewContact(lang),
                { say: 'Lea', expect: [task.askReason] },
                { say: c.goodbyes[3], expect: [c.dropTask], absent: [task.summary] },
                { say: c.goodbyes[0], expect: [c.closing], absent: [task.summary, task.filed] }
            ], JONAS);
            assert.strictEqual((await harness.runtime.services.changeRequests.pendingFor('ACC-1001')).length, 0);
        });

        it(`[${lang}] a goodbye at "who should become the billing contact?" ends without asking: nothing was given yet`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const task = TASK_PHRASES[lang];
            await play(harness, convo, [
                ...jonasChoosingNewContact(lang),
                { say: lang === 'de' ? 'nein danke, tschüss' : 'no thanks, bye', expect: [c.closing], absent: [c.dropTask, task.askReason, task.askNewContactRetry] }
            ], JONAS);
            assert.strictEqual((await harness.runtime.services.changeRequests.pendingFor('ACC-1001')).length, 0);
        });

        it(`[${lang}] a "no thanks" at "who should become the billing contact?" is no new person's name`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const task = TASK_PHRASES[lang];
            await play(harness, convo, [
                ...jonasChoosingNewContact(lang),
                { say: lang === 'de' ? 'nein danke' : 'no thanks', absent: [/nein danke|no thanks/i, task.askReason] }
            ], JONAS);
            assert.strictEqual((await harness.runtime.services.changeRequests.pendingFor('ACC-1001')).length, 0);
        });

        it(`[${lang}] "ok" with thanks and "that's all" at the offer after the answer acknowledges and ends: no mail is begun`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: p.whoIs }, { say: JONAS }, { say: CODE, expect: [p.offerEmail] },
                { say: lang === 'de' ? 'ok danke, das wars' : 'ok thx, thats all', expect: [c.closing], absent: [c.dropTask, p.askMessage] }
            ], JONAS);
            assert.strictEqual((await harness.mails(ANNA)).length, 0);
        });

        it(`[${lang}] "ok cool, thanks" at the offer after a topic's answer closes; it starts no check of the account`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: lang === 'de' ? 'wie bezahle ich eine rechnung online?' : 'how do i pay an invoice online?', expect: [lang === 'de' ? /Soll ich prüfen, ob Sie Abrechnungskontakt sind/ : /Shall I check whether you are a billing contact/] },
                { say: lang === 'de' ? 'ok super, danke' : 'ok cool, thanks', expect: [c.closing], absent: [p.askEmail] }
            ]);
        });

        it(`[${lang}] a goodbye at the offer after the answer ends without asking: nothing would be lost`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: p.whoIs }, { say: JONAS }, { say: CODE, expect: [p.offerEmail] },
                { say: c.goodbyes[0], expect: [c.closing], absent: [c.dropTask, p.askMessage] }
            ], JONAS);
        });

        for (const offTopic of [...c.offTopic, other.offTopic[0]]) {
            it(`[${lang}] "${offTopic}" gets what the bot can do and the offer of a person, in ${lang}: no guessed topic, no language switch`, async () => {
                const harness = harnessOf();
                const convo = harness.conversation(localeOf(lang));
                await play(harness, convo, [
                    { say: offTopic, expect: [c.outOfScope], absent: [p.notUnderstood, other.outOfScope, /continue in English|auf Deutsch weiter/, p.askEmail] }
                ]);
            });
        }

        it(`[${lang}] "${c.yes}" to the offer of a person after an off-topic question starts the escalation; "${c.no}" closes`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [{ say: c.offTopic[0], expect: [c.outOfScope] }, { say: c.no, expect: [c.closing] }]);
            const second = harness.conversation(localeOf(lang));
            await play(harness, second, [{ say: c.offTopic[1], expect: [c.outOfScope] }, { say: c.yes, absent: [c.closing, p.notUnderstood, c.outOfScope] }]);
        });

        it(`[${lang}] a goodbye that starts with "ok" at a yes/no offer closes; it is no yes`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const okBye = lang === 'de' ? 'ok danke tschüss' : 'ok thx bye';
            await play(harness, convo, [{ say: c.offTopic[0], expect: [c.outOfScope] }, { say: okBye, expect: [c.closing], absent: [c.escalateAsk] }]);
        });

        it(`[${lang}] an off-topic question in the middle of a task says so and keeps the question open`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: p.whoIs }, { say: JONAS, expect: [p.codeSent] },
                { say: c.offTopic[0], expect: [c.outOfScopeInTask, p.askCode] },
                { say: CODE, expect: [p.verified] }
            ], JONAS);
        });
    }

    it('without a client locale, an off-topic first message is answered in the language it is written in', async () => {
        const harness = harnessOf();
        await play(harness, harness.conversation(undefined), [{ say: 'wer hat die fußball-wm gewonnen', expect: [CLOSING.de.outOfScope] }]);
        await play(harness, harness.conversation(undefined), [{ say: "what's the weather like tomorrow?", expect: [CLOSING.en.outOfScope] }]);
    });
});
