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
 * bumps `directory_version` through the triggers of migration 018; the bot
 * calls {@link refresh} once at the start of every turn (one small read),
 * which forgets everything when the version moved. So a turn sees every
 * change committed before it began, with one statement instead of a few.
 *
 * Until the first {@link refresh} nothing is kept (an operator command or a
 * test that never runs a turn reads straight through). A look-up that was
 * running while {@link refresh} forgot is not kept. Callers get copies, so
 * what one changes in a result is not seen by the next.
 */
export class DirectoryCache {
    private readonly entries = new Map<string, unknown>();
    /** The version the kept look-ups are true for; none: keep nothing. */
    private version?: number;
    /** Bumped whenever the memory is emptied, so a look-up begun before is not kept. */
    private generation = 0;

    public constructor(private readonly db: Queryable, private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

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

    /** The look-up under `key` from memory, or read by `read` and kept; a copy either way. */
    public async lookUp<T>(key: string, read: () => Promise<T>): Promise<T> {
        if (this.entries.has(key)) {
            const kept = this.entries.get(key) as T;
            this.entries.delete(key);
            this.entries.set(key, kept);
            return structuredClone(kept);
        }
        const generation = this.generation;
        const value = await read();
        if (this.version !== undefined && generation === this.generation) {
            this.entries.set(key, structuredClone(value));
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

/** The directory's repositories for the bot, over one cache, and the cache's once-per-turn check. */
export function cachedDirectory(db: Queryable, maxEntries = DEFAULT_MAX_ENTRIES): { users: UserRepository; accounts: AccountRepository; cache: DirectoryCache } {
    const cache = new DirectoryCache(db, maxEntries);
    return { users: new CachedUserRepository(db, cache), accounts: new CachedAccountRepository(db, cache), cache };
}
