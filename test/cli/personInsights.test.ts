import * as assert from 'assert';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { PROJECT_ROOT } from '../../paths';
import { BotHarness, joined } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { LEA } from '../helpers/demoPeople';

const run = promisify(execFile);
const PERSON = path.join(PROJECT_ROOT, 'dist', 'cli', 'person.js');

/** The insights' masked texts belong to the person's conversation: export shows them, erasure deletes them, the events stay. */
describe('npm run person and the insights', () => {
    let harness: BotHarness;
    const person = (...args: string[]) => run(process.execPath, [PERSON, ...args], { env: { ...process.env, DB_PATH: harness.dbFile, SECRET_KEY: harness.key.toString('hex') } });
    const count = async (sql: string): Promise<number> => (await harness.db.get<{ n: number }>(sql))?.n ?? -1;

    before(async () => {
        harness = await BotHarness.create();
        const convo = harness.conversation(localeOf('en'));
        await play(harness, convo, [{ say: PHRASES.en.amI }, { say: LEA }, { say: CODE, expect: [PHRASES.en.verified] }], LEA);
        await convo.say('bye');
        await convo.say('👍 Yes, it helped');
        assert.match(joined(await convo.say('Lea Fischer here, all fine, ticket 4711')), /your comment goes to our support team/);
    });
    after(async () => harness.close());

    it('exports the masked comment with her conversation', async () => {
        const { stdout } = await person('export', '--email', LEA);
        const document = JSON.parse(stdout) as { conversations: Array<{ insightTexts: Array<{ kind: string; text: string }> }> };
        const texts = document.conversations.flatMap((c) => c.insightTexts);
        assert.deepStrictEqual(texts.map((t) => [t.kind, t.text]), [['rating-comment', '[name] here, all fine, ticket #']]);
    });

    it('erasing her deletes the comment and keeps the events, which name nobody', async () => {
        const events = await count('SELECT COUNT(*) AS n FROM insight_events');
        assert.ok(events > 0);
        assert.strictEqual(await count('SELECT COUNT(*) AS n FROM insight_comments'), 1);
        await person('erase', '--email', LEA, '--yes');
        assert.strictEqual(await count('SELECT COUNT(*) AS n FROM insight_comments'), 0);
        assert.strictEqual(await count('SELECT COUNT(*) AS n FROM insight_events'), events);
    });
});
