import * as assert from 'assert';
import { ManualClock } from '../../core/clock';
import { DEMO_PASSWORD } from '../helpers/appHarness';
import { startTestApp, type TestApp } from '../helpers/testApp';

/**
 * An agent's presence once the console's live stream is gone: the session no
 * longer counts as online, unless it was seen again after the stream closed
 * (its console reconnected to another instance); the session itself stays
 * valid, and its next request counts as seen.
 */
describe('Agent presence after the console closed', function () {
    this.timeout(60_000);
    let app: TestApp;
    let clock: ManualClock;
    beforeEach(async () => {
        // A Monday morning in Berlin: within chat hours.
        clock = new ManualClock();
        app = await startTestApp({ AGENT_DEMO_PASSWORD: DEMO_PASSWORD }, { clock });
    });
    afterEach(async () => app.stop());

    it('leaving ends presence, but not for a session seen after its stream closed; a later request brings it back', async () => {
        const agents = app.app.runtime.handoff.agents;
        const online = async (): Promise<boolean> => (await agents.online()).some((a) => a.login === 'erika');
        const signIn = await agents.login('erika', DEMO_PASSWORD, '127.0.0.1');
        assert.ok(signIn.kind === 'ok');
        const session = await agents.session(signIn.token);
        assert.ok(session);
        assert.ok(await online());

        const closedAt = clock.now().getTime();
        clock.advance(2000);
        await agents.touch(session.tokenHash);
        await agents.leave(session.tokenHash, closedAt);
        assert.ok(await online(), 'a stream of the session opened elsewhere after the close: still online');

        clock.advance(5000);
        await agents.leave(session.tokenHash, clock.now().getTime());
        assert.strictEqual(await online(), false, 'the console is gone: offline at once, not after the presence window');
        assert.strictEqual(await app.app.runtime.handoff.queue.availability('en'), 'no-agent');

        assert.ok(await agents.session(signIn.token), 'the session itself is still valid');
        assert.ok(await online(), 'its next request (a reload) counts as seen');
    });
});
