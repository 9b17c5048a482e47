import * as fs from 'fs';
import * as path from 'path';
import { parseEnv } from 'util';
import { PROJECT_ROOT } from './paths';
import type { LogLevel } from './core/logger';
import { BusinessHours } from './core/businessHours';
import { parseTrustProxy, type TrustProxy } from './web/clientAddress';
import { DEFAULT_CACHE_DIR, type NativeAsyncSettings } from './sdkSpeedups/nativeAsync';

/** How the bot authenticates to Azure Bot Service; empty app id = local mode. */
export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** How conversations reach customer service (issue 4). */
export interface HandoffSettings {
    /** When agents answer chats; outside these hours the bot offers a callback. */
    readonly businessHours: BusinessHours;
    /** How long a person waits in the queue before the bot offers a callback instead. */
    readonly waitTimeoutMs: number;
    /** Also emit the Bot Framework `handoff.initiate` event (Direct Line only) for an external contact center. */
    readonly external: boolean;
    /**
     * How long a Web Chat customer's page may be gone (no Direct Line stream
     * open) before the agent console shows it closed; a reload comes back
     * sooner. Default {@link DEFAULT_CUSTOMER_AWAY_MS}.
     */
    readonly customerAwayGraceMs?: number;
}

/** 25 seconds: a reload or a short network break reconnects well within it. */
export const DEFAULT_CUSTOMER_AWAY_MS = 25_000;

/** Limits of the built-in Direct Line (issue 11). */
export interface DirectLineSettings {
    /** Refreshing keeps a conversation's tokens alive at most this long from the first one. */
    readonly tokenLifetimeSeconds: number;
    /** WebSocket streams one conversation (whatever its tokens) may have open at once. */
    readonly streamsPerConversation: number;
    /** Bytes of activities one conversation may store; past it the person's posts get 413. */
    readonly conversationBudgetBytes: number;
    /** Bytes of activities all conversations together may store; past it the oldest conversations are deleted first. */
    readonly storageBudgetBytes: number;
    /** Conversations are deleted with their activities this long after they started. */
    readonly retentionMs: number;
}

/** How long rows of the tables that only grow are kept (services/retention.ts; Direct Line has {@link DirectLineSettings.retentionMs}). */
export interface RetentionSettings {
    /** A sent mail leaves the outbox this long after it was sent (pending and failed mails stay). */
    readonly outboxSentMs: number;
    /** Transcript lines are deleted this long after they were written (not while a handoff of the conversation is open). */
    readonly transcriptMs: number;
    /** A proactive message's delivery row is deleted this long after it was delivered (the agent console shows its status meanwhile). */
    readonly deliveredMs: number;
}

/** When a verified identity must be confirmed again (a one-time code, or Teams sign-in). */
export interface VerificationLifetime {
    /** No message from the person for this long. */
    readonly idleMs: number;
    /** This long after the verification, however active. */
    readonly maxMs: number;
}

/** What the support team's insights keep, and for how long (issue 17). */
export interface InsightSettings {
    /** Masked messages the bot could not place, and rating comments, are deleted this long after they were written. */
    readonly textRetentionMs: number;
    /** Events (no personal data) are deleted this long after they happened. */
    readonly eventRetentionMs: number;
    /** A task with no message from the person for this long counts as abandoned. */
    readonly abandonAfterMs: number;
}

/** Every setting of the bot, read and checked once at start-up. */
export interface Config {
    readonly port: number;
    /** Listen address; default 127.0.0.1 in local mode, 0.0.0.0 with app credentials. */
    readonly host: string;
    /** Proxies whose `X-Forwarded-For` names the client (rate limits, the local-mode loopback check). */
    readonly trustProxy: TrustProxy;
    /** Local mode: `/api/messages` also answers callers that are not on this machine (default false: 403). */
    readonly localModeAllowRemote: boolean;
    /** Base URL people reach the bot at; used for links in emails. */
    readonly publicUrl: string;
    /** The SQLite file; unused when {@link databaseUrl} is set. */
    readonly dbPath: string;
    /** A PostgreSQL database (`postgres://…`) shared by every instance; undefined = SQLite at {@link dbPath}. */
    readonly databaseUrl?: string;
    readonly demoDataPath: string;
    /** 32-byte key for HMACs and the outbox secret cipher; undefined = generated and kept beside the SQLite file (required with PostgreSQL). */
    readonly secretKey?: Buffer;
    readonly logLevel: LogLevel;
    readonly microsoftAppId: string;
    readonly microsoftAppPassword: string;
    readonly microsoftAppTenantId: string;
    readonly microsoftAppType: AppType;
    /** True when no app id is set: no channel authentication, replies only to loopback service URLs. */
    readonly localMode: boolean;
    readonly smtpUrl?: string;
    readonly mailFrom: string;
    /** Largest accepted request body, before and after decompression. */
    readonly maxBodyBytes: number;
    readonly handoff: HandoffSettings;
    /** Local mode only: password given at start to demo agents that have none yet. */
    readonly agentDemoPassword?: string;
    readonly directLine: DirectLineSettings;
    readonly verification: VerificationLifetime;
    readonly retention: RetentionSettings;
    /** Secret of the built-in Direct Line endpoint (`tokens/generate`); undefined = a random one per start. */
    readonly directLineSecret?: string;
    /** Azure AD tenants (lower-case GUIDs) whose Teams users are identified by their sign-in, without a code. */
    readonly teamsAllowedTenants: readonly string[];
    /** OpenID metadata of the tokens channels send to `/api/messages`; undefined = Bot Framework's. */
    readonly botOpenIdMetadataUrl?: string;
    readonly insights: InsightSettings;
    /** How long a SIGTERM may take to finish running turns and close everything before the process exits anyway. */
    readonly shutdownTimeoutMs: number;
}

/** A setting is missing or has a wrong value; the message names the setting. */
export class ConfigError extends Error {
    public constructor(public readonly setting: string, problem: string) {
        super(`Configuration error: ${setting} ${problem}`);
        this.name = 'ConfigError';
    }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const APP_TYPES: readonly AppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

/**
 * Adds the settings of the project's `.env` file (if there is one) to the
 * process environment; variables already set win.
 */
export function loadDotEnv(file: string = path.join(PROJECT_ROOT, '.env')): void {
    if (fs.existsSync(file)) {
        process.loadEnvFile(file);
    }
}

/**
 * Reads only the SDK rewrite's settings (`SDK_NATIVE_ASYNC`,
 * `SDK_NATIVE_ASYNC_CACHE_DIR`): they are needed before anything loads the
 * SDK, so before {@link loadConfig}. See sdkSpeedups/nativeAsync.ts.
 * @throws ConfigError when `SDK_NATIVE_ASYNC` is not a boolean.
 */
export function loadNativeAsyncSettings(env: Env = process.env): NativeAsyncSettings {
    const read = reader(env);
    return {
        enabled: readBoolean('SDK_NATIVE_ASYNC', read('SDK_NATIVE_ASYNC'), true),
        cacheDir: read('SDK_NATIVE_ASYNC_CACHE_DIR') ?? DEFAULT_CACHE_DIR
    };
}

/** The settings of the project's `.env` (empty when there is none), without putting them into `process.env`. */
export function readDotEnv(file: string = path.join(PROJECT_ROOT, '.env')): Env {
    return fs.existsSync(file) ? parseEnv(fs.readFileSync(file, 'utf8')) : {};
}

/** What the Teams app package needs: the bot's app id and the public address. */
export interface TeamsPackageSettings {
    readonly appId: string;
    readonly publicUrl: string;
}

/**
 * Reads only what `npm run teams:package` needs, so the package can be built
 * where the bot's password is not at hand (a build machine, a laptop).
 * @throws ConfigError naming the missing or wrong setting.
 */
export function loadTeamsPackageSettings(env: Env = process.env): TeamsPackageSettings {
    const read = reader(env);
    const appId = read('MicrosoftAppId') ?? '';
    if (appId === '') {
        throw new ConfigError('MicrosoftAppId', 'must be set to build the Teams package (it is the bot id in the manifest)');
    }
    if (!GUID.test(appId)) {
        throw new ConfigError('MicrosoftAppId', `must be the bot's app id, a GUID (got "${appId}")`);
    }
    return { appId, publicUrl: readPublicUrl(read, readPort(read)) };
}

/** A setting's trimmed value; unset and empty are the same. */
function reader(env: Env): (name: string) => string | undefined {
    return (name) => {
        const value = env[name]?.trim();
        return value === undefined || value === '' ? undefined : value;
    };
}

/** 0 = any free port (tests). */
function readPort(read: (name: string) => string | undefined): number {
    return parseInteger('PORT', read('PORT') ?? '3978', 0, 65535);
}

/** The address people and channels reach the bot at, without a trailing slash. */
function readPublicUrl(read: (name: string) => string | undefined, port: number): string {
    return parseUrl('PUBLIC_URL', read('PUBLIC_URL') ?? `http://localhost:${port}`, ['http:', 'https:']).replace(/\/+$/, '');
}

/**
 * Reads the configuration from environment variables and validates it.
 * @throws ConfigError naming the first wrong setting.
 */
export function loadConfig(env: Env = process.env): Config {
    const read = reader(env);
    const port = readPort(read);
    const publicUrl = readPublicUrl(read, port);
    const dbPath = path.resolve(PROJECT_ROOT, read('DB_PATH') ?? 'data/bot.sqlite');
    const demoDataPath = path.resolve(PROJECT_ROOT, read('DEMO_DATA_PATH') ?? 'data/accounts.json');

    const logLevel = (read('LOG_LEVEL') ?? 'info') as LogLevel;
    if (!LOG_LEVELS.includes(logLevel)) {
        throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
    }

    const secretText = read('SECRET_KEY');
    let secretKey: Buffer | undefined;
    if (secretText !== undefined) {
        if (!/^[0-9a-fA-F]{64}$/.test(secretText)) {
            throw new ConfigError('SECRET_KEY', 'must be 64 hexadecimal characters (32 bytes), e.g. from `openssl rand -hex 32`');
        }
        secretKey = Buffer.from(secretText, 'hex');
    }
    const databaseUrl = readDatabaseUrl(read('DATABASE_URL'));
    if (databaseUrl !== undefined && secretKey === undefined) {
        // Every instance must hash and encrypt with the same key: a code mailed by one is checked by another.
        throw new ConfigError('SECRET_KEY', 'is required with DATABASE_URL (the same on every instance), e.g. from `openssl rand -hex 32`');
    }

    const microsoftAppId = read('MicrosoftAppId') ?? '';
    const microsoftAppPassword = read('MicrosoftAppPassword') ?? '';
    const microsoftAppTenantId = read('MicrosoftAppTenantId') ?? '';
    const microsoftAppType = (read('MicrosoftAppType') ?? 'MultiTenant') as AppType;
    if (!APP_TYPES.includes(microsoftAppType)) {
        throw new ConfigError('MicrosoftAppType', `must be one of ${APP_TYPES.join(', ')} (got "${microsoftAppType}")`);
    }
    if (microsoftAppId !== '' && microsoftAppType !== 'UserAssignedMSI' && microsoftAppPassword === '') {
        throw new ConfigError('MicrosoftAppPassword', 'is required when MicrosoftAppId is set');
    }
    if (microsoftAppType === 'SingleTenant' && microsoftAppId !== '' && microsoftAppTenantId === '') {
        throw new ConfigError('MicrosoftAppTenantId', 'is required when MicrosoftAppType is SingleTenant');
    }


    const localMode = microsoftAppId === '';
    // Local mode has no channel authentication: by default only this machine can reach it.
    const host = read('HOST') ?? (localMode ? '127.0.0.1' : '0.0.0.0');
    let trustProxy: TrustProxy;
    try {
        trustProxy = parseTrustProxy(read('TRUST_PROXY'));
    } catch (err) {
        throw new ConfigError('TRUST_PROXY', (err as Error).message);
    }
    const localModeAllowRemote = readBoolean('LOCAL_MODE_ALLOW_REMOTE', read('LOCAL_MODE_ALLOW_REMOTE'), false);
    // Used before this runs (nativeAsyncAtEntry.ts), which cannot stop the start: a wrong value stops it here.
    loadNativeAsyncSettings(env);

    const smtpText = read('SMTP_URL');
    const smtpUrl = smtpText === undefined ? undefined : parseUrl('SMTP_URL', smtpText, ['smtp:', 'smtps:']);
    const mailFrom = read('MAIL_FROM') ?? 'Billing Contact Assistant <billing-assistant@localhost>';
    if (!/@/.test(mailFrom)) {
        throw new ConfigError('MAIL_FROM', `must contain an email address (got "${mailFrom}")`);
    }

    const maxBodyBytes = parseInteger('MAX_BODY_BYTES', read('MAX_BODY_BYTES') ?? String(1024 * 1024), 1024, 64 * 1024 * 1024);
    const handoff = readHandoffSettings(read);
    const agentDemoPassword = read('AGENT_DEMO_PASSWORD');
    if (agentDemoPassword !== undefined) {
        if (microsoftAppId !== '') {
            throw new ConfigError('AGENT_DEMO_PASSWORD', 'is for local demos only; set agent passwords with `npm run agents -- set-password <login>`');
        }
        if (agentDemoPassword.length < 10 || agentDemoPassword.length > 256) {
            throw new ConfigError('AGENT_DEMO_PASSWORD', 'must be 10 to 256 characters long');
        }
    }

    const directLineSecret = read('DIRECTLINE_SECRET');
    if (directLineSecret !== undefined && !/^[A-Za-z0-9._~+/=-]{32,512}$/.test(directLineSecret)) {
        throw new ConfigError('DIRECTLINE_SECRET', 'must be 32 to 512 characters of letters, digits and ._~+/=- (e.g. from `openssl rand -base64 32`)');
    }
    const directLine: DirectLineSettings = {
        tokenLifetimeSeconds: parseInteger('DIRECTLINE_TOKEN_LIFETIME_HOURS', read('DIRECTLINE_TOKEN_LIFETIME_HOURS') ?? '24', 1, 720) * 3600,
        streamsPerConversation: parseInteger('DIRECTLINE_STREAMS_PER_CONVERSATION', read('DIRECTLINE_STREAMS_PER_CONVERSATION') ?? '4', 1, 50),
        conversationBudgetBytes: parseInteger('DIRECTLINE_CONVERSATION_BUDGET_KB', read('DIRECTLINE_CONVERSATION_BUDGET_KB') ?? '1024', 64, 1024 * 1024) * 1024,
        storageBudgetBytes: parseInteger('DIRECTLINE_STORAGE_BUDGET_MB', read('DIRECTLINE_STORAGE_BUDGET_MB') ?? '1024', 1, 1024 * 1024) * 1024 * 1024,
        retentionMs: parseInteger('DIRECTLINE_RETENTION_DAYS', read('DIRECTLINE_RETENTION_DAYS') ?? '7', 1, 3650) * 24 * 3600_000
    };
    const verification: VerificationLifetime = {
        idleMs: parseInteger('VERIFICATION_IDLE_MINUTES', read('VERIFICATION_IDLE_MINUTES') ?? '30', 1, 24 * 60) * 60_000,
        maxMs: parseInteger('VERIFICATION_MAX_HOURS', read('VERIFICATION_MAX_HOURS') ?? '8', 1, 720) * 3600_000
    };
    const days = (setting: string, fallback: string): number => parseInteger(setting, read(setting) ?? fallback, 1, 3650) * 24 * 3600_000;
    const retention: RetentionSettings = {
        outboxSentMs: days('OUTBOX_RETENTION_DAYS', '30'),
        transcriptMs: days('TRANSCRIPT_RETENTION_DAYS', '30'),
        deliveredMs: days('DELIVERED_RETENTION_DAYS', '30')
    };
    const teamsAllowedTenants = parseTenants(read('TEAMS_ALLOWED_TENANTS'));
    const metadataText = read('BOT_OPENID_METADATA_URL');
    const botOpenIdMetadataUrl = metadataText === undefined ? undefined : parseUrl('BOT_OPENID_METADATA_URL', metadataText, ['https:', 'http:']);
    // Signing keys fetched over plain http could be swapped on the way; only this machine may serve them so.
    if (botOpenIdMetadataUrl !== undefined && /^http:/.test(botOpenIdMetadataUrl) && !/^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(new URL(botOpenIdMetadataUrl).hostname)) {
        throw new ConfigError('BOT_OPENID_METADATA_URL', 'must use https (plain http only on localhost)');
    }

    const insights: InsightSettings = {
        textRetentionMs: parseInteger('INSIGHTS_TEXT_RETENTION_DAYS', read('INSIGHTS_TEXT_RETENTION_DAYS') ?? '30', 1, 3650) * 24 * 3600_000,
        eventRetentionMs: parseInteger('INSIGHTS_EVENT_RETENTION_DAYS', read('INSIGHTS_EVENT_RETENTION_DAYS') ?? '400', 1, 3650) * 24 * 3600_000,
        abandonAfterMs: parseInteger('INSIGHTS_ABANDON_MINUTES', read('INSIGHTS_ABANDON_MINUTES') ?? '15', 1, 24 * 60) * 60_000
    };

    const shutdownTimeoutMs = parseInteger('SHUTDOWN_TIMEOUT_MS', read('SHUTDOWN_TIMEOUT_MS') ?? '10000', 100, 600_000);

    return {
        port,
        host,
        trustProxy,
        localModeAllowRemote,
        publicUrl,
        dbPath,
        databaseUrl,
        demoDataPath,
        secretKey,
        logLevel,
        microsoftAppId,
        microsoftAppPassword,
        microsoftAppTenantId,
        microsoftAppType,
        localMode,
        smtpUrl,
        mailFrom,
        maxBodyBytes,
        handoff,
        agentDemoPassword,
        directLineSecret,
        directLine,
        verification,
        retention,
        teamsAllowedTenants,
        botOpenIdMetadataUrl,
        insights,
        shutdownTimeoutMs
    };
}

/** A GUID as Azure writes app and tenant ids (either case). */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseTenants(text: string | undefined): string[] {
    const tenants = (text ?? '').split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== '');
    const wrong = tenants.find((t) => !GUID.test(t));
    if (wrong !== undefined) {
        throw new ConfigError('TEAMS_ALLOWED_TENANTS', `must be a comma-separated list of tenant ids (GUIDs) (got "${wrong}")`);
    }
    return tenants;
}

function readHandoffSettings(read: (name: string) => string | undefined): HandoffSettings {
    const timeZone = read('BUSINESS_TZ') ?? 'Europe/Berlin';
    let businessHours: BusinessHours;
    try {
        businessHours = BusinessHours.parse(read('BUSINESS_HOURS') ?? 'always', timeZone);
    } catch (err) {
        const message = (err as Error).message;
        throw new ConfigError(message.includes('time zone') ? 'BUSINESS_TZ' : 'BUSINESS_HOURS', message);
    }
    const waitTimeoutMs = parseInteger('HANDOFF_WAIT_MINUTES', read('HANDOFF_WAIT_MINUTES') ?? '5', 1, 240) * 60_000;
    const externalText = (read('HANDOFF_EXTERNAL') ?? 'false').toLowerCase();
    if (!['true', 'false', '1', '0'].includes(externalText)) {
        throw new ConfigError('HANDOFF_EXTERNAL', `must be true or false (got "${externalText}")`);
    }
    const customerAwayGraceMs = parseInteger('CUSTOMER_AWAY_SECONDS', read('CUSTOMER_AWAY_SECONDS') ?? String(DEFAULT_CUSTOMER_AWAY_MS / 1000), 1, 600) * 1000;
    return { businessHours, waitTimeoutMs, external: externalText === 'true' || externalText === '1', customerAwayGraceMs };
}

function readBoolean(setting: string, text: string | undefined, fallback: boolean): boolean {
    if (text === undefined) {
        return fallback;
    }
    const value = text.toLowerCase();
    if (!['true', 'false', '1', '0'].includes(value)) {
        throw new ConfigError(setting, `must be true or false (got "${text}")`);
    }
    return value === 'true' || value === '1';
}

/**
 * HEAP_GROWTH_PERCENT: how far the old generation may grow past the live heap
 * before the next full GC (see core/heapGrowth.ts); 0 leaves V8's own rule.
 * Read apart from {@link loadConfig}: it is the process's, not the app's.
 */
export function readHeapGrowthPercent(env: Env, fallback: number): number {
    const text = reader(env)('HEAP_GROWTH_PERCENT');
    return text === undefined ? fallback : parseInteger('HEAP_GROWTH_PERCENT', text, 0, 1000);
}

function parseInteger(setting: string, text: string, min: number, max: number): number {
    if (!/^\d+$/.test(text)) {
        throw new ConfigError(setting, `must be a whole number between ${min} and ${max} (got "${text}")`);
    }
    const value = Number(text);
    if (value < min || value > max) {
        throw new ConfigError(setting, `must be between ${min} and ${max} (got ${value})`);
    }
    return value;
}

/** DATABASE_URL: a PostgreSQL URL naming a host and a database, optionally a schema (`?schema=name`). */
function readDatabaseUrl(text: string | undefined): string | undefined {
    if (text === undefined) {
        return undefined;
    }
    const url = new URL(parseUrl('DATABASE_URL', text, ['postgres:', 'postgresql:']));
    if (url.hostname === '' || url.pathname.replace(/^\//, '') === '') {
        throw new ConfigError('DATABASE_URL', 'must name a host and a database, e.g. postgres://bot:secret@db.example.com:5432/billing_bot');
    }
    const schema = url.searchParams.get('schema');
    if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
        throw new ConfigError('DATABASE_URL', 'schema= must be a lower-case SQL name (letters, digits, _)');
    }
    return text;
}

function parseUrl(setting: string, text: string, protocols: string[]): string {
    let url: URL;
    try {
        url = new URL(text);
    } catch {
        throw new ConfigError(setting, `must be a URL (got "${text.replace(/\/\/[^@/]*@/, '//***@')}")`);
    }
    if (!protocols.includes(url.protocol)) {
        throw new ConfigError(setting, `must start with ${protocols.map((p) => p + '//').join(' or ')}`);
    }
    return text;
}
