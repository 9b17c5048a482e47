import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawn } from 'child_process';
import { PROJECT_ROOT } from '../../paths';
import { AgentClient } from '../helpers/agentClient';
import { botTexts, dl, type DlActivitySet, type DlConversation } from '../helpers/directLineHttp';
import { startRunningApp, type RunningApp } from '../helpers/runningApp';
import { tempDatabaseTarget, type TempDatabaseTarget } from '../helpers/tempDatabase';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli', 'migrateData.js');
const PASSWORD = 'agent-password-on-sqlite';

/** `npm run migrate-data -- …args` as an operator runs it. */
function migrateData(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, ['--disable-warning=DEP0111', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
}

/** Posts one message as the person in Web Chat; the bot's turn has run when this resolves. */
async function say(url: string, conversation: DlConversation, text: string): Promise<void> {
    const res = await dl(url, 'POST', `/conversations/${conversation.conversationId}/activities`, conversation.token, { type: 'message', from: { id: 'dl_user' }, text });
    assert.strictEqual(res.status, 200, JSON.stringify(res.body));
}

async function transcript(url: string, conversation: DlConversation): Promise<DlActivitySet> {
    const res = await dl<DlActivitySet>(url, 'GET', `/conversations/${conversation.conversationId}/activities`, conversation.token);
    assert.strictEqual(res.status, 200, JSON.stringify(res.body));
    return res.body;
}

describe('npm run migrate-data: from SQLite to PostgreSQL (cli/migrateData.ts, issue 15)', () => {
    let sqliteBot: RunningApp | undefined;
    let postgresBot: RunningApp | undefined;
    let target: TempDatabaseTarget;
    beforeEach(() => (target = tempDatabaseTarget('postgres')));
    afterEach(async () => {
        await postgresBot?.close();
        await sqliteBot?.close();
        await target.cleanup();
        sqliteBot = postgresBot = undefined;
    });

    it('copies demo data and a conversation; the bot on the copy has the same agents, callback request and Web Chat transcript, and goes on', async function () {
        this.timeout(120_000);
        sqliteBot = await startRunningApp({ env: { AGENT_DEMO_PASSWORD: PASSWORD } });
        const conversation = (await dl<DlConversation>(sqliteBot.url, 'POST', '/conversations', (await (await fetch(`${sqliteBot.url}/api/webchat/token`, { method: 'POST' })).json() as { token: string }).token, { locale: 'en-US' })).body;
        for (const text of ['I want to talk to a person', 'My invoice shows the wrong company name', 'Yes', 'jonas.weber@mueller-design.example', 'English']) {
            await say(sqliteBot.url, conversation, text);
        }
        const before = await transcript(sqliteBot.url, conversation);
        assert.ok(before.activities.length >= 10, `${before.activities.length} activities`);
        await sqliteBot.stop();

        const copied = await migrateData('--from', sqliteBot.dbFile, '--to', target.target);
        assert.strictEqual(copied.code, 0, copied.stderr);
        assert.match(copied.stdout, /callback_requests\s+1\n/);
        assert.match(copied.stdout, /Copied \d+ rows in \d+ tables/);
        assert.match(copied.stdout, /SECRET_KEY=\$\(cat .*bot\.sqlite\.key\)/);

        const again = await migrateData('--from', sqliteBot.dbFile, '--to', target.target);
        assert.strictEqual(again.code, 1);
        assert.match(again.stderr, /Refused: the target is not empty/);

        // No AGENT_DEMO_PASSWORD: the agents sign in with the password hashes copied from SQLite.
        const key = fs.readFileSync(`${sqliteBot.dbFile}.key`, 'utf8').trim();
        postgresBot = await startRunningApp({ env: { DATABASE_URL: target.target, SECRET_KEY: key } });
        const agent = new AgentClient(postgresBot.url);
        assert.strictEqual((await agent.login('john', PASSWORD)).status, 200);
        const queue = await agent.get<{ callbacks: Array<{ email: string; note: string | null }>; agents: Array<{ login: string }> }>('/agent/api/queue');
        assert.deepStrictEqual(queue.body.callbacks.map((c) => c.email), ['jonas.weber@mueller-design.example']);
        assert.match(String(queue.body.callbacks[0].note), /wrong company name/);
        assert.ok(queue.body.agents.some((a) => a.login === 'erika'));

        // The person's token, made on SQLite, still opens the conversation; its transcript is the same.
        const after = await transcript(postgresBot.url, conversation);
        assert.deepStrictEqual(after, before);
        await say(postgresBot.url, conversation, 'Who is my billing contact?');
        const next = await transcript(postgresBot.url, conversation);
        assert.ok(Number(next.watermark) > Number(before.watermark));
        assert.ok(botTexts(next.activities.slice(before.activities.length)).length > 0, 'the bot answers on the copy');
    });

    it('refuses a missing SQLite file and a target that is not PostgreSQL, and copies nothing', async () => {
        const missing = await migrateData('--from', path.join(PROJECT_ROOT, 'no-such.sqlite'), '--to', target.target);
        assert.strictEqual(missing.code, 2);
        assert.match(missing.stderr, /there is no file/);
        const notPostgres = await migrateData('--from', 'x.sqlite', '--to', 'mysql://db/x');
        assert.strictEqual(notPostgres.code, 2);
        assert.match(notPostgres.stderr, /--to must be a postgres/);
    });
});
