import * as assert from 'assert';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { PROJECT_ROOT } from '../../paths';
import { ChangeRequestRepository } from '../../data/repositories/changeRequestRepository';
import { BotHarness, joined } from '../helpers/botHarness';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS, PETER, EVA, ANNA, LEA } from '../helpers/demoPeople';
import { describeEachBackend } from '../helpers/tempDatabase';

const run = promisify(execFile);
const PERSON = path.join(PROJECT_ROOT, 'dist', 'cli', 'person.js');
const MAX = 'max.mustermann@bergmann-soehne.example';

/** What the export prints, as far as these tests read it. */
interface ExportDocument {
    directoryUser: { id: string; memberships: Array<{ account: { id: string } }>; portalLogin: unknown } | null;
    portalResets: { askedInChat: unknown[]; resetLinks: Array<{ expiresAt: string }> };
    changeRequests: Array<{ reference: string; roles: string[]; newContact: { name: string } }>;
    verificationCodes: Array<{ createdAt: string; usedAt: string | null }>;
    callbackRequests: Array<{ email: string; reference: string }>;
    conversations: Array<{ transcript: Array<{ from: string; text: string }> }>;
    mails: Array<{ kind: string; subject: string; body: string; hadSecret: boolean }>;
    auditLog: Array<{ action: string }>;
}

/** A failed run of the command: its exit code and what it wrote to stderr. */
type Failure = { code?: number; stderr?: string };

describeEachBackend('npm run person (the operator exports and erases a person\'s data)', (backend) => {
    let harness: BotHarness;
    const references: Record<string, string> = {};

    /** The person asks to change the billing contact, verifies, and files what `answers` say; returns the reference. */
    async function file(lang: 'de' | 'en', email: string, answers: string[]): Promise<string> {
        const p = TASK_PHRASES[lang];
        const convo = harness.conversation(localeOf(lang));
        await play(harness, convo, [{ say: p.changeContact }, { say: email }, { say: CODE, expect: [PHRASES[lang].verified] }], email);
        const turns = await play(harness, convo, answers.map((say) => ({ say })));
        const reference = p.filed.exec(joined(turns[turns.length - 1]))?.[1];
        assert.ok(reference, joined(turns[turns.length - 1]));
        return reference;
    }

    before(async () => {
        harness = await BotHarness.create({ backend });
        references.jonas = await file('de', JONAS, ['Lea Fischer', 'Anna wechselt die Abteilung.', 'ja']);
        references.eva = await file('en', EVA, ['Someone else', 'Max Mustermann', MAX, 'Klaus Bergmann', 'Klaus is retiring.', 'yes']);
        // Lea verifies, asks for a person, nobody is online: she leaves a callback request with her address on file.
        const h = HANDOFF_PHRASES.en;
        await play(
            harness,
            harness.conversation(localeOf('en')),
            [
                { say: PHRASES.en.amI },
                { say: LEA },
                { say: CODE, expect: [PHRASES.en.verified] },
                { say: h.menuButton, expect: [h.askDescription] },
                { say: h.skip, expect: [h.noAgent, h.offerCallback] },
                { say: h.yes, expect: [h.emailOnFile, h.askNote] },
                { say: h.skip, expect: [h.callbackCreated] }
            ],
            LEA
        );
        // Someone asks for a portal reset link for Peter Brooks's user ID.
        await play(harness, harness.conversation(localeOf('en')), [
            { say: TASK_PHRASES.en.resetQuestion, expect: [TASK_PHRASES.en.askUserId] },
            { say: 'pbrooks', expect: [TASK_PHRASES.en.resetRequested] }
        ]);
    });
    after(async () => harness.close());

    const person = (...args: string[]) => run(process.execPath, [PERSON, ...args], {
            env: { ...process.env, [backend === 'postgres' ? 'DATABASE_URL' : 'DB_PATH']: harness.dbFile, SECRET_KEY: harness.key.toString('hex') }
        });
    const exported = async (email: string): Promise<{ text: string; doc: ExportDocument }> => {
        const { stdout } = await person('export', '--email', email);
        return { text: stdout, doc: JSON.parse(stdout) as ExportDocument };
    };
    const count = async (sql: string, ...params: string[]): Promise<number> => (await harness.db.get<{ n: number }>(sql, params))?.n ?? 0;
    /** Row counts of every table an erasure touches, and the request that names Lea. */
    const snapshot = async (): Promise<string> => {
        const tables = ['users', 'memberships', 'verification_codes', 'outbox', 'callback_requests', 'transcripts', 'bot_state', 'audit_log', 'handoffs'];
        const counts = await Promise.all(tables.map(async (t) => `${t}=${await count(`SELECT COUNT(*) AS n FROM ${t}`)}`));
        const request = await new ChangeRequestRepository(harness.db).byReference(references.jonas);
        return [...counts, JSON.stringify(request?.newContact)].join(' ');
    };

    it('exports everything about a directory user as one JSON document, found by any case of the address', async () => {
        const { text, doc } = await exported(LEA.toUpperCase());
        assert.strictEqual(doc.directoryUser?.id, 'U-103');
        assert.deepStrictEqual(doc.directoryUser.memberships.map((m) => m.account.id), ['ACC-1001']);
        assert.deepStrictEqual(doc.changeRequests.map((r) => [r.reference, r.roles]), [[references.jonas, ['new-contact']]]);
        assert.strictEqual(doc.callbackRequests.length, 1);
        assert.strictEqual(doc.callbackRequests[0].email, LEA);
        assert.ok(doc.verificationCodes.length >= 1 && doc.verificationCodes.every((c) => /^\d{4}-\d\d-\d\dT/.test(c.createdAt)), text);
        assert.ok(doc.conversations.some((c) => c.transcript.some((line) => line.from === 'customer' && line.text === LEA)), 'her conversation with its transcript');
        assert.ok(doc.auditLog.some((entry) => entry.action === 'verification.succeeded'));
        const codeMail = doc.mails.find((m) => m.kind === 'verification-code');
        assert.ok(codeMail?.hadSecret && codeMail.body.includes('[secret left out]'), JSON.stringify(codeMail));
    });

    it('never shows a code, a code hash or a mail secret', async () => {
        const { text } = await exported(LEA);
        const code = await harness.latestCode(LEA);
        assert.ok(!new RegExp(`\\b${code}\\b`).test(text), 'the one-time code is not in the export');
        const stored = await harness.db.all<{ code_hash: string; target_hash: string }>('SELECT code_hash, target_hash FROM verification_codes');
        for (const row of stored) {
            assert.ok(!text.includes(row.code_hash) && !text.includes(row.target_hash), 'no hash is in the export');
        }
        const secrets = await harness.db.all<{ secret_enc: string }>('SELECT secret_enc FROM outbox WHERE secret_enc IS NOT NULL');
        assert.ok(secrets.length > 0 && secrets.every((s) => !text.includes(s.secret_enc)));
        assert.doesNotMatch(text, /codeHash|code_hash|secretEnc|password_hash|token_hash/);
    });

    it('exports a person who is only an address in someone else\'s request', async () => {
        const { doc } = await exported(MAX);
        assert.strictEqual(doc.directoryUser, null);
        assert.deepStrictEqual(doc.changeRequests.map((r) => [r.reference, r.roles]), [[references.eva, ['new-contact']]]);
    });

    it('exports that a portal reset was asked for and a link issued, and when, never the token or its hash', async () => {
        const { text, doc } = await exported(PETER);
        assert.strictEqual(doc.portalResets.askedInChat.length, 1);
        assert.strictEqual(doc.portalResets.resetLinks.length, 1);
        assert.match(doc.portalResets.resetLinks[0].expiresAt, /^\d{4}-\d\d-\d\dT/);
        assert.deepStrictEqual(doc.directoryUser?.portalLogin, { login: 'pbrooks', format: 'username', passwordSet: false, passwordChangedAt: null });
        const tokens = await harness.db.all<{ token_hash: string }>('SELECT token_hash FROM portal_reset_tokens');
        assert.ok(tokens.length > 0 && tokens.every((t) => !text.includes(t.token_hash)));
        assert.doesNotMatch(text, /portal\/reset\?token=/, 'the link is not in the export');
    });

    it('without --yes shows the counts per table and changes nothing', async () => {
        const before = await snapshot();
        const { stdout } = await person('erase', '--email', LEA);
        assert.match(stdout, /Would erase lea\.fischer@mueller-design\.example \(Lea Fischer \(U-103, directory user\)\)/);
        assert.match(stdout, /delete {5}verification_codes +\d+/);
        assert.match(stdout, /delete {5}users +1/);
        assert.match(stdout, /delete {5}callback_requests +1/);
        assert.match(stdout, /anonymise {2}change_requests \(naming them as new contact\) +1/);
        assert.match(stdout, /Nothing was changed\. Run again with --yes/);
        assert.strictEqual(await snapshot(), before);
    });

    it('refuses to erase the only billing contact of an account, naming the account', async () => {
        await assert.rejects(person('erase', '--email', ANNA, '--yes'), (err: Failure) => err.code === 1 && /only billing contact of Müller Design GmbH \(ACC-1001\)/.test(err.stderr ?? ''));
        assert.strictEqual(await count('SELECT COUNT(*) AS n FROM users WHERE id = ?', 'U-101'), 1);
    });

    it('with --yes deletes what is only hers and takes her out of what others keep', async () => {
        const { stdout } = await person('erase', '--email', LEA, '--yes');
        assert.match(stdout, /Erased lea\.fischer@mueller-design\.example/);
        const marker = /under (person:[0-9a-f]{16})/.exec(stdout)?.[1];
        assert.ok(marker, stdout);
        assert.strictEqual((await harness.mails(LEA)).length, 0, 'no mails to her are left');
        assert.strictEqual(await count("SELECT COUNT(*) AS n FROM verification_codes WHERE user_id = 'U-103'"), 0);
        assert.strictEqual(await count("SELECT COUNT(*) AS n FROM users WHERE id = 'U-103'") + (await count("SELECT COUNT(*) AS n FROM memberships WHERE user_id = 'U-103'")), 0);
        assert.strictEqual(await count('SELECT COUNT(*) AS n FROM callback_requests WHERE email = ?', LEA), 0);
        const request = await new ChangeRequestRepository(harness.db).byReference(references.jonas);
        assert.deepStrictEqual(request?.newContact, { name: '(erased)' }, "Jonas's request keeps its place, without her");
        assert.strictEqual(request.requesterName, 'Jonas Weber');
        assert.ok((await harness.mails(JONAS)).length > 0, "Jonas's mails stay");
        const traces = "SELECT COUNT(*) AS n FROM audit_log WHERE actor || ' ' || COALESCE(subject, '') || ' ' || COALESCE(details, '') LIKE ?";
        assert.strictEqual(await count(traces, '%U-103%') + (await count(traces, '%lea.fischer%')), 0, 'the audit log names her only by her marker');
        const erased = await harness.db.get<{ subject: string; details: string }>("SELECT subject, details FROM audit_log WHERE action = 'person.erased'");
        assert.strictEqual(erased?.subject, marker);
        assert.ok(await count('SELECT COUNT(*) AS n FROM audit_log WHERE actor = ? OR subject = ?', marker, marker) > 1, 'her entries stay, under the marker');
    });

    it('then knows nothing about her: export and erase exit with 1', async () => {
        await assert.rejects(person('export', '--email', LEA), (err: Failure) => err.code === 1 && /nothing is stored about lea\.fischer@mueller-design\.example/.test(err.stderr ?? ''));
        await assert.rejects(person('erase', '--email', LEA, '--yes'), (err: Failure) => err.code === 1 && /nothing is stored about/.test(err.stderr ?? ''));
    });

    it('erases a person who is only an address: the request that names them stays, without them', async () => {
        const { stdout } = await person('erase', '--email', MAX, '--yes');
        assert.match(stdout, /not a directory user/);
        const request = await new ChangeRequestRepository(harness.db).byReference(references.eva);
        assert.deepStrictEqual(request?.newContact, { name: '(erased)' });
        assert.strictEqual(await count('SELECT COUNT(*) AS n FROM change_requests WHERE new_contact_email = ?', MAX), 0);
    });

    for (const [args, problem] of [
        [[], /say export or erase/],
        [['delete', '--email', LEA], /unknown command "delete"/],
        [['export'], /export needs --email <address>/],
        [['erase', '--email', 'not-an-address'], /erase needs --email <address>/],
        [['export', '--email', LEA, '--yes'], /unknown option --yes/],
        [['erase', 'now', '--email', LEA], /unexpected words "now"/]
    ] as const) {
        it(`explains its usage and exits with 2 for: ${args.join(' ') || '(nothing)'}`, async () => {
            await assert.rejects(person(...args), (err: Failure) => err.code === 2 && problem.test(err.stderr ?? '') && /usage: npm run person/.test(err.stderr ?? ''));
        });
    }

    it('exits with 1 for an address nothing is stored about', async () => {
        await assert.rejects(person('export', '--email', 'nobody@example.com'), (err: Failure) => err.code === 1 && /nothing is stored about nobody@example\.com/.test(err.stderr ?? '') && !/\bat\s+\S+\.js/.test(err.stderr ?? ''));
    });
});
