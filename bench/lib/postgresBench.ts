import * as crypto from 'crypto';
import { Client } from 'pg';
import { CpuWindow } from './cpuWindow';
import { MessagesDriver } from './messagesDriver';
import { runLoad, type LoadProgress, type LoadResult } from './loadGenerator';
import { OutboxCodeReader } from './outboxCodes';
import type { Scenario } from './scenario';
import { ServerProcess, type ServerSpec } from './serverProcess';

/** Where the bench creates its database when `BENCH_DATABASE_URL` is not set. */
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** How long the bench waits for PostgreSQL before it skips the PostgreSQL rows. */
const CONNECT_TIMEOUT_MS = 3000;

/** The server the bench creates its database on: `BENCH_DATABASE_URL`, or the local default. */
export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
    return env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_DATABASE_URL;
}

/** A fresh database the bench created, and how to drop it. */
export interface BenchDatabase {
    /** The URL the bot instances get as `DATABASE_URL`. */
    readonly url: string;
    readonly name: string;
    /** Drops the database (connections still open to it are ended). Safe to call twice. */
    drop(): Promise<void>;
}

/** Either a fresh database, or why there is none (PostgreSQL not reachable, no right to create one). */
export type BenchDatabaseOutcome = { readonly database: BenchDatabase } | { readonly skipped: string };

/** The URL without its password, for messages. */
export function withoutPassword(url: string): string {
    try {
        const parsed = new URL(url);
        parsed.password = parsed.password ? '***' : '';
        return parsed.toString();
    } catch {
        return '(not a URL)';
    }
}

async function connect(url: string): Promise<Client> {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    client.on('error', () => undefined);
    await client.connect();
    return client;
}

/**
 * Creates `bca_bench_<pid>_<random>` on the server `adminUrl` names (connecting
 * to the database in that URL to do so). When PostgreSQL cannot be reached or
 * refuses, says why instead of throwing, so the bench can print it and go on.
 */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabaseOutcome> {
    let admin: Client;
    try {
        admin = await connect(adminUrl);
    } catch (err) {
        return { skipped: `PostgreSQL not reachable at ${withoutPassword(adminUrl)} (${(err as Error).message || String(err)}); set BENCH_DATABASE_URL` };
    }
    const name = `bca_bench_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
    try {
        await admin.query(`CREATE DATABASE ${name}`);
    } catch (err) {
        await admin.end().catch(() => undefined);
        return { skipped: `could not create a database on ${withoutPassword(adminUrl)}: ${(err as Error).message}` };
    }
    await admin.end().catch(() => undefined);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    url.searchParams.delete('schema');
    let dropped = false;
    return {
        database: {
            url: url.toString(),
            name,
            drop: async () => {
                if (dropped) {
                    return;
                }
                dropped = true;
                const client = await connect(adminUrl);
                try {
                    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
                } finally {
                    await client.end().catch(() => undefined);
                }
            }
        }
    };
}

/** What every instance of a group is started with; the group adds `DATABASE_URL` and `SECRET_KEY`. */
export interface InstanceGroupSpec extends ServerSpec {
    readonly databaseUrl: string;
    /** 64 hex characters, the same on every instance (codes made on one are checked on another). */
    readonly secretKey: string;
}

/**
 * Several real bot processes on one PostgreSQL database, each on a port of
 * its own, as behind a load balancer without sticky sessions: {@link nextUrl}
 * hands out their addresses in turn, so consecutive turns of one conversation
 * land on different instances.
 */
export class InstanceGroup {
    private next = 0;
    /** How many requests {@link nextUrl} has sent to each instance. */
    public readonly sent: number[];

    private constructor(public readonly servers: readonly ServerProcess[]) {
        this.sent = servers.map(() => 0);
    }

    /**
     * Starts `count` instances: the first alone (it applies the migrations and
     * loads the directory on a new database), then the others together.
     */
    public static async start(spec: InstanceGroupSpec, count: number): Promise<InstanceGroup> {
        const env = { ...spec.env, DATABASE_URL: spec.databaseUrl, SECRET_KEY: spec.secretKey };
        const one = (i: number): Promise<ServerProcess> => ServerProcess.start({ ...spec, name: count === 1 ? spec.name : `${spec.name} #${i + 1}`, env });
        const servers = [await one(0)];
        const rest = await Promise.allSettled(Array.from({ length: count - 1 }, (_, i) => one(i + 1)));
        for (const r of rest) {
            if (r.status === 'fulfilled') {
                servers.push(r.value);
            }
        }
        const failed = rest.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) {
            await Promise.all(servers.map((s) => s.stop()));
            throw failed.reason;
        }
        return new InstanceGroup(servers);
    }

    public get urls(): string[] {
        return this.servers.map((s) => s.url);
    }

    /** The next instance's base URL, round-robin. */
    public readonly nextUrl = (): string => {
        const i = this.next++ % this.servers.length;
        this.sent[i]++;
        return this.servers[i].url;
    };

    /** CPU milliseconds all instances have used so far. */
    public cpuMs(): number {
        return this.servers.reduce((sum, s) => sum + s.cpuMs(), 0);
    }

    /** The largest peak resident memory of one instance, in bytes. */
    public peakRss(): number {
        return Math.max(...this.servers.map((s) => s.rss().peak));
    }

    /** The slowest instance's cold start. */
    public get coldStartMs(): number {
        return Math.max(...this.servers.map((s) => s.coldStartMs));
    }

    /** Stops every instance gracefully. */
    public async stop(): Promise<void> {
        await Promise.all(this.servers.map((s) => s.stop()));
    }
}

/** One load run on PostgreSQL: how many instances, and the load generator's settings. */
export interface PostgresLoadOptions {
    /** Our bot (`dist/index.js`) and its settings; the database and key come from {@link database} and {@link secretKey}. */
    readonly spec: ServerSpec;
    readonly database: BenchDatabase;
    readonly secretKey: string;
    readonly instances: number;
    readonly scenario: Scenario;
    readonly concurrency: number;
    readonly durationMs: number;
    readonly warmupMs: number;
    readonly onProgress?: (progress: LoadProgress) => void;
}

/** What a load run on PostgreSQL measured. */
export interface PostgresLoadResult {
    readonly load: LoadResult;
    /** CPU milliseconds of all instances together per measured turn (the PostgreSQL server's own not counted). */
    readonly cpuMsPerTurn: number;
    /** The largest peak RSS of one instance. */
    readonly peakRssBytes: number;
    /** Requests sent to each instance (warm-up included). */
    readonly sentPerInstance: readonly number[];
}

/**
 * Starts `instances` bot processes on the database, drives whole
 * conversations through `POST /api/messages` (expectReplies), each request
 * to the next instance in turn, reads the one-time codes from the shared
 * outbox with the instances' key, and stops the instances.
 */
export async function runPostgresLoad(options: PostgresLoadOptions): Promise<PostgresLoadResult> {
    const group = await InstanceGroup.start({ ...options.spec, databaseUrl: options.database.url, secretKey: options.secretKey }, options.instances);
    const driver = new MessagesDriver({ baseUrl: group.nextUrl, sockets: options.concurrency });
    let codes: OutboxCodeReader | undefined;
    try {
        codes = await OutboxCodeReader.open(options.database.url, Buffer.from(options.secretKey, 'hex'));
        const cpu = new CpuWindow(group, options.warmupMs);
        const load = await runLoad({
            driver,
            scenario: options.scenario,
            concurrency: options.concurrency,
            durationMs: options.durationMs,
            warmupMs: options.warmupMs,
            codes,
            onProgress: options.onProgress
        });
        return { load, cpuMsPerTurn: cpu.msPerTurn(load.turns), peakRssBytes: group.peakRss(), sentPerInstance: [...group.sent] };
    } finally {
        driver.close();
        await codes?.close();
        await group.stop();
    }
}
