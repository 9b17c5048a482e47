import * as assert from 'assert';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { PROJECT_ROOT } from '../../paths';
import { OutboxRepository } from '../../data/repositories/outboxRepository';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { messageActivity, replyTexts, startTestApp, type TestApp } from '../helpers/testApp';
import { JONAS, EVA } from '../helpers/demoPeople';

const run = promisify(execFile);
const REQUESTS = path.join(PROJECT_ROOT, 'dist', 'cli', 'requests.js');

describe('npm run requests (the operator lists and decides change requests)', () => {
    let server: TestApp;
    const references: Record<string, string> = {};

    /** Files a request in chat over /api/messages; returns its reference. */
    async function file(id: string, locale: string, email: string, answers: string[]): Promise<string> {
        const lang = locale.startsWith('de') ? 'de' : 'en';
        const say = async (text: string): Promise<string> => replyTexts((await server.post('/api/messages', messageActivity(id, text, locale))).json);
        await say(TASK_PHRASES[lang].changeContact);
        await say(email);
        await say(await server.latestCode(email));
        let last = '';
        for (const answer of answers) {
            last = await say(answer);
        }
        const reference = TASK_PHRASES[lang].filed.exec(last)?.[1];
        assert.ok(reference, last);
        return reference;
    }

    before(async () => {
        server = await startTestApp();
        references.jonas = await file('cli-jonas', 'de-DE', JONAS, ['Lea Fischer', 'Anna wechselt die Abteilung.', 'ja']);
        references.eva = await file('cli-eva', 'en-US', EVA, ['Someone else', 'Max Mustermann', 'max.mustermann@bergmann-soehne.example', 'Klaus Bergmann', 'Klaus is retiring.', 'yes']);
    });
    after(async () => server.stop());

    const requests = (...args: string[]) => run(process.execPath, [REQUESTS, ...args], { env: { ...process.env, DB_PATH: server.dbFile } });
    const mailsTo = async (email: string) => (await new OutboxRepository(server.app.db).recent(50, email)).filter((m) => m.kind === 'change-request-status');

    it('lists the requests with account, requester, old and new contact and reason, or as JSON lines, or by status', async () => {
        const { stdout } = await requests('list');
        assert.match(stdout, new RegExp(`${references.jonas}  open .* Müller Design GmbH \\(ACC-1001\\)`));
        assert.match(stdout, /requested by Jonas Weber \(U-102\) via emulator: Anna Müller -> Lea Fischer/);
        assert.match(stdout, /Klaus Bergmann, Maria Bergmann -> Max Mustermann <max\.mustermann@bergmann-soehne\.example> \(replaces Klaus Bergmann\)/);
        assert.match(stdout, /reason: Klaus is retiring\./);
        const json = (await requests('list', '--json')).stdout.trim().split('\n').map((line) => JSON.parse(line) as { reference: string; status: string });
        assert.deepStrictEqual(json.map((r) => [r.reference, r.status]), [[references.jonas, 'open'], [references.eva, 'open']]);
        assert.match((await requests('list', '--status', 'done')).stdout, /No change requests/);
    });

    it('updates a status, records it, and mails the requester in their language; the bot tells the new status', async () => {
        const { stdout } = await requests('update', references.jonas, 'approved', '--note', 'Lea wird ab Montag Abrechnungskontakt.');
        assert.match(stdout, new RegExp(`${references.jonas} is now approved\\. The requester was emailed at ${JONAS}`));
        const [german] = await mailsTo(JONAS);
        assert.strictEqual(german.locale, 'de');
        assert.strictEqual(german.subject, `Ihr Antrag ${references.jonas} ist jetzt genehmigt`);
        assert.match(german.body, /Er wurde genehmigt: Lea Fischer wird in Kürze Abrechnungskontakt\./);
        assert.match(german.body, /Hinweis von LogMeIn: Lea wird ab Montag Abrechnungskontakt\./);

        await requests('update', references.eva.toLowerCase(), 'rejected');
        const [english] = await mailsTo(EVA);
        assert.strictEqual(english.locale, 'en');
        assert.strictEqual(english.subject, `Your request ${references.eva} is now rejected`);
        assert.doesNotMatch(english.body, /Note from LogMeIn/);

        const status = replyTexts((await server.post('/api/messages', messageActivity('cli-jonas', `Status ${references.jonas}`, 'de-DE'))).json);
        assert.match(status, /ist \*\*genehmigt\*\*/);
        assert.match(status, /Hinweis von LogMeIn: Lea wird ab Montag Abrechnungskontakt\./);
        const audit = await server.app.db.all<{ action: string; actor: string }>('SELECT action, actor FROM audit_log WHERE subject = ? ORDER BY id', [`request:${references.jonas}`]);
        assert.deepStrictEqual(audit.map((a) => a.action), ['change-request.filed', 'change-request.status-changed']);
        assert.match(audit[1].actor, /^operator:/);
    });

    it('refuses a change a status does not allow, and an unknown reference, with exit code 1', async () => {
        await assert.rejects(requests('update', references.eva, 'approved'), (err: { code?: number; stderr?: string }) => err.code === 1 && /is rejected; it cannot become approved/.test(err.stderr ?? ''));
        await assert.rejects(requests('update', 'BC-2026-999999', 'done'), (err: { code?: number; stderr?: string }) => err.code === 1 && /there is no request BC-2026-999999/.test(err.stderr ?? ''));
    });

    for (const [args, problem] of [
        [[], /say list or update/],
        [['delete'], /unknown command "delete"/],
        [['list', '--status', 'pending'], /--status must be one of open, approved, rejected, done/],
        [['update', 'BC-12', 'done'], /needs a reference like BC-2026-000123/],
        [['update', 'BC-2026-000001', 'open'], /needs the new status: approved, rejected or done/],
        [['update', 'BC-2026-000001', 'done', 'extra'], /unexpected words "extra"/],
        [['update', 'BC-2026-000001', 'done', '--note'], /--note needs a text/],
        [['list', '--note', 'x'], /unknown option --note/]
    ] as const) {
        it(`explains its usage and exits with 2 for: ${args.join(' ') || '(nothing)'}`, async () => {
            await assert.rejects(requests(...args), (err: { code?: number; stderr?: string }) => err.code === 2 && problem.test(err.stderr ?? '') && /usage: npm run requests/.test(err.stderr ?? ''));
        });
    }
});
