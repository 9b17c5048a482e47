import type { Queryable, RunResult, SqlParams } from '../database';
import { normalizeEmail, type Account, type Member, type Membership, type PortalLogin, type User } from '../model';
import { AccountRepository } from './accountRepository';
import { DIRECTORY_VERSION_COLUMN, UserRepository, type PersonWithAccounts } from './userRepository';

/**
 * Where a statement a turn runs anyway can read the directory's version with
 * its rows ({@link DIRECTORY_VERSION_COLUMN}), so the turn's look-ups after it
 * read no version of their own (the code check: see `VerificationService`).
 */
export interface DirectoryVersionReads {
    /** Runs `read` over `db`; a version its statement returned counts as read for the turns begun before it started. */
    withVersion<T>(db: Queryable, read: (db: Queryable) => Promise<T>): Promise<T>;
}

/** For a directory without a cache: the read runs as it is. */
export const UNCACHED_DIRECTORY: DirectoryVersionReads = { withVersion: (db, read) => read(db) };

/** Look-ups kept, the most recently used (a few per person who chats). */
const DEFAULT_MAX_ENTRIES = 5000;

/**
 * Directory look-ups (people, accounts, roles, portal logins) kept in memory
 * while the directory does not change. Whoever changes it — an operator's
 * command, the demo data load, another instance on the same PostgreSQL —
 * bumps `directory_version` through the triggers of migration 018. The bot
 * tells the cache when a turn begins ({@link turnBegins}, no SQL); the first
 * look-up after that reads the directory's version: a look-up not kept in
 * the same statement as its rows (`directoryRead` in `userRepository.ts`), a
 * kept one alone ({@link refresh}); when the version moved, everything kept
 * is forgotten. Look-ups at the same time share such a read when it began
 * after every turn begun so far; a kept look-up that finds one under way
 * that began too early waits for it and shares the read that follows, so
 * under load one read of the version serves all the turns that began while
 * the last one ran, not one read each. So a turn that looks anything up sees every
 * change committed before it began, a turn that looks nothing up (most of
 * them) runs no statement for the directory at all, and a look-up read from
 * the database costs no statement of its own for the version.
 *
 * Until the first {@link refresh} or turn nothing is kept (an operator
 * command or a test that never runs a turn reads straight through). A
 * look-up read at another version than the one kept is not kept. Callers
 * get copies, so what one changes in a result is not seen by the next
 * ({@link copyOf}).
 */
export class DirectoryCache implements DirectoryVersionReads {
    private readonly entries = new Map<string, unknown>();
    /** The version the kept look-ups are true for; none: keep nothing. */
    private version?: number;
    /** Turns begun so far ({@link turnBegins}). */
    private turnsBegun = 0;
    /** The count of turns begun when the last finished read of the version started: that read is as fresh as each of them. */
    private checkedFor = 0;
    /** The read under way that checks the version for every turn begun before it started ({@link VersionedReads}). */
    private checking?: { readonly at: number; readonly done: Promise<unknown> };

    public constructor(private readonly db: Queryable, private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

    /**
     * A turn begins: the next look-up reads from the database and the
     * directory's version with it (once, however many look-ups follow,
     * unless another turn began since).
     */
    public turnBegins(): void {
        this.turnsBegun++;
    }

    /** Reads the directory's version; when it moved since the last call, forgets every look-up. */
    public async refresh(): Promise<void> {
        const at = this.turnsBegun;
        const row = await this.db.get<{ version: number }>('SELECT version FROM directory_version WHERE id = 1');
        // No row yet: the directory never changed since migration 018 (version 0).
        this.saw(Number(row?.version ?? 0), at);
    }

    /**
     * Runs `read` over `db`, noting the directory's version when its statement
     * returned one: as fresh as a version read for every turn begun before
     * the statement started, so look-ups of those turns after it need no
     * statement of their own when kept.
     */
    public async withVersion<T>(db: Queryable, read: (db: Queryable) => Promise<T>): Promise<T> {
        const at = this.turnsBegun;
        const reads = new VersionedReads(db);
        const value = await read(reads);
        if (reads.version !== undefined && (this.version !== undefined || this.turnsBegun > 0)) {
            this.saw(reads.version, at);
        }
        return value;
    }

    /** Look-ups that take kept results without reading the version for the turn: see {@link UncheckedReads}. */
    public unchecked(): UncheckedReads {
        return new UncheckedReads(this.db, this);
    }

    /** Forgets every look-up (and keeps none until the version is read again). */
    public forget(): void {
        this.entries.clear();
        this.version = undefined;
    }

    /**
     * What is kept under `key`, as it is (no copy: not to be changed) and
     * unchecked against the directory's version, which may have moved: a
     * guess of what a turn is about to read, never an answer.
     */
    public peek(key: string): unknown {
        return this.entries.get(key);
    }

    /** Number of look-ups kept (tests). */
    public get size(): number {
        return this.entries.size;
    }

    /**
     * The version `version`, read by a statement that started when `at`
     * turns had begun: forgets what is kept when the version moved on, and
     * counts the turns as checked. Versions only grow, so an older one (a
     * statement that finished late) is just not kept. True when what was
     * read with it may be kept.
     */
    private saw(version: number, at: number): boolean {
        if (this.version === undefined || version > this.version) {
            this.forget();
            this.version = version;
        }
        this.checkedFor = Math.max(this.checkedFor, at);
        return version === this.version;
    }

    /** `reading`, which started when `at` turns had begun, becomes the read that look-ups of those turns wait for. */
    private sharing<T>(at: number, reading: Promise<T>): Promise<T> {
        const checking = { at, done: reading.then(noop, noop) };
        this.checking = checking;
        void checking.done.then(() => {
            if (this.checking === checking) {
                this.checking = undefined;
            }
        });
        return reading;
    }

    /**
     * The look-up under `key` from memory, or read by `read` (over the
     * queryable it is given, which reads the version with it) and kept; a
     * copy either way. `answers`: the other look-ups the value read answers
     * as well ({@link AlsoAnswers}), kept with it at the same version.
     */
    public async lookUp<T>(key: string, read: (db: Queryable) => Promise<T>, unchecked?: UncheckedReads, answers?: AlsoAnswers<T>): Promise<T> {
        if (this.version === undefined && this.turnsBegun === 0) {
            unchecked?.saw(undefined);
            return read(this.db);
        }
        if (unchecked && this.version !== undefined && this.entries.has(key)) {
            // Taken as kept, true for the version kept: the caller's own statement checks that version later.
            unchecked.saw(this.version);
            return copyOf(this.entries.get(key) as T);
        }
        const needed = this.turnsBegun;
        while (this.checkedFor < needed && this.entries.has(key)) {
            if (this.checking) {
                // A read under way checks the version for this look-up when it began after its turn; one that began
                // earlier is waited for, and the look-ups that waited share the one read that follows it.
                await this.checking.done;
            } else {
                // Kept already: the version alone is read (one small statement, shared as any other).
                await this.sharing(this.turnsBegun, this.refresh());
            }
        }
        while (this.checkedFor < needed && this.checking && this.checking.at >= needed) {
            // Not kept: a read under way that began after its turn may bring it.
            await this.checking.done;
        }
        if (this.checkedFor >= needed && this.entries.has(key)) {
            const kept = this.entries.get(key) as T;
            this.entries.delete(key);
            this.entries.set(key, kept);
            unchecked?.saw(this.version);
            return copyOf(kept);
        }
        const at = this.turnsBegun;
        const reads = new VersionedReads(this.db);
        const reading = read(reads);
        if (this.checkedFor < needed) {
            void this.sharing(at, reading);
        }
        const value = await reading;
        unchecked?.saw(reads.version);
        if (reads.version !== undefined && this.saw(reads.version, at)) {
            for (const [other, answer] of answers?.(value) ?? []) {
                this.keep(other, answer);
            }
            this.keep(key, value);
        }
        return value;
    }

    /** Keeps a copy of `value` under `key`, the most recently used, within the bound. */
    private keep(key: string, value: unknown): void {
        this.entries.delete(key);
        this.entries.set(key, copyOf(value));
        while (this.entries.size > this.maxEntries) {
            this.entries.delete(this.entries.keys().next().value as string);
        }
    }
}

/**
 * The look-ups a read's result answers besides its own, as pairs of key and
 * value: a person found by address is the person under their id, a person's
 * memberships hold each account, an account's members each member. So the
 * turn that verifies a code, and the ones after it, find kept what an
 * earlier read of the same rows brought (one statement less per person).
 */
export type AlsoAnswers<T> = (value: T) => Iterable<readonly [string, unknown]>;

const personById: AlsoAnswers<User | undefined> = (user) => (user ? [[`user:${user.id}`, user]] : []);
const accountsOf: AlsoAnswers<Membership[]> = (memberships) => memberships.map((m) => [`account:${m.account.id}`, m.account] as const);
const usersOf: AlsoAnswers<Member[]> = (members) => members.map((m) => [`user:${m.user.id}`, m.user] as const);
/** What one read of a person by address with their accounts answers: each of the look-ups it stands for, under their own keys. */
const partsOf =
    (emailKey: string): AlsoAnswers<PersonWithAccounts> =>
    (found) => [
        [emailKey, found.user] as const,
        ...(found.user ? [[`user:${found.user.id}`, found.user] as const, [`memberships:${found.user.id}`, found.memberships] as const, ...accountsOf(found.memberships)] : []),
        ...(found.members ? [[`members:${found.members.accountId}`, found.members.members] as const, ...usersOf(found.members.members)] : [])
    ];

function noop(): void {}

/**
 * Look-ups that take what the {@link DirectoryCache} keeps without reading
 * the directory's version for the turn ({@link DirectoryCache.unchecked}),
 * for a caller whose own statement afterwards checks that the directory is
 * still at {@link version} (and does the work again with checked look-ups
 * when it is not): the "send it" turn of the admin mail (`limited_mail`,
 * migration 025).
 */
export class UncheckedReads {
    private versions = new Set<number | undefined>();
    public readonly users: UserRepository;
    public readonly accounts: AccountRepository;

    public constructor(db: Queryable, private readonly cache: DirectoryCache) {
        this.users = new CachedUserRepository(db, cache, this);
        this.accounts = new CachedAccountRepository(db, cache, this);
    }

    /** The caller's statement found the directory at another version: what the cache keeps is forgotten, so look-ups after this read it anew. */
    public outdated(): void {
        this.cache.forget();
    }

    /** The one version every look-up so far was true for; undefined when they were not all read at one known version (then check as usual). */
    public get version(): number | undefined {
        return this.versions.size === 1 ? this.versions.values().next().value : undefined;
    }

    /** A look-up was true for `version` (undefined: not known). */
    public saw(version: number | undefined): void {
        this.versions.add(version);
    }
}

/**
 * The queryable of one look-up's read: its statements read the directory's
 * version with their rows (`directoryRead` in `userRepository.ts`), which it keeps for the cache.
 */
class VersionedReads implements Queryable {
    public readonly dialect: Queryable['dialect'];
    /** The directory's version the read's statement saw. */
    public version?: number;

    public constructor(private readonly db: Queryable) {
        this.dialect = db.dialect;
    }

    public run(sql: string, params?: SqlParams): Promise<RunResult> {
        return this.db.run(sql, params);
    }

    public async get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
        const row = await this.db.get<T>(sql, params);
        this.note(row);
        return row;
    }

    public async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
        const rows = await this.db.all<T>(sql, params);
        this.note(rows[0]);
        return rows;
    }

    private note(row: unknown): void {
        const version = (row as Record<string, unknown> | undefined)?.[DIRECTORY_VERSION_COLUMN];
        if (version !== undefined && version !== null) {
            this.version = Number(version);
        }
    }
}

/** {@link UserRepository} whose look-ups go through a {@link DirectoryCache}. */
export class CachedUserRepository extends UserRepository {
    public constructor(db: Queryable, private readonly cache: DirectoryCache, private readonly unchecked?: UncheckedReads) {
        super(db);
    }

    public override findByEmail(email: string): Promise<User | undefined> {
        return this.cache.lookUp(`email:${normalizeEmail(email)}`, (db) => new UserRepository(db, true).findByEmail(email), this.unchecked, personById);
    }

    public override get(id: string): Promise<User | undefined> {
        return this.cache.lookUp(`user:${id}`, (db) => new UserRepository(db, true).get(id), this.unchecked);
    }

    public override memberships(userId: string): Promise<Membership[]> {
        return this.cache.lookUp(`memberships:${userId}`, (db) => new UserRepository(db, true).memberships(userId), this.unchecked, accountsOf);
    }

    public override personWithAccounts(email: string): Promise<PersonWithAccounts> {
        const key = normalizeEmail(email);
        return this.cache.lookUp(`withAccounts:${key}`, (db) => new UserRepository(db, true).personWithAccounts(email), this.unchecked, partsOf(`email:${key}`));
    }

    public override accountIdsKept(email: string): readonly string[] | undefined {
        const kept = this.cache.peek(`withAccounts:${normalizeEmail(email)}`) as PersonWithAccounts | undefined;
        return kept?.user ? kept.memberships.map((m) => m.account.id) : undefined;
    }

    public override portalLogin(userId: string): Promise<PortalLogin | undefined> {
        return this.cache.lookUp(`portalLogin:${userId}`, (db) => new UserRepository(db, true).portalLogin(userId), this.unchecked);
    }
}

/** {@link AccountRepository} whose look-ups go through a {@link DirectoryCache}. */
export class CachedAccountRepository extends AccountRepository {
    public constructor(db: Queryable, private readonly cache: DirectoryCache, private readonly unchecked?: UncheckedReads) {
        super(db);
    }

    public override get(id: string): Promise<Account | undefined> {
        return this.cache.lookUp(`account:${id}`, (db) => new AccountRepository(db, true).get(id), this.unchecked);
    }

    public override members(accountId: string): Promise<Member[]> {
        return this.cache.lookUp(`members:${accountId}`, (db) => new AccountRepository(db, true).members(accountId), this.unchecked, usersOf);
    }
}

/** The directory's repositories for the bot, over one cache (told of each turn by {@link DirectoryCache.turnBegins}). */
export function cachedDirectory(db: Queryable, maxEntries = DEFAULT_MAX_ENTRIES): { users: UserRepository; accounts: AccountRepository; cache: DirectoryCache } {
    const cache = new DirectoryCache(db, maxEntries);
    return { users: new CachedUserRepository(db, cache), accounts: new CachedAccountRepository(db, cache), cache };
}

/**
 * A deep copy of a look-up's result: plain objects and arrays copied field by
 * field (the directory's model is only these, strings, numbers and booleans),
 * anything else through `structuredClone`. About seven times cheaper than
 * `structuredClone` for a list of members, and a copy is made at every hit.
 */
export function copyOf<T>(value: T): T {
    if (value === null || typeof value !== 'object') {
        return value;
    }
    if (Array.isArray(value)) {
        return value.map(copyOf) as T;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) {
        return structuredClone(value);
    }
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
        copy[key] = copyOf(field);
    }
    return copy as T;
}
