import * as fs from 'fs';
import type { Database, Queryable } from './database';
import { normalizeEmail } from './model';
import { isLang } from '../core/language';

interface DemoMembership {
    accountId: string;
    roles: string[];
}

interface DemoUser {
    id: string;
    name: string;
    email: string;
    locale: string;
    memberships: DemoMembership[];
    portalLogin?: { userId: string; format: string };
}

interface DemoAccount {
    id: string;
    name: string;
    type: string;
    product: string;
    locale: string;
}

interface DemoAgent {
    login: string;
    name: string;
    languages: string[];
}

/** The shape of `data/accounts.json`. */
export interface DemoData {
    accounts: DemoAccount[];
    users: DemoUser[];
    agents: DemoAgent[];
}

/** Reads and checks the demo data file. @throws naming the file and the first wrong entry. */
export function readDemoData(file: string): DemoData {
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
        throw new Error(`readDemoData(): cannot read ${file}: ${(err as Error).message}`);
    }
    const data = parsed as Partial<DemoData>;
    const fail = (what: string): never => {
        throw new Error(`readDemoData(): ${file}: ${what}`);
    };
    if (!Array.isArray(data.accounts) || !Array.isArray(data.users)) {
        fail('needs "accounts" and "users" arrays');
    }
    const accountIds = new Set<string>();
    for (const account of data.accounts ?? []) {
        if (typeof account.id !== 'string' || typeof account.name !== 'string' || !['online', 'corporate'].includes(account.type) || !isLang(account.locale)) {
            fail(`account ${JSON.stringify(account.id)} needs id, name, type online|corporate and locale de|en`);
        }
        accountIds.add(account.id);
    }
    for (const user of data.users ?? []) {
        if (typeof user.id !== 'string' || typeof user.name !== 'string' || typeof user.email !== 'string' || !user.email.includes('@') || !isLang(user.locale)) {
            fail(`user ${JSON.stringify(user.id)} needs id, name, email and locale de|en`);
        }
        for (const membership of user.memberships ?? []) {
            if (!accountIds.has(membership.accountId)) {
                fail(`user ${user.id} belongs to unknown account ${membership.accountId}`);
            }
        }
        if (user.portalLogin && !['username', 'email'].includes(user.portalLogin.format)) {
            fail(`user ${user.id} has a portal login of unknown format ${user.portalLogin.format}`);
        }
    }
    return { accounts: data.accounts ?? [], users: data.users ?? [], agents: data.agents ?? [] };
}

/**
 * Loads the demo data into an empty directory, once: a marker in `meta`
 * keeps later starts from loading it again over the operator's changes.
 * @returns true when the data was loaded now.
 */
export async function loadDemoDataOnce(db: Database, data: DemoData): Promise<boolean> {
    return db.transaction(async (tx) => {
        const marker = await tx.get<{ value: string }>("SELECT value FROM meta WHERE key = 'demo_data_loaded'");
        if (marker) {
            return false;
        }
        await insertDemoData(tx, data);
        await tx.run("INSERT INTO meta (key, value) VALUES ('demo_data_loaded', ?)", [new Date().toISOString()]);
        return true;
    });
}

async function insertDemoData(tx: Queryable, data: DemoData): Promise<void> {
    for (const account of data.accounts) {
        await tx.run('INSERT INTO accounts (id, name, type, product, locale) VALUES (?, ?, ?, ?, ?)', [account.id, account.name, account.type, account.product, account.locale]);
    }
    for (const user of data.users) {
        await tx.run('INSERT INTO users (id, name, email, email_normalized, locale) VALUES (?, ?, ?, ?, ?)', [user.id, user.name, user.email, normalizeEmail(user.email), user.locale]);
        for (const membership of user.memberships) {
            await tx.run('INSERT INTO memberships (user_id, account_id, is_admin, is_billing_contact) VALUES (?, ?, ?, ?)', [
                user.id,
                membership.accountId,
                membership.roles.includes('admin') ? 1 : 0,
                membership.roles.includes('billing_contact') ? 1 : 0
            ]);
        }
        if (user.portalLogin) {
            await tx.run('INSERT INTO portal_logins (user_id, login, login_normalized, format) VALUES (?, ?, ?, ?)', [
                user.id,
                user.portalLogin.userId,
                user.portalLogin.userId.trim().toLowerCase(),
                user.portalLogin.format
            ]);
        }
    }
    for (const agent of data.agents) {
        await tx.run('INSERT INTO agents (login, name, languages) VALUES (?, ?, ?)', [agent.login, agent.name, JSON.stringify(agent.languages)]);
    }
}
