import * as assert from 'assert';
import { BotHarness, type Conversation } from '../helpers/botHarness';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { LANGUAGES } from '../helpers/phrases';
import { localeOf, play } from '../helpers/script';
import type { Agent } from '../../data/handoffModel';
import type { Lang } from '../../core/language';

/** What the person sees around leaving the queue, per language. */
const LEAVING = {
    en: {
        askLeave: /^Would you like to leave the queue\?$/,
        leftGoodbye: /I've taken you out of the queue\. Have a nice day!/,
        stillInQueue: /You're still in the queue/,
        rating: /did this conversation help you\?/,
        goodbyes: ['bye', 'ok thanks bye', 'Goodbye!'],
        settled: ['never mind, I figured it out', 'problem solved, thanks', 'ok I have to go, bye', 'all sorted now thank you'],
        no: 'no',
        yes: 'yes please',
        thanks: 'ok thanks',
        notSettled: 'it works now but the invoice is still wrong',
        stopWaiting: ['this is taking too long', 'can i leave the queue please'],
        leftOnRequest: /All right, I've taken you out of the queue\./,
        offerCallback: /Shall customer service get back to you by email\?/,
        noCallback: /You're no longer in the queue\. Whenever you want to try again, just ask for a person/
    },
    de: {
        askLeave: /^Möchten Sie die Warteschlange verlassen\?$/,
        leftGoodbye: /ich habe Sie aus der Warteschlange genommen\. Einen schönen Tag noch!/,
        stillInQueue: /Sie sind weiterhin in der Warteschlange/,
        rating: /Hat Ihnen dieses Gespräch geholfen\?/,
        goodbyes: ['tschüss', 'ok danke tschüss', 'Auf Wiedersehen!'],
        settled: ['hat sich erledigt, danke', 'hat sich inzwischen erledigt', 'ich hab es selbst gefunden, danke', 'muss los, tschüss', 'brauch keine hilfe mehr'],
        no: 'nein',
        yes: 'ja bitte',
        thanks: 'ok danke',
        notSettled: 'geht wieder, aber die Rechnung ist immer noch falsch',
        stopWaiting: ['das dauert mir zu lange', 'wie komme ich aus der warteschlange raus'],
        leftOnRequest: /In Ordnung, ich habe Sie aus der Warteschlange genommen\./,
        offerCallback: /Soll sich der Kundendienst per E-Mail bei Ihnen melden\?/,
        noCallback: /Sie warten jetzt nicht mehr in der Warteschlange\. Wenn Sie es später noch einmal versuchen möchten/
    }
} as const;

/** Asks for a person without a description and lands in the queue. */
async function queue(harness: BotHarness, convo: Conversation, lang: Lang): Promise<void> {
    const h = HANDOFF_PHRASES[lang];
    await play(harness, convo, [
        { say: h.human, expect: [h.askDescription] },
        { say: h.skip, expect: [h.waitPrompt] }
    ]);
}

describe('Leaving the queue in words: a goodbye while waiting for a person', () => {
    let harness: BotHarness;
    let erika: Agent;
    beforeEach(async () => {
        harness = await BotHarness.create();
        erika = await harness.agentOnline('erika');
    });
    afterEach(async () => harness.close());

    /** How many conversations the agents see waiting. */
    const waiting = async (): Promise<number> => (await harness.runtime.handoff.desk.snapshot(erika)).waiting.length;

    for (const lang of LANGUAGES) {
        const l = LEAVING[lang];
        const h = HANDOFF_PHRASES[lang];

        for (const settled of l.settled) {
            it(`[${lang}] "${settled}" leaves the queue at once, with one friendly line; nothing reaches the agents`, async () => {
                const convo = harness.conversation(localeOf(lang));
                await queue(harness, convo, lang);
                assert.strictEqual(await waiting(), 1);
                await play(harness, convo, [{ say: settled, expect: [l.leftGoodbye], absent: [l.askLeave, h.stillWaiting, h.waitPrompt] }]);
                assert.strictEqual(await waiting(), 0, 'the agents no longer see it waiting');
                assert.strictEqual(await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`), undefined);
            });
        }

        for (const goodbye of l.goodbyes) {
            it(`[${lang}] "${goodbye}" asks once whether to leave; a yes leaves and ends the conversation`, async () => {
                const convo = harness.conversation(localeOf(lang));
                await queue(harness, convo, lang);
                const [asked] = await play(harness, convo, [{ say: goodbye, expect: [l.askLeave], absent: [h.stillWaiting] }]);
                assert.strictEqual(asked.length, 1, 'one short question');
                assert.strictEqual(await waiting(), 1, 'still waiting until the person says so');
                await play(harness, convo, [{ say: l.yes, expect: [l.leftGoodbye, l.rating], absent: [h.anythingElse] }]);
                assert.strictEqual(await waiting(), 0);
            });
        }

        for (const words of l.stopWaiting) {
            it(`[${lang}] "${words}" leaves the queue at once and offers a reply by email instead; nothing reaches the agents`, async () => {
                const convo = harness.conversation(localeOf(lang));
                await queue(harness, convo, lang);
                await play(harness, convo, [{ say: words, expect: [l.leftOnRequest, l.offerCallback], absent: [h.stillWaiting, l.askLeave] }]);
                assert.strictEqual(await waiting(), 0, 'the agents no longer see it waiting');
                await play(harness, convo, [{ say: l.no, expect: [l.noCallback], absent: [h.stillWaiting] }]);
                assert.strictEqual(await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`), undefined);
            });
        }

        it(`[${lang}] a second goodbye to "leave the queue?" leaves too`, async () => {
            const convo = harness.conversation(localeOf(lang));
            await queue(harness, convo, lang);
            await play(harness, convo, [
                { say: l.goodbyes[0], expect: [l.askLeave] },
                { say: l.goodbyes[1], expect: [l.leftGoodbye] }
            ]);
            assert.strictEqual(await waiting(), 0);
        });

        it(`[${lang}] a no to "leave the queue?" stays in it: the agent later picks up a conversation that goes on`, async () => {
            const convo = harness.conversation(localeOf(lang));
            await queue(harness, convo, lang);
            await play(harness, convo, [
                { say: l.goodbyes[0], expect: [l.askLeave] },
                { say: l.no, expect: [l.stillInQueue], absent: [h.stillWaiting, l.leftGoodbye] },
                { say: 'My invoice shows the wrong company name', expect: [h.stillWaiting] }
            ]);
            const [handoff] = (await harness.runtime.handoff.desk.snapshot(erika)).waiting;
            assert.ok(handoff, 'still waiting');
            assert.ok((await harness.runtime.handoff.desk.accept(handoff.id, erika)).ok);
            const detail = await harness.runtime.handoff.desk.detail(handoff.id, erika);
            assert.ok(detail.ok);
            const fromCustomer = detail.value.messages.filter((m) => m.sender === 'customer').map((m) => m.text);
            assert.deepStrictEqual(fromCustomer, ['My invoice shows the wrong company name'], 'the goodbye and the no are not passed on');
        });

        it(`[${lang}] something else at "leave the queue?" goes to the agent and the person keeps waiting`, async () => {
            const convo = harness.conversation(localeOf(lang));
            await queue(harness, convo, lang);
            await play(harness, convo, [
                { say: l.goodbyes[0], expect: [l.askLeave] },
                { say: 'Please call me back at the office', expect: [h.stillWaiting] }
            ]);
            assert.strictEqual(await waiting(), 1);
        });

        it(`[${lang}] thanks alone, or a "settled" that asks for more, is no goodbye: passed on, still waiting`, async () => {
            const convo = harness.conversation(localeOf(lang));
            await queue(harness, convo, lang);
            await play(harness, convo, [
                { say: l.thanks, expect: [h.stillWaiting], absent: [l.askLeave, l.leftGoodbye] },
                { say: l.notSettled, expect: [h.stillWaiting], absent: [l.askLeave, l.leftGoodbye] }
            ]);
            assert.strictEqual(await waiting(), 1);
        });
    }
});
