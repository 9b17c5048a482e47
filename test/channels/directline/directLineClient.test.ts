import * as assert from 'assert';
import { ConnectionStatus } from 'botframework-directlinejs';
import { nodeDirectLine, ReceivedActivities } from '../../helpers/directLineNode';
import { LANGUAGES, PHRASES } from '../../helpers/phrases';
import { startRunningApp, type RunningApp } from '../../helpers/runningApp';
import { localeOf } from '../../helpers/script';
import { JONAS } from '../../helpers/demoPeople';
import { describeEachBackend } from '../../helpers/tempDatabase';

describeEachBackend('botframework-directlinejs against the built-in Direct Line', (backend) => {
    let running: RunningApp;
    const clients: ReceivedActivities[] = [];

    beforeEach(async () => {
        running = await startRunningApp({ backend });
    });
    afterEach(async () => {
        clients.splice(0).forEach((c) => c.end());
        await running.close();
    });

    async function pageToken(): Promise<string> {
        const res = await fetch(`${running.url}/api/webchat/token`, { method: 'POST' });
        return ((await res.json()) as { token: string }).token;
    }

    for (const webSocket of [true, false]) {
        const transport = webSocket ? 'WebSocket' : 'polling';
        for (const lang of LANGUAGES) {
            const p = PHRASES[lang];

            it(`[${lang}] over ${transport}: greets, runs case b for Jonas Weber, and a reconnect with the watermark gets only what is new`, async () => {
                const token = await pageToken();
                const directLine = nodeDirectLine({
                    domain: `${running.url}/v3/directline`,
                    token,
                    webSocket,
                    conversationStartProperties: { locale: localeOf(lang) }
                });
                const chat = new ReceivedActivities(directLine);
                clients.push(chat);
                const menu = await chat.botSays(p.menu);
                assert.ok((menu.suggestedActions?.actions ?? []).length >= 2, 'menu buttons as suggested actions');
                assert.strictEqual(directLine.connectionStatus$.getValue(), ConnectionStatus.Online);

                await chat.say(p.whoIs);
                await chat.botSays(p.askEmail);
                await chat.say(JONAS);
                await chat.botSays(p.codeSent);
                await chat.say(await running.latestCode(JONAS));
                const answer = await chat.botSays(p.caseB);
                assert.match(answer.text ?? '', /Anna Müller \(anna\.mueller@mueller-design\.example\)/);
                await chat.botSays(p.offerEmail);

                const ids = chat.all.map((a) => a.id ?? '');
                assert.strictEqual(new Set(ids).size, ids.length, 'each activity once');
                assert.deepStrictEqual(ids, [...ids].sort(), 'in watermark order');
                const echoes = chat.texts().filter((_text, i) => chat.all[i].from.role === 'user');
                assert.deepStrictEqual(echoes.slice(0, 2), [p.whoIs, JONAS], 'the person sees their own messages echoed');

                await new Promise((resolve) => setTimeout(resolve, webSocket ? 100 : 400));
                const last = chat.all[chat.all.length - 1];
                const [conversationId, seq] = (last.id ?? '').split('|');
                const watermark = String(Number(seq));
                chat.end();

                const again = new ReceivedActivities(nodeDirectLine({ domain: `${running.url}/v3/directline`, token, conversationId, watermark, webSocket }));
                clients.push(again);
                await again.say(p.noThanks);
                await again.botSays(p.anythingElse);
                assert.strictEqual(again.texts()[0], p.noThanks, `nothing from before watermark ${watermark} is sent again`);
            });
        }
    }

    it('over WebSocket: a reconnect to a long backlog while new replies arrive still shows everything in watermark order', async () => {
        // The client emits each received set on a timer, one activity per tick, and starts the next set at once:
        // a set that arrives while a long one is being emitted would interleave with it unless each set is one activity.
        const p = PHRASES.en;
        const token = await pageToken();
        const first = new ReceivedActivities(nodeDirectLine({ domain: `${running.url}/v3/directline`, token, webSocket: true, conversationStartProperties: { locale: 'en-US' } }));
        clients.push(first);
        await first.botSays(p.menu);
        for (let i = 0; i < 8; i++) {
            await first.say(p.whoIs);
            await first.botSays(p.askEmail);
            await first.say('cancel');
            await new Promise((resolve) => setTimeout(resolve, 150));
        }
        const conversationId = (first.all[0].conversation?.id ?? '');
        const backlog = first.all.length;
        first.end();

        const again = nodeDirectLine({ domain: `${running.url}/v3/directline`, token, conversationId, watermark: '0', webSocket: true });
        const chat = new ReceivedActivities(again);
        clients.push(chat);
        await chat.say(p.whoIs);
        const seqOf = (a: { id?: string }): number => Number((a.id ?? '').split('|')[1]);
        await chat.waitFor((a) => a.type === 'message' && a.from.role === 'bot' && seqOf(a) > backlog + 1, 'answering the new message');
        await new Promise((resolve) => setTimeout(resolve, 300));
        const seqs = chat.all.map(seqOf);
        assert.deepStrictEqual(seqs, [...seqs].sort((a, b) => a - b), `in watermark order: ${seqs.join(', ')}`);
        assert.strictEqual(new Set(seqs).size, seqs.length, 'each activity once');
    });
});
