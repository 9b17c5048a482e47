import { composeOperatorParts } from '../compose';
import { OutboxRepository } from '../data/repositories/outboxRepository';
import { parseArgs } from './args';
import { printable, printableJson } from './terminalText';
import { withDatabase } from './withDatabase';

const USAGE = `Shows the mails the bot queued or sent (newest first), one-time codes included.
usage: npm run outbox -- [--to <address>] [--limit <n>] [--json]`;

/** `npm run outbox`: the operator's view of the outbox. */
async function main(): Promise<void> {
    const { options } = parseArgs(process.argv.slice(2), ['json', 'help']);
    if (options.help) {
        process.stdout.write(USAGE + '\n');
        return;
    }
    const limit = options.limit === undefined ? 10 : Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        process.stderr.write('--limit must be a whole number between 1 and 1000\n' + USAGE + '\n');
        process.exitCode = 2;
        return;
    }
    if (options.to === true) {
        process.stderr.write('--to needs an email address\n' + USAGE + '\n');
        process.exitCode = 2;
        return;
    }
    const to = typeof options.to === 'string' ? options.to : undefined;
    await withDatabase(async (db, config) => {
        const outbox = new OutboxRepository(db);
        const { mailer } = composeOperatorParts(db, config);
        const mails = await outbox.recent(limit, to);
        if (options.json) {
            for (const mail of mails) {
                const { secretEnc: _secret, ...rest } = mail;
                process.stdout.write(printableJson({ ...rest, body: mailer.reveal(mail) }) + '\n');
            }
            return;
        }
        if (mails.length === 0) {
            process.stdout.write(to ? `No mails to ${printable(to)}.\n` : 'The outbox is empty.\n');
            return;
        }
        for (const mail of mails) {
            process.stdout.write(
                [
                    `#${mail.id}  ${new Date(mail.createdAt).toISOString()}  ${mail.status}${mail.attempts ? ` after ${mail.attempts} attempt(s)` : ''}  [${printable(mail.kind)}]`,
                    `To: ${printable(mail.toName ? `${mail.toName} <${mail.to}>` : mail.to)}`,
                    ...(mail.replyTo ? [`Reply-To: ${printable(mail.replyTo)}`] : []),
                    `Subject: ${printable(mail.subject)}`,
                    '',
                    // The body keeps its lines; every other control character (escape sequences too) is shown escaped.
                    printable(mailer.reveal(mail).trimEnd(), true),
                    '',
                    '-'.repeat(72),
                    ''
                ].join('\n')
            );
        }
    });
}

main().catch((err: unknown) => {
    process.stderr.write(`outbox: ${(err as Error).message}\n`);
    process.exitCode = 1;
});
