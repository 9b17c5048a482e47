/**
 * `npm run bench:reset-timing`: how long the chat answer to a portal password
 * reset takes for a user ID that exists and for one that does not (the
 * answers are byte-identical; this shows their timing is too). Runs the real
 * bot over a temporary SQLite file, alternating the two cases.
 */
// Before the SDK loads, as in the server (index.ts).
import '../nativeAsyncAtEntry';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ActivityTypes, TestAdapter, type ConversationReference } from 'botbuilder';
import { loadLanguage } from '../app';
import { createBot } from '../compose';
import { ProactiveMessenger } from '../channels/proactive';
import { parseArgs } from '../cli/args';
import { ManualClock } from '../core/clock';
import { configureLogging } from '../core/logger';
import { SecretBox } from '../core/secrets';
import { Database } from '../data/database';
import { loadDemoDataOnce, readDemoData } from '../data/demoData';
import { OutboxRepository } from '../data/repositories/outboxRepository';
import { Mailer } from '../mail/mailer';
import { PROJECT_ROOT } from '../paths';
import { EmbeddedBillingPortal } from '../portal/embeddedBillingPortal';

function percentile(sorted: readonly number[], p: number): number {
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
    const { options } = parseArgs(process.argv.slice(2));
    const rounds = options.rounds === undefined ? 300 : Number(options.rounds);
    if (!Number.isInteger(rounds) || rounds < 10 || rounds > 100_000) {
        process.stderr.write('usage: npm run bench:reset-timing -- [--rounds 300]\n');
        process.exitCode = 2;
        return;
    }
    configureLogging('silent');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bca-reset-timing-'));
    const db = await Database.open(path.join(dir, 'bot.sqlite'));
    try {
        await loadDemoDataOnce(db, readDemoData(path.join(PROJECT_ROOT, 'data', 'accounts.json')));
        const clock = new ManualClock();
        const secrets = new SecretBox(crypto.randomBytes(32));
        const mailer = new Mailer(new OutboxRepository(db), secrets, clock, 'bench@localhost');
        const { localizer, recognizer } = await loadLanguage();
        const portal = new EmbeddedBillingPortal(db, mailer, secrets, localizer, clock, 'http://localhost:3978');
        const runtime = createBot({ db, clock, localizer, recognizer, secrets, mailer, messenger: new ProactiveMessenger(), portal });
        const timings: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
        const replies: Record<'known' | 'unknown', Set<string>> = { known: new Set(), unknown: new Set() };
        for (let i = 0; i < rounds * 2; i++) {
            const kind = i % 2 === 0 ? 'known' : 'unknown';
            const id = crypto.randomUUID();
            const adapter = new TestAdapter({ channelId: 'directline', serviceUrl: 'https://bench.example', conversation: { id }, user: { id: `u-${id}` }, bot: { id: 'bot' }, locale: 'en-US' } as ConversationReference);
            const send = async (text: string): Promise<string> => {
                await adapter.processActivity({ type: ActivityTypes.Message, text, locale: 'en-US' }, (context) => runtime.bot.run(context));
                const texts: string[] = [];
                for (let reply = adapter.getNextReply(); reply; reply = adapter.getNextReply()) {
                    texts.push(reply.text ?? '');
                }
                return texts.join('\n');
            };
            await send('forgot my portal password');
            const started = process.hrtime.bigint();
            const answer = await send(kind === 'known' ? 'pbrooks' : 'nobody-by-this-name');
            timings[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
            replies[kind].add(answer);
            clock.advance(61 * 60_000); // past the per-user-ID limit, which would otherwise answer differently
        }
        const lines = (['known', 'unknown'] as const).map((kind) => {
            const sorted = [...timings[kind]].sort((a, b) => a - b);
            return `${kind.padEnd(8)} user ID: median ${percentile(sorted, 50).toFixed(2)} ms, p90 ${percentile(sorted, 90).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms (n=${sorted.length})`;
        });
        const identical = replies.known.size === 1 && replies.unknown.size === 1 && [...replies.known][0] === [...replies.unknown][0];
        process.stdout.write(`${lines.join('\n')}\nanswers byte-identical: ${identical ? 'yes' : 'NO'}\n`);
    } finally {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

main().catch((err: unknown) => {
    process.stderr.write(`bench:reset-timing: ${(err as Error).message}\n`);
    process.exitCode = 1;
});
