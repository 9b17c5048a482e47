import * as assert from 'assert';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { DialogMemoryReuse } from '../../sdkSpeedups/dialogMemoryReuse';

function turn(): TurnContext {
    return new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' } });
}

describe('DialogMemoryReuse: one set of dialog memory scopes for every turn', () => {
    it('gives later turns the scopes and resolvers botbuilder built in the first', async () => {
        const dialogs = new DialogSet(new ConversationState(new MemoryStorage()).createProperty<DialogState>('dialogState'));
        const reuse = new DialogMemoryReuse();

        const first = turn();
        reuse.prepare(first);
        const firstDc = await dialogs.createContext(first);
        reuse.learn(first, firstDc);
        assert.ok(firstDc.state.configuration.memoryScopes.length > 0);

        const second = turn();
        reuse.prepare(second);
        const secondDc = await dialogs.createContext(second);
        assert.strictEqual(secondDc.state.configuration, firstDc.state.configuration, 'the same set, not built again');
        assert.strictEqual(secondDc.state.getValue('turn.activity.text'), 'hi', 'and the memory works with it');

        const without = await dialogs.createContext(turn());
        assert.notStrictEqual(without.state.configuration, firstDc.state.configuration, 'botbuilder builds its own where none is given');
    });
});

describe('DialogMemoryReuse pins the botbuilder-dialogs internal it relies on', () => {
    it("DialogStateManager keeps its configuration in the turn state under 'DialogStateManagerConfiguration' and takes one found there", async () => {
        const dialogs = new DialogSet(new ConversationState(new MemoryStorage()).createProperty<DialogState>('dialogState'));
        const first = turn();
        const firstDc = await dialogs.createContext(first);
        assert.strictEqual(first.turnState.get('DialogStateManagerConfiguration'), firstDc.state.configuration);

        const second = turn();
        second.turnState.set('DialogStateManagerConfiguration', firstDc.state.configuration);
        const secondDc = await dialogs.createContext(second);
        assert.strictEqual(secondDc.state.configuration, firstDc.state.configuration);
    });
});
