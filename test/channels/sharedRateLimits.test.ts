import * as assert from 'assert';
import * as crypto from 'crypto';
import { dl, type DlConversation } from '../helpers/directLineHttp';
import { startRunningApp, type RunningApp } from '../helpers/runningApp';

/** `count` requests made at once, alternating between the instances; their statuses. */
async function statusesAcross(instances: readonly RunningApp[], count: number, request: (url: string) => Promise<number>): Promise<number[]> {
    return Promise.all(Array.from({ length: count }, (_, n) => request(instances[n % instances.length].url)));
}

function tally(statuses: readonly number[]): Record<number, number> {
    const counts: Record<number, number> = {};
    for (const status of statuses) {
        counts[status] = (counts[status] ?? 0) + 1;
    }
    return counts;
}

describe('Rate limits shared by two instances on one PostgreSQL database (issue 15)', () => {
    let instances: RunningApp[] = [];
    before(async function () {
        this.timeout(120_000);
        // Behind one proxy, as in production: each test is a visitor of its own address.
        const shared = { SECRET_KEY: crypto.randomBytes(32).toString('hex'), TRUST_PROXY: 'loopback' };
        const first = await startRunningApp({ backend: 'postgres', env: shared });
        const second = await startRunningApp({ env: { ...shared, DATABASE_URL: first.dbFile } });
        instances = [first, second];
    });
    after(async () => {
        // The first instance drops the database's schema: it closes last.
        for (const instance of [...instances].reverse()) {
            await instance.close();
        }
    });

    it('the help page hands out 30 Web Chat tokens a minute per address across both instances, not 30 on each', async () => {
        const statuses = await statusesAcross(instances, 40, async (url) => {
            const res = await fetch(`${url}/api/webchat/token`, { method: 'POST', headers: { 'X-Forwarded-For': '198.51.100.7' } });
            await res.text();
            return res.status;
        });
        assert.deepStrictEqual(tally(statuses), { 200: 30, 429: 10 });
    });

    it('a Direct Line conversation may post 60 activities a minute across both instances, not 60 on each', async () => {
        const started = await dl<DlConversation>(instances[0].url, 'POST', '/conversations', (await tokenFrom(instances[1].url)).token, { locale: 'en-US' });
        assert.strictEqual(started.status, 201);
        // An activity of an unknown type is counted and then refused (400): no turn runs, only the limit is tested.
        const statuses = await statusesAcross(instances, 70, async (url) => {
            return (await dl(url, 'POST', `/conversations/${started.body.conversationId}/activities`, started.body.token, { type: 'not-a-type', from: { id: 'x' } })).status;
        });
        assert.deepStrictEqual(tally(statuses), { 400: 60, 429: 10 });
    });
});

async function tokenFrom(url: string): Promise<{ token: string; conversationId: string }> {
    const res = await fetch(`${url}/api/webchat/token`, { method: 'POST', headers: { 'X-Forwarded-For': '198.51.100.1' } });
    assert.strictEqual(res.status, 200);
    return (await res.json()) as { token: string; conversationId: string };
}
