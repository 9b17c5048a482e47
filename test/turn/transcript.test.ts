import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { localeOf, play } from '../helpers/script';

describe('Transcript for the agents: its own table, not the conversation state', () => {
    const harness = useHarness();

    for (const lang of LANGUAGES) {
        const h = HANDOFF_PHRASES[lang];
        const p = PHRASES[lang];

        it(`[${lang}] a long conversation reaches the agent as its last 40 lines, the escalating turn included; the saved state carries no transcript`, async () => {
            await harness().agentOnline('erika');
            const convo = harness().conversation(localeOf(lang));
            await convo.start();
            for (let i = 0; i < 15; i++) {
                await play(harness(), convo, [
                    { say: p.whoIs, expect: [p.askEmail] },
                    { say: p.cancel, expect: [] }
                ]);
            }
            const key = `directline:${convo.id}`;
            const state = await harness().db.get<{ data: string }>('SELECT data FROM bot_state WHERE key = ?', [`directline/conversations/${convo.id}/`]);
            assert.ok(state, 'the conversation state is saved');
            assert.ok(!('transcript' in (JSON.parse(state.data) as object)), 'no transcript in the state');
            const stored = await harness().db.get<{ n: number }>('SELECT COUNT(*) AS n FROM transcripts WHERE conversation_key = ?', [key]);
            assert.strictEqual(stored?.n, 40, 'the table keeps the newest 40 lines of the conversation');

            await play(harness(), convo, [
                { say: h.human, expect: [h.askDescription] },
                { say: 'Wrong company name on the invoice', expect: [h.queuedNext] }
            ]);
            const handoff = await harness().runtime.services.handoffs.openFor(key);
            assert.ok(handoff);
            assert.strictEqual(handoff.history.length, 40);
            const last = handoff.history.slice(-2).map((line) => [line.from, line.text]);
            assert.strictEqual(last[0][0], 'bot', 'the question asked in the turn before');
            assert.match(last[0][1], h.askDescription);
            assert.deepStrictEqual(last[1], ['customer', 'Wrong company name on the invoice'], 'and the line typed in the escalating turn itself');
            assert.ok(!handoff.history.some((line) => /Billing Contact Assistant|Assistent für Abrechnungskontakte/.test(line.text)), 'the welcome, long ago, is no longer among the 40');
            assert.deepStrictEqual(
                handoff.history.map((line) => line.at),
                handoff.history.map((line) => line.at).sort((a, b) => a - b),
                'oldest first'
            );
        });
    }
});
