import * as assert from 'assert';
import { inFreshProcess } from '../helpers/freshProcess';

/**
 * A conversation over two nested component dialogs, driven by botbuilder's
 * TestAdapter: an outer component whose interruption check walks the nested
 * contexts down to the open prompt (as our interruptible dialog does), an
 * inner one that replaces itself, a cancel. Puts into `out` the replies, the
 * saved state and how many inner dialog contexts were built; `install` says
 * whether the speed-up is installed first.
 */
function conversation(install: boolean): string {
    return `
if (${install}) require(path.join(dist, 'sdkSpeedups/innerDialogContextReuse.js')).reuseInnerDialogContexts();
const { TestAdapter, ConversationState, MemoryStorage } = require('botbuilder');
const { ComponentDialog, Dialog, DialogSet, TextPrompt, WaterfallDialog, DialogTurnStatus } = require('botbuilder-dialogs');
let built = 0;
const createInnerDC = ComponentDialog.prototype.createInnerDC;
ComponentDialog.prototype.createInnerDC = function (...args) { built++; return createInnerDC.apply(this, args); };
class Inner extends ComponentDialog {
    constructor() {
        super('inner');
        this.addDialog(new TextPrompt('name'));
        this.addDialog(new WaterfallDialog('innerFlow', [
            (step) => step.prompt('name', { prompt: 'Your name?' }),
            async (step) => step.result === 'again' ? step.replaceDialog('inner') : step.endDialog(step.result)
        ]));
        this.initialDialogId = 'innerFlow';
    }
}
class Outer extends ComponentDialog {
    constructor() {
        super('outer');
        this.addDialog(new Inner());
        this.addDialog(new WaterfallDialog('outerFlow', [
            (step) => step.beginDialog('inner'),
            async (step) => { await step.context.sendActivity('Hello ' + step.result); return step.endDialog(); }
        ]));
        this.initialDialogId = 'outerFlow';
    }
    async onContinueDialog(innerDc) {
        const text = innerDc.context.activity.text;
        if (text === 'cancel') {
            await innerDc.cancelAllDialogs();
            await innerDc.context.sendActivity('cancelled');
            return { status: DialogTurnStatus.complete };
        }
        if (text === 'where') {
            const ids = [];
            for (let round = 0; round < 3; round++) {
                let leaf = innerDc;
                while (leaf.child) leaf = leaf.child;
                ids.push(leaf.activeDialog.id);
            }
            out.sameChild = innerDc.child === innerDc.child && innerDc.child.child === innerDc.child.child;
            await innerDc.context.sendActivity('at ' + ids.join(','));
            return Dialog.EndOfTurn;
        }
        return super.onContinueDialog(innerDc);
    }
}
const storage = new MemoryStorage();
const state = new ConversationState(storage);
const dialogs = new DialogSet(state.createProperty('dialogState'));
dialogs.add(new Outer());
out.replies = [];
const adapter = new TestAdapter(async (context) => {
    context.onSendActivities(async (_context, activities, next) => { out.replies.push(...activities.map((a) => a.text)); return next(); });
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog('outer');
    await state.saveChanges(context);
});
for (const text of ['hi', 'where', 'again', 'where', 'Ana', 'hi', 'cancel', 'hi', 'Bo']) {
    await adapter.send(text).startTest();
}
out.built = built;
out.state = Object.values(storage.memory).map((text) => { const { eTag, ...rest } = JSON.parse(text); return rest; });
`;
}

interface Outcome {
    readonly replies: string[];
    readonly built: number;
    readonly sameChild: boolean;
    readonly state: unknown;
}

describe('Inner dialog contexts made once per outer context (sdkSpeedups/innerDialogContextReuse.ts)', function () {
    this.timeout(90_000);

    it('the same conversation, the same replies and saved state, with far fewer inner contexts built', () => {
        const without = inFreshProcess<Outcome>(conversation(false));
        const reusing = inFreshProcess<Outcome>(conversation(true));
        assert.deepStrictEqual(without.replies, ['Your name?', 'at name,name,name', 'Your name?', 'at name,name,name', 'Hello Ana', 'Your name?', 'cancelled', 'Your name?', 'Hello Bo']);
        assert.deepStrictEqual(reusing.replies, without.replies);
        assert.deepStrictEqual(reusing.state, without.state);
        assert.strictEqual(without.sameChild, false, 'botbuilder builds a new child context each time it is asked');
        assert.strictEqual(reusing.sameChild, true);
        assert.ok(reusing.built * 2 <= without.built, `${reusing.built} inner contexts built instead of ${without.built}`);
    });
});

describe('innerDialogContextReuse pins the botbuilder-dialogs internals it relies on', function () {
    this.timeout(90_000);

    it('DialogContext.child and ComponentDialog begin/continue ask createChildContext(outerDC), which builds a new context over the instance\'s state.dialogs.dialogStack holding only its constructor\'s fields', () => {
        const result = inFreshProcess<{ fromChild: boolean; fresh: boolean; beginArg: boolean; continueArg: boolean; keys: string[]; stateKeys: string[]; stack: boolean }>(`
const { TestAdapter, TurnContext, ConversationState, MemoryStorage } = require('botbuilder');
const { ComponentDialog, DialogSet, TextPrompt } = require('botbuilder-dialogs');
const asked = [];
const createChildContext = ComponentDialog.prototype.createChildContext;
ComponentDialog.prototype.createChildContext = function (outerDC) { asked.push(outerDC); return createChildContext.call(this, outerDC); };
class Component extends ComponentDialog { constructor() { super('component'); this.addDialog(new TextPrompt('name')); this.initialDialogId = 'name'; } }
const dialogs = new DialogSet(new ConversationState(new MemoryStorage()).createProperty('dialogState'));
dialogs.add(new Component());
const context = new TurnContext(new TestAdapter(), { type: 'event', name: 'tick', channelId: 'test', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } });
const dc = await dialogs.createContext(context);
await dc.beginDialog('component', { prompt: 'Your name?' });
out.beginArg = asked.length === 1 && asked[0] === dc;
await dc.continueDialog();
// (continueDialog first walks dc.child down to the leaf for its activityReceived event, then the component asks.)
out.continueArg = asked.length >= 2 && asked.every((outer) => outer === dc);
const asks = asked.length;
const first = dc.child;
out.fromChild = asked.length === asks + 1 && asked[asks] === dc;
out.fresh = dc.child !== first;
out.keys = Object.keys(first).sort();
out.stateKeys = Object.keys(first.state).sort();
out.stack = first.stack === dc.activeDialog.state.dialogs.dialogStack && first.stack.length === 1;
`);
        assert.deepStrictEqual(result, {
            beginArg: true,
            continueArg: true,
            fromChild: true,
            fresh: true,
            keys: ['context', 'dialogs', 'parent', 'services', 'stack', 'state'],
            stateKeys: ['configuration', 'dialogContext'],
            stack: true
        });
    });
});
