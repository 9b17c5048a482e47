import * as assert from 'assert';
import { BotHarness, joined } from '../helpers/botHarness';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { LANGUAGES } from '../helpers/phrases';
import { localeOf, play } from '../helpers/script';

describe('Escalation: the handoff.initiate event and the state across restarts', () => {
    for (const [channelId, external, expected] of [
        ['directline', true, true],
        ['msteams', true, false],
        ['directline', false, false]
    ] as const) {
        it(`${channelId} with HANDOFF_EXTERNAL=${external}: ${expected ? 'emits' : 'does not emit'} handoff.initiate`, async () => {
            const harness = await BotHarness.create({ channelId, handoff: { external } });
            try {
                await harness.agentOnline('erika');
                const h = HANDOFF_PHRASES.en;
                const convo = harness.conversation(localeOf('en'));
                await play(harness, convo, [{ say: 'Who is my billing contact?' }, { say: h.human }, { say: 'Wrong invoice address, code 654321, cc bob.other@example.com', expect: [h.queuedNext] }]);
                const initiations = convo.events.filter((e) => e.name === 'handoff.initiate');
                assert.strictEqual(initiations.length, expected ? 1 : 0);
                if (expected) {
                    const [event] = initiations;
                    assert.deepStrictEqual((event.value as { description?: string; language?: string }).description, 'Wrong invoice address, code ••••••, cc b***@example.com', 'masked like the description agents see in the console');
                    const transcript = event.attachments?.[0]?.content as { activities: Array<{ text?: string }> };
                    assert.ok(transcript.activities.some((a) => a.text === 'Who is my billing contact?'), 'the transcript travels with the event');
                }
            } finally {
                await harness.close();
            }
        });
    }

    for (const lang of LANGUAGES) {
        it(`[${lang}] an agent's conversation survives a restart: the person's messages still go to the agent`, async () => {
            const h = HANDOFF_PHRASES[lang];
            const first = await BotHarness.create();
            const convo = first.conversation(localeOf(lang), 'restart-convo');
            const erika = await first.agentOnline('erika');
            await play(first, convo, [{ say: h.human }, { say: h.skip, expect: [h.queuedNext] }]);
            const handoff = await first.runtime.services.handoffs.openFor('directline:restart-convo');
            assert.ok(handoff && (await first.runtime.handoff.desk.accept(handoff.id, erika)).ok);
            await first.settle();
            const dbFile = first.dbFile;
            await first.runtime.bot.idle();
            await first.db.close();

            const second = await BotHarness.create({ dbFile, key: first.key });
            try {
                const again = second.conversation(localeOf(lang), 'restart-convo');
                // A fresh TestAdapter numbers activities from 1 again; a real channel's ids are unique.
                // Silent but for the "end chat" button offered again (a message without text).
                assert.deepStrictEqual(await again.deliver({ type: 'message', text: 'Hello, are you there?', id: 'after-restart-1' }), [{ text: '', buttons: [h.endChatButton] }]);
                const detail = await second.runtime.handoff.desk.detail(handoff.id, erika);
                assert.ok(detail.ok && detail.value.messages.some((m) => m.text === 'Hello, are you there?'));
                assert.ok((await second.runtime.handoff.desk.handBack(handoff.id, erika)).ok);
                await second.settle();
                assert.match(joined(again.inbox()), h.handedBack);
            } finally {
                await second.close();
            }
        });
    }
});
