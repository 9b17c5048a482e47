import * as assert from 'assert';
import { inFreshProcess } from '../helpers/freshProcess';

/** Counts the registrations built while three dialog contexts are made; `install` says whether the speed-up is installed first. */
function threeContexts(install: boolean): string {
    return `
const module = require('botbuilder-dialogs/lib/dialogsComponentRegistration');
let built = 0;
const Real = module.DialogsComponentRegistration;
module.DialogsComponentRegistration = class DialogsComponentRegistration extends Real { constructor() { super(); built++; } };
if (${install}) require(path.join(dist, 'sdkSpeedups/dialogsRegistrationOnce.js')).registerDialogsComponentOnce();
const { TestAdapter, TurnContext, ComponentRegistration } = require('botbuilder');
const { DialogContext, DialogSet } = require('botbuilder-dialogs');
const turn = () => new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } });
const texts = [];
for (let i = 0; i < 3; i++) texts.push(new DialogContext(new DialogSet(), turn(), { dialogStack: [] }).state.getValue('turn.activity.text'));
out.built = built;
out.texts = texts;
const registered = ComponentRegistration.components.filter((c) => c.constructor.name === 'DialogsComponentRegistration');
out.registered = registered.length;
out.scopes = registered[0].getMemoryScopes().length;
out.isInstance = new module.DialogsComponentRegistration() instanceof Real;
`;
}

describe('botbuilder-dialogs\' component registration built once (sdkSpeedups/dialogsRegistrationOnce.ts)', function () {
    this.timeout(90_000);

    it('three dialog contexts build one registration instead of three; memory and the registry work as before', () => {
        const result = inFreshProcess<{ built: number; texts: string[]; registered: number; scopes: number; isInstance: boolean }>(threeContexts(true));
        assert.deepStrictEqual(result, { built: 1, texts: ['hi', 'hi', 'hi'], registered: 1, scopes: 9, isInstance: true });
    });
});

describe('dialogsRegistrationOnce pins the botbuilder-dialogs internal it relies on', function () {
    this.timeout(90_000);

    it('every DialogContext builds a DialogsComponentRegistration through the module\'s export, and the registry keeps one per class name', () => {
        const result = inFreshProcess<{ built: number; registered: number; scopes: number }>(threeContexts(false));
        assert.strictEqual(result.built, 3);
        assert.strictEqual(result.registered, 1);
        assert.strictEqual(result.scopes, 9, 'the nine memory scopes the registration makes');
    });
});
