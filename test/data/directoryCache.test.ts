import * as assert from 'assert';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { PROJECT_ROOT } from '../../paths';
import type { Database, SqlParams } from '../../data/database';
import { loadDemoDataOnce, readDemoData } from '../../data/demoData';
import { cachedDirectory, copyOf } from '../../data/repositories/directoryCache';
import { BotHarness, joined } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { ANNA, EVA, JONAS, MARIA } from '../helpers/demoPeople';
import { OutboxRepository } from '../../data/repositories/outboxRepository';
import { UserRepository } from '../../data/repositories/userRepository';
import { AccountRepository } from '../../data/repositories/accountRepository';
import { AppHarness } from '../helpers/appHarness';
import type { LoopbackCustomer } from '../helpers/loopbackChannel';
import { statementsDuring } from '../helpers/statementsDuring';
import { describeEachBackend, useTempDatabase } from '../helpers/tempDatabase';

const run = promisify(execFile);
const PERSON = path.join(PROJECT_ROOT, 'dist', 'cli', 'person.js');

/** Counts the statements `db` runs from now on. */
function countStatements(db: Database): () => number {
    let n = 0;
    for (const method of ['get', 'all', 'run'] as const) {
        const original = db[method].bind(db) as (sql: string, params?: SqlParams) => Promise<unknown>;
        (db as unknown as Record<string, unknown>)[method] = (sql: string, params?: SqlParams) => (n++, original(sql, params));
    }
    return () => n;
}

describeEachBackend('DirectoryCache: directory look-ups from memory while the directory is unchanged', (backend) => {
    const dbOf = useTempDatabase(backend);

    beforeEach(async () => {
        await loadDemoDataOnce(dbOf(), readDemoData(path.join(PROJECT_ROOT, 'data', 'accounts.json')));
    });

    it('answers a repeated look-up without SQL after a refresh, and reads again once any write changed the directory', async () => {
        const db = dbOf();
        const { users, accounts, cache } = cachedDirectory(db);
        const statements = countStatements(db);
        await users.memberships('U-303');
        await users.memberships('U-303');
        assert.strictEqual(statements(), 2, 'before the first refresh nothing is kept');

        await cache.refresh();
        const before = statements();
        const first = await accounts.members('ACC-3003');
        assert.deepStrictEqual(first.filter((m) => m.isBillingContact).map((m) => m.user.name), ['Klaus Bergmann', 'Maria Bergmann']);
        (first[0].user as { name: string }).name = 'changed by a caller';
        assert.deepStrictEqual(await accounts.members('ACC-3003'), (await accounts.members('ACC-3003')), 'callers get copies');
        assert.strictEqual((await accounts.billingContacts('ACC-3003'))[0].name, 'Klaus Bergmann', 'what a caller changed is not kept');
        assert.strictEqual(statements() - before, 1, 'one read, then memory');

        await db.run("UPDATE memberships SET is_billing_contact = 0 WHERE user_id = 'U-302'");
        await cache.refresh();
        assert.deepStrictEqual((await accounts.billingContacts('ACC-3003')).map((u) => u.name), ['Klaus Bergmann'], 'a changed role is read again');
        await db.run("UPDATE users SET name = 'Eva Schulz-Meyer' WHERE id = 'U-303'");
        await cache.refresh();
        assert.strictEqual((await users.get('U-303'))?.name, 'Eva Schulz-Meyer');
        await db.run("DELETE FROM portal_logins WHERE user_id = 'U-301'");
        await cache.refresh();
        assert.strictEqual(await users.portalLogin('U-301'), undefined, 'a deleted portal login is gone');
        await db.run("UPDATE accounts SET name = 'Bergmann AG' WHERE id = 'ACC-3003'");
        await cache.refresh();
        assert.strictEqual((await accounts.get('ACC-3003'))?.name, 'Bergmann AG');
    });

    it('reads the version with the first look-up after a turn began, once per turn, and not at all in a turn without look-ups', async () => {
        const db = dbOf();
        const { users, cache } = cachedDirectory(db);
        const statements = countStatements(db);
        cache.turnBegins();
        assert.strictEqual(statements(), 0, 'a turn beginning runs no SQL');
        await users.get('U-303');
        assert.strictEqual(statements(), 1, 'the look-up reads the version in the same statement');
        await users.get('U-303');
        await users.memberships('U-303');
        assert.strictEqual(statements(), 2, 'the same turn: memory, and the one look-up not kept yet');
        cache.turnBegins();
        await users.get('U-303');
        assert.strictEqual(statements(), 3, 'the next turn reads again, the version with it');
        assert.strictEqual(cache.size, 3, 'the person, their memberships, and the account the memberships hold');
        await users.memberships('U-303');
        assert.strictEqual(statements(), 3, 'the version did not move: what was kept stays');

        cache.turnBegins();
        cache.turnBegins();
        assert.strictEqual(statements(), 3, 'turns that look nothing up read nothing');
        await Promise.all([users.get('U-303'), users.get('U-303'), users.memberships('U-303')]);
        assert.strictEqual(statements(), 4, 'look-ups at the same time share one read of the version');

        await db.run("UPDATE users SET name = 'Eva Schulz-Meyer' WHERE id = 'U-303'");
        assert.strictEqual((await users.get('U-303'))?.name, 'Eva Schulz', 'no turn began since: memory');
        cache.turnBegins();
        assert.strictEqual((await users.get('U-303'))?.name, 'Eva Schulz-Meyer', 'a change committed before the turn began is seen');
    });

    it('a read under way that began before a turn began does not answer that turn: a change committed between them is seen', async () => {
        const db = dbOf();
        const { users, accounts, cache } = cachedDirectory(db);
        await cache.refresh();
        assert.strictEqual((await users.get('U-303'))?.name, 'Eva Schulz');
        cache.turnBegins();
        const first = users.get('U-303');
        const firstMembers = accounts.members('ACC-3003');
        const change = db.run("UPDATE users SET name = 'Eva Schulz-Meyer' WHERE id = 'U-303'");
        const sameTime = users.get('U-303');
        await change;
        cache.turnBegins();
        const second = users.get('U-303');
        const secondMembers = accounts.members('ACC-3003');
        assert.strictEqual((await first)?.name, 'Eva Schulz', 'read before the change');
        assert.strictEqual((await sameTime)?.name, 'Eva Schulz', 'the first turn: either is true, memory answers');
        assert.strictEqual((await second)?.name, 'Eva Schulz-Meyer', 'the turn begun after the change sees it');
        assert.ok((await secondMembers).some((m) => m.user.name === 'Eva Schulz-Meyer'), 'every look-up of that turn sees it');
        assert.ok((await firstMembers).some((m) => /^Eva Schulz/.test(m.user.name)), 'the first turn: either is true');
        assert.strictEqual((await users.get('U-303'))?.name, 'Eva Schulz-Meyer', 'what was read before the change is not kept');
        assert.ok((await accounts.members('ACC-3003')).some((m) => m.user.name === 'Eva Schulz-Meyer'));
    });

    it('kept look-ups of turns begun while a version read ran wait for it and share one read after it, which sees a change committed before they began', async () => {
        const db = dbOf();
        const { users, accounts, cache } = cachedDirectory(db);
        await cache.refresh();
        await users.get('U-303');
        await accounts.members('ACC-3003');
        const statements = countStatements(db);
        cache.turnBegins();
        const first = users.get('U-303');
        const change = db.run("UPDATE users SET name = 'Eva Schulz-Meyer' WHERE id = 'U-303'");
        const later: Promise<unknown>[] = [];
        for (let turn = 0; turn < 5; turn++) {
            cache.turnBegins();
            later.push(turn % 2 === 0 ? users.get('U-303') : accounts.members('ACC-3003'));
        }
        await change;
        cache.turnBegins();
        const afterChange = users.get('U-303');
        assert.strictEqual((await first)?.name, 'Eva Schulz', 'the first turn began before the change');
        await Promise.all(later);
        assert.strictEqual((await afterChange)?.name, 'Eva Schulz-Meyer', 'the turn begun after the change sees it');
        // The first turn's read of the version, the change, and one read of the version (then the changed rows) for all six turns after it.
        assert.ok(statements() <= 5, `${statements()} statements: the turns begun meanwhile do not read the version one by one`);
    });

    it('a read keeps the other look-ups its rows answer: the person found by address under their id, each account of their memberships, each member of an account; a change is still seen', async () => {
        const db = dbOf();
        const { users, accounts, cache } = cachedDirectory(db);
        const statements = countStatements(db);
        cache.turnBegins();
        const eva = await users.findByEmail('Eva.Schulz@bergmann-soehne.example');
        assert.strictEqual(eva?.id, 'U-303');
        assert.deepStrictEqual(await users.get('U-303'), eva, 'the person by id: the row read by address');
        assert.strictEqual(statements(), 1, 'no second read of the same person');
        const memberships = await users.memberships('U-303');
        assert.deepStrictEqual(await accounts.get('ACC-3003'), memberships[0].account, 'the account: as the memberships read it');
        assert.strictEqual(statements(), 2);
        const members = await accounts.members('ACC-3003');
        assert.deepStrictEqual(await users.get('U-302'), members.find((m) => m.user.id === 'U-302')?.user, 'a member by id: as the members read them');
        assert.strictEqual(statements(), 3);

        await db.run("UPDATE users SET name = 'Maria Bergmann-Kühn' WHERE id = 'U-302'");
        await db.run("UPDATE accounts SET name = 'Bergmann AG' WHERE id = 'ACC-3003'");
        cache.turnBegins();
        assert.strictEqual((await users.get('U-302'))?.name, 'Maria Bergmann-Kühn', 'kept as another look-up\'s answer, forgotten with it when the directory changed');
        assert.strictEqual((await accounts.get('ACC-3003'))?.name, 'Bergmann AG');
    });

    it('a person by address with their accounts is one statement that answers as the separate look-ups do, and keeps each of them', async () => {
        const db = dbOf();
        const plain = new UserRepository(db);
        const plainAccounts = new AccountRepository(db);
        for (const email of ['Eva.Schulz@bergmann-soehne.example', 'chris.taylor@taylor-consulting.example', 'nobody@nowhere.example']) {
            const statements = countStatements(db);
            const read = await plain.personWithAccounts(email);
            assert.strictEqual(statements(), 1, email);
            const user = await plain.findByEmail(email);
            assert.deepStrictEqual(read.user, user, email);
            assert.deepStrictEqual(read.memberships, user ? await plain.memberships(user.id) : [], email);
            const only = read.memberships.length === 1 ? read.memberships[0].account.id : undefined;
            assert.deepStrictEqual(read.members, only ? { accountId: only, members: await plainAccounts.members(only) } : undefined, email);
        }
        assert.strictEqual((await plain.personWithAccounts('Eva.Schulz@bergmann-soehne.example')).members?.members.length, 3, 'Bergmann: Klaus, Maria and Eva');
        assert.strictEqual((await plain.personWithAccounts('chris.taylor@taylor-consulting.example')).memberships.length, 2, 'two accounts: no members read');

        const { users, accounts, cache } = cachedDirectory(db);
        cache.turnBegins();
        const statements = countStatements(db);
        await users.personWithAccounts('eva.schulz@BERGMANN-soehne.example');
        assert.strictEqual(statements(), 1, 'one statement, the version with it');
        const eva = await users.findByEmail('Eva.Schulz@bergmann-soehne.example');
        await users.get('U-303');
        await users.memberships('U-303');
        await accounts.get('ACC-3003');
        const members = await accounts.members('ACC-3003');
        await users.get('U-301');
        assert.strictEqual(statements(), 1, 'the person by address and by id, their memberships, the account, its members and each member: kept');
        assert.strictEqual(eva?.id, 'U-303');
        assert.deepStrictEqual(members.map((m) => m.user.id).sort(), ['U-301', 'U-302', 'U-303']);
        await db.run("UPDATE users SET name = 'Maria Bergmann-Kühn' WHERE id = 'U-302'");
        cache.turnBegins();
        assert.ok((await accounts.members('ACC-3003')).some((m) => m.user.name === 'Maria Bergmann-Kühn'), 'a change is still seen');
    });

    it('keeps no look-up that was running while the directory changed, and keeps at most its limit', async () => {
        const db = dbOf();
        const { users, cache } = cachedDirectory(db, 3);
        await cache.refresh();
        const running = users.get('U-303');
        await db.run("UPDATE users SET name = 'Eva S.' WHERE id = 'U-303'");
        await cache.refresh();
        await running;
        assert.strictEqual((await users.get('U-303'))?.name, 'Eva S.');
        for (const id of ['U-101', 'U-102', 'U-103', 'U-201', 'U-202']) {
            await users.get(id);
        }
        assert.strictEqual(cache.size, 3);
        const statements = countStatements(db);
        await users.get('U-202');
        assert.strictEqual(statements(), 0, 'the most recently used stay');
        await users.get('U-101');
        assert.strictEqual(statements(), 1, 'the least recently used went');
    });
});

describe('DirectoryCache copies: deep, cheap for plain data', () => {
    it('copies plain objects and arrays all the way down, leaves nothing shared, and copies other objects faithfully', () => {
        const members = [{ user: { id: 'U-1', name: 'Eva', email: 'eva@x.example', locale: 'de' }, isAdmin: false, isBillingContact: true }];
        const copy = copyOf(members);
        assert.deepStrictEqual(copy, members);
        assert.notStrictEqual(copy, members);
        assert.notStrictEqual(copy[0], members[0]);
        assert.notStrictEqual(copy[0].user, members[0].user);
        assert.strictEqual(copyOf(undefined), undefined);
        assert.strictEqual(copyOf(null), null);
        const when = { at: new Date(5) };
        const copied = copyOf(when);
        assert.notStrictEqual(copied.at, when.at);
        assert.strictEqual(copied.at.getTime(), 5);
    });
});

describeEachBackend('The running bot sees a directory change made by an operator command on the next turn', (backend) => {
    let harness: BotHarness;
    before(async () => {
        harness = await BotHarness.create({ backend });
    });
    after(async () => harness.close());

    it('after `npm run person -- erase` the billing contacts named in the same conversation leave her out', async () => {
        const convo = harness.conversation(localeOf('en'));
        const turns = await play(harness, convo, [{ say: PHRASES.en.whoIs }, { say: EVA }, { say: CODE, expect: [PHRASES.en.verified] }], EVA);
        const before = joined(turns[turns.length - 1]);
        assert.match(before, /Maria Bergmann/, before);
        assert.match(before, /Klaus Bergmann/, before);
        const { stdout } = await run(process.execPath, [PERSON, 'erase', '--email', MARIA, '--yes'], {
            env: { ...process.env, [backend === 'postgres' ? 'DATABASE_URL' : 'DB_PATH']: harness.dbFile, SECRET_KEY: harness.key.toString('hex') }
        });
        assert.match(stdout, /Erased buchhaltung@bergmann-soehne\.example/);
        assert.match(joined(await convo.say(PHRASES.en.noThanks)), PHRASES.en.anythingElse);
        const after = joined(await convo.say(PHRASES.en.whoIs));
        assert.match(after, /Klaus Bergmann/, after);
        assert.doesNotMatch(after, /Maria Bergmann/, after);
    });
});

describe('The "send it" turn of the admin mail reads no directory version; its statement checks it (issue 16, through /api/messages)', () => {
    let harness: AppHarness;
    before(async () => {
        harness = await AppHarness.start();
    });
    after(async () => harness.close());

    /** Jonas up to "Shall I send it?", the preview shown. */
    async function upToConfirm(): Promise<LoopbackCustomer> {
        const en = PHRASES.en;
        const customer = harness.customer('en-US');
        await customer.say(en.whoIs);
        await customer.say(JONAS);
        assert.match((await customer.say(await harness.latestCode(JONAS))).join('\n'), en.offerEmail);
        await customer.say(en.emailButton);
        await customer.say('We need five more licenses for the sales team, please.');
        return customer;
    }

    it('"yes" queues the mail with the drafts as kept, without a statement for the version', async () => {
        const customer = await upToConfirm();
        const { statements, result: replies } = await statementsDuring(harness.app.db, () => customer.say(PHRASES.en.yes));
        assert.match(replies.join('\n'), PHRASES.en.sent);
        assert.deepStrictEqual(statements.filter((sql) => /^\s*SELECT\b[\s\S]*\bdirectory_version\b/i.test(sql)), [], statements.join('\n'));
        assert.ok(statements.some((sql) => /^INSERT INTO limited_mail\b[\s\S]*\bdirectory_version\b/.test(sql)), statements.join('\n'));
        const mails = (await new OutboxRepository(harness.app.db).recent(20)).filter((m) => m.kind === 'admin-contact');
        assert.deepStrictEqual(mails.map((m) => m.to), [ANNA]);
    });

    it('the billing contact\'s address changed after the preview: the mail goes to the address on file now, once', async () => {
        const customer = await upToConfirm();
        const moved = 'anna.new@mueller-design.example';
        await harness.app.db.run('UPDATE users SET email = ? WHERE email = ?', [moved, ANNA]);
        try {
            assert.match((await customer.say(PHRASES.en.yes)).join('\n'), PHRASES.en.sent);
            const mails = (await new OutboxRepository(harness.app.db).recent(20)).filter((m) => m.kind === 'admin-contact');
            assert.deepStrictEqual(mails.map((m) => m.to).sort(), [ANNA, moved].sort(), 'the first test\'s mail to the old address, this one\'s to the new');
        } finally {
            await harness.app.db.run('UPDATE users SET email = ? WHERE email = ?', [ANNA, moved]);
        }
    });
});

describe('The turn with the right code finds the person\'s look-ups read while the mail was on its way (issue 16, through /api/messages)', () => {
    let harness: AppHarness;
    before(async () => {
        harness = await AppHarness.start();
    });
    after(async () => harness.close());

    /** Jonas up to the code question; the reading ahead given time to end (it runs after the reply). */
    async function upToCode(): Promise<LoopbackCustomer> {
        const customer = harness.customer('en-US');
        await customer.say(PHRASES.en.whoIs);
        await customer.say(JONAS);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return customer;
    }

    it('the code turn reads no directory rows: the code check, the open change requests and the turn\'s write', async () => {
        const customer = await upToCode();
        const code = await harness.latestCode(JONAS);
        const { statements, result: replies } = await statementsDuring(harness.app.db, () => customer.say(code));
        assert.match(replies.join('\n'), PHRASES.en.offerEmail);
        assert.match(replies.join('\n'), /Anna Müller/);
        assert.deepStrictEqual(statements.filter((sql) => /\b(memberships|users|accounts)\b/.test(sql) && /^SELECT\b/.test(sql)), [], statements.join('\n'));
        assert.ok(statements.some((sql) => /^UPDATE verification_codes\b[\s\S]*\bdirectory_version\b/.test(sql)), 'the code check reads the version: ' + statements.join('\n'));
    });

    it('a change of the directory between the address and the code is seen by the code turn', async () => {
        const customer = await upToCode();
        await harness.app.db.run("UPDATE users SET name = 'Anna Schmidt' WHERE email = ?", [ANNA]);
        try {
            const answer = (await customer.say(await harness.latestCode(JONAS))).join('\n');
            assert.match(answer, /Anna Schmidt/, answer);
            assert.doesNotMatch(answer, /Anna Müller/, answer);
        } finally {
            await harness.app.db.run("UPDATE users SET name = 'Anna Müller' WHERE email = ?", [ANNA]);
        }
    });
});
