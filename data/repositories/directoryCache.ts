import type { Queryable } from '../database';
import { normalizeEmail, type Account, type Member, type Membership, type PortalLogin, type User } from '../model';
import { AccountRepository } from './accountRepository';
import { UserRepository } from './userRepository';

/** Look-ups kept, the most recently used (a few per person who chats). */
const DEFAULT_MAX_ENTRIES = 5000;

/**
 * Directory look-ups (people, accounts, roles, portal logins) kept in memory
 * while the directory does not change. Whoever changes it — an operator's
 * command, the demo data load, another instance on the same PostgreSQL —
 * bumps `directory_version` through the triggers of migration 018. The bot
 * tells the cache when a turn begins ({@link turnBegins}, no SQL); the first
 * look-up after that reads the version (one small read, {@link refresh}) and
 * forgets everything when it moved. So a turn that looks anything up sees
 * every change committed before it began, and a turn that looks nothing up
 * (most of them) runs no statement for the directory at all.
 *
 * Until the first {@link refresh} nothing is kept (an operator command or a
 * test that never runs a turn reads straight through). A look-up that was
 * running while {@link refresh} forgot is not kept. Callers get copies, so
 * what one changes in a result is not seen by the next ({@link copyOf}).
 */
export class DirectoryCache {
    private readonly entries = new Map<string, unknown>();
    /** The version the kept look-ups are true for; none: keep nothing. */
    private version?: number;
    /** Bumped whenever the memory is emptied, so a look-up begun before is not kept. */
    private generation = 0;
    /** Turns begun so far ({@link turnBegins}). */
    private turnsBegun = 0;
    /** The count of turns begun when the last finished version check started: that check is as fresh as each of them. */
    private checkedFor = 0;
    /** The version check under way, shared by the look-ups that wait for it. */
    private checking?: Promise<void>;

    public constructor(private readonly db: Queryable, private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

    /**
     * A turn begins: the next look-up reads the directory's version first
     * (once, however many look-ups follow, unless another turn began since).
     */
    public turnBegins(): void {
        this.turnsBegun++;
    }

    /** Reads the directory's version; when it moved since the last call, forgets every look-up. */
    public async refresh(): Promise<void> {
        const row = await this.db.get<{ version: number }>('SELECT version FROM directory_version WHERE id = 1');
        // No row yet: the directory never changed since migration 018 (version 0).
        const version = Number(row?.version ?? 0);
        if (version !== this.version) {
            this.forget();
            this.version = version;
        }
    }

    /** Forgets every look-up (and keeps none until the next {@link refresh}). */
    public forget(): void {
        this.entries.clear();
        this.version = undefined;
        this.generation++;
    }

    /** Number of look-ups kept (tests). */
    public get size(): number {
        return this.entries.size;
    }

    /**
     * Makes sure the version was read after every turn begun so far began: a
     * check under way that started after them is waited for, else one is
     * started (after the one under way, if any).
     */
    private async checkVersion(): Promise<void> {
        const needed = this.turnsBegun;
        while (this.checkedFor < needed) {
            if (!this.checking) {
                const at = this.turnsBegun;
                const checking = this.refresh().then(() => {
                    this.checkedFor = Math.max(this.checkedFor, at);
                });
                this.checking = checking;
                const clear = (): void => {
                    if (this.checking === checking) {
                        this.checking = undefined;
                    }
                };
                checking.then(clear, clear);
            }
            await this.checking;
        }
    }

    /** The look-up under `key` from memory, or read by `read` and kept; a copy either way. */
    public async lookUp<T>(key: string, read: () => Promise<T>): Promise<T> {
        if (this.checkedFor < this.turnsBegun) {
            await this.checkVersion();
        }
        if (this.entries.has(key)) {
            const kept = this.entries.get(key) as T;
            this.entries.delete(key);
            this.entries.set(key, kept);
            return copyOf(kept);
        }
        const generation = this.generation;
        const value = await read();
        if (this.version !== undefined && generation === this.generation) {
            this.entries.set(key, copyOf(value));
            if (this.entries.size > this.maxEntries) {
                this.entries.delete(this.entries.keys().next().value as string);
            }
        }
        return value;
    }
}

/** {@link UserRepository} whose look-ups go through a {@link DirectoryCache}. */
export class CachedUserRepository extends UserRepository {
    public constructor(db: Queryable, private readonly cache: DirectoryCache) {
        super(db);
    }

    public override findByEmail(email: string): Promise<User | undefined> {
        return this.cache.lookUp(`email:${normalizeEmail(email)}`, () => super.findByEmail(email));
    }

    public override get(id: string): Promise<User | undefined> {
        return this.cache.lookUp(`user:${id}`, () => super.get(id));
    }

    public override memberships(userId: string): Promise<Membership[]> {
        return this.cache.lookUp(`memberships:${userId}`, () => super.memberships(userId));
    }

    public override portalLogin(userId: string): Promise<PortalLogin | undefined> {
        return this.cache.lookUp(`portalLogin:${userId}`, () => super.portalLogin(userId));
    }
}

/** {@link AccountRepository} whose look-ups go through a {@link DirectoryCache}. */
export class CachedAccountRepository extends AccountRepository {
    public constructor(db: Queryable, private readonly cache: DirectoryCache) {
        super(db);
    }

    public override get(id: string): Promise<Account | undefined> {
        return this.cache.lookUp(`account:${id}`, () => super.get(id));
    }

    public override members(accountId: string): Promise<Member[]> {
        return this.cache.lookUp(`members:${accountId}`, () => super.members(accountId));
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
