import * as assert from 'assert';
import * as path from 'path';
import { ActivityTypes, type Activity } from 'botbuilder';
import { DirectLineAdapter, DIRECT_LINE_BOT, DIRECT_LINE_CHANNEL_ID, IN_PROCESS_SERVICE_URL } from '../../../channels/directline/directLineAdapter';
import { DirectLineStore } from '../../../channels/directline/directLineStore';
import { ManualClock } from '../../../core/clock';
import { Database } from '../../../data/database';
import { makeTempDir } from '../../helpers/tempDir';

describe('DirectLineAdapter: what the bot sends, updates and deletes', () => {
    let temp: { dir: string; cleanup: () => void };
    let db: Database;
    let store: DirectLineStore;
    let adapter: DirectLineAdapter;

    const incoming = (text: string): Activity =>
        ({
            type: ActivityTypes.Message,
            id: 'conv-1|0000001',
            text,
            channelId: DIRECT_LINE_CHANNEL_ID,
            serviceUrl: IN_PROCESS_SERVICE_URL,
            conversation: { id: 'conv-1' },
            from: { id: 'dl_user', role: 'user' },
            recipient: DIRECT_LINE_BOT
        }) as Activity;

    beforeEach(async () => {
        temp = makeTempDir();
        db = await Database.open(path.join(temp.dir, 'bot.sqlite'));
        store = new DirectLineStore(db, new ManualClock());
        adapter = new DirectLineAdapter(store);
        await store.createConversation('conv-1', 'dl_user', 'en-US');
    });
    afterEach(async () => {
        await db.close();
        temp.cleanup();
    });

    it("stores replies with this channel's ids, addresses and bot, whatever the caller set; drops traces", async () => {
        await adapter.processActivity(incoming('hi'), async (context) => {
            await context.sendActivities([
                { type: ActivityTypes.Message, text: 'one', from: { id: 'spoofed', name: 'x' }, serviceUrl: 'https://evil.example' },
                { type: ActivityTypes.Trace, name: 'debug' },
                { type: ActivityTypes.Message, text: 'two' }
            ]);
        });
        const stored = await store.after('conv-1', 0);
        assert.deepStrictEqual(stored.map((s) => [s.seq, s.activity.text, s.activity.id, s.activity.from.id, s.activity.serviceUrl, s.activity.recipient.id]), [
            [1, 'one', 'conv-1|0000001', DIRECT_LINE_BOT.id, IN_PROCESS_SERVICE_URL, 'dl_user'],
            [2, 'two', 'conv-1|0000002', DIRECT_LINE_BOT.id, IN_PROCESS_SERVICE_URL, 'dl_user']
        ]);
    });

    it('delivers an updated activity again after the newest, with its id; a deleted one leaves the history and a messageDelete follows', async () => {
        let firstId = '';
        await adapter.processActivity(incoming('hi'), async (context) => {
            firstId = (await context.sendActivity('draft'))?.id ?? '';
            await context.sendActivity('later');
            await context.updateActivity({ id: firstId, type: ActivityTypes.Message, text: 'final' });
        });
        assert.deepStrictEqual((await store.after('conv-1', 0)).map((s) => [s.activity.id, s.activity.text]), [
            ['conv-1|0000002', 'later'],
            [firstId, 'final']
        ]);
        await adapter.processActivity(incoming('delete'), async (context) => context.deleteActivity(firstId));
        const after = await store.after('conv-1', 0);
        assert.deepStrictEqual(after.map((s) => [s.activity.id, s.activity.type]), [
            ['conv-1|0000002', 'message'],
            [firstId, 'messageDelete']
        ]);
        await assert.rejects(
            adapter.processActivity(incoming('again'), async (context) => {
                await context.updateActivity({ id: 'conv-1|9999999', type: 'message', text: 'x' });
            }),
            /no activity conv-1\|9999999/
        );
    });

    it('runs a proactive turn in a stored conversation, and refuses one for a conversation it does not have', async () => {
        const reference = { channelId: DIRECT_LINE_CHANNEL_ID, serviceUrl: IN_PROCESS_SERVICE_URL, conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' }, user: { id: 'dl_user', name: '' }, bot: DIRECT_LINE_BOT };
        await adapter.continueConversationAsync('', reference, async (context) => {
            assert.strictEqual(context.activity.name, 'ContinueConversation');
            await context.sendActivity('An agent has joined.');
        });
        assert.strictEqual((await store.after('conv-1', 0))[0].activity.text, 'An agent has joined.');
        await assert.rejects(
            adapter.continueConversation({ ...reference, conversation: { ...reference.conversation, id: 'gone' } }, async (context) => {
                await context.sendActivity('x');
            }),
            /conversation gone does not exist/
        );
    });
});
