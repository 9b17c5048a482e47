import * as assert from 'assert';
import { Client } from 'pg';
import { Database } from '../../data/database';
import type { MessageBus } from '../../data/messageBus';
import { describeEachBackend, testDatabaseUrl, useTempDatabase } from '../helpers/tempDatabase';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(check: () => boolean, what: string, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting until ${what}`);
        }
        await pause(20);
    }
}

describeEachBackend('MessageBus: telling every instance on the database', (backend) => {
    const dbOf = useTempDatabase(backend);
    const buses: MessageBus[] = [];
    afterEach(async () => {
        await Promise.all(buses.splice(0).map((bus) => bus.close()));
    });

    it('tells the listeners of a topic on this instance at once, not those of other topics; a throwing listener breaks nothing', async () => {
        const bus = dbOf().openBus();
        buses.push(bus);
        const heard: string[] = [];
        bus.subscribe('a', () => {
            throw new Error('listener failed');
        });
        const stop = bus.subscribe('a', (data) => heard.push(`a:${data}`));
        bus.subscribe('b', (data) => heard.push(`b:${data}`));
        bus.publish('a', '1');
        assert.deepStrictEqual(heard, ['a:1'], 'delivered before publish returns');
        stop();
        bus.publish('a', '2');
        bus.publish('b', '3');
        assert.deepStrictEqual(heard, ['a:1', 'b:3']);
    });

    if (backend === 'postgres') {
        it('tells another instance once (not its sender twice), and listens again after its connection was cut', async () => {
            const other = await Database.open(dbOf().file);
            try {
                const here = dbOf().openBus();
                const there = other.openBus();
                buses.push(here, there);
                const heardHere: string[] = [];
                const heardThere: string[] = [];
                here.subscribe('t', (data) => heardHere.push(data));
                there.subscribe('t', (data) => heardThere.push(data));
                await pause(300);
                here.publish('t', 'first');
                await waitUntil(() => heardThere.length === 1, 'the other instance hears it');
                await pause(200);
                assert.deepStrictEqual([heardHere, heardThere], [['first'], ['first']]);

                // The server ends every listening connection (a restart, a failover); the buses connect again.
                const admin = new Client({ connectionString: testDatabaseUrl() });
                await admin.connect();
                try {
                    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN bca_bus_%' AND pid <> pg_backend_pid()");
                } finally {
                    await admin.end();
                }
                const deadline = Date.now() + 10_000;
                let n = 0;
                while (!heardThere.some((d) => d.startsWith('again')) && Date.now() < deadline) {
                    here.publish('t', `again ${n++}`);
                    await pause(200);
                }
                assert.ok(heardThere.some((d) => d.startsWith('again')), 'heard again after reconnecting');
            } finally {
                await other.close();
            }
        });
    }
});
