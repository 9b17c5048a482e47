import * as assert from 'assert';
import { OWN_ROWS, SHARED_ROWS, TABLES_WITHOUT_CUSTOMER_DATA } from '../../data/repositories/personScope';
import { describeEachBackend, useTempDatabase } from '../helpers/tempDatabase';

describeEachBackend('Personal-data scope: every table is covered', (backend) => {
    const db = useTempDatabase(backend);

    it('names every table of the schema as a person\'s own rows, as shared rows, or as holding no customer data', async () => {
        const tables = await db().all<{ name: string }>(
            backend === 'sqlite'
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        );
        const covered = new Set([...Object.keys(OWN_ROWS), ...Object.keys(SHARED_ROWS).map((kind) => kind.split(' ')[0]), ...Object.keys(TABLES_WITHOUT_CUSTOMER_DATA)]);
        const missing = tables.map((t) => t.name).filter((name) => !covered.has(name));
        assert.deepStrictEqual(missing, [], `tables outside the personal-data scope (data/repositories/personScope.ts): ${missing.join(', ')}`);
        const stale = [...covered].filter((name) => !tables.some((t) => t.name === name));
        assert.deepStrictEqual(stale, [], `personScope.ts names tables the schema does not have: ${stale.join(', ')}`);
    });
});
