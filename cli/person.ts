import * as os from 'os';
import type { ErasureCounts, ErasureOutcome } from '../services/personalDataService';
import { parseArgs } from './args';
import { runOperatorCommand, type Checked } from './operatorCommand';
import { withDatabase } from './withDatabase';

const USAGE = `Exports or erases everything stored about a person, found by email address (any case).
usage: npm run person -- export --email <address>
       npm run person -- erase --email <address> [--yes]
export prints one JSON document (codes, tokens, passwords and mail secrets are never in it, only when they existed).
erase without --yes shows what it would delete or anonymise and changes nothing; with --yes it does it in one transaction.`;

/** What the command was asked to do, once its arguments are checked. */
type Command = { readonly kind: 'export' | 'erase'; readonly email: string; readonly apply: boolean };

/** Checks the arguments; a string is what was wrong with them. */
function parseCommand(argv: readonly string[]): Checked<Command> {
    const { options, words } = parseArgs(argv, ['yes', 'help']);
    if (options.help) {
        return { kind: 'help' };
    }
    const [verb, ...rest] = words;
    if (verb !== 'export' && verb !== 'erase') {
        return verb === undefined ? 'say export or erase' : `unknown command "${verb}"`;
    }
    const unknown = Object.keys(options).filter((name) => !(verb === 'erase' ? ['email', 'yes'] : ['email']).includes(name));
    if (unknown.length > 0) {
        return `unknown option --${unknown[0]}`;
    }
    if (rest.length > 0) {
        return `unexpected words "${rest.join(' ')}"`;
    }
    const email = typeof options.email === 'string' ? options.email.trim() : '';
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
        return `${verb} needs --email <address>`;
    }
    return { kind: verb, email, apply: options.yes === true };
}

/** Epoch-millisecond times (`at`, `…At`) as ISO dates, for the person who reads the export. */
function isoTimes(key: string, value: unknown): unknown {
    return typeof value === 'number' && (key === 'at' || key.endsWith('At')) ? new Date(value).toISOString() : value;
}

function table(counts: ErasureCounts): string {
    const rows = [
        ...Object.entries(counts.deleted).map(([name, n]) => `  delete     ${name.padEnd(46)} ${n}`),
        ...Object.entries(counts.anonymised).map(([name, n]) => `  anonymise  ${name.padEnd(46)} ${n}`)
    ];
    return rows.join('\n') + '\n';
}

/** The operator's answer to an erasure; the exit code is 1 when nothing could be erased. */
function report(email: string, outcome: ErasureOutcome): { text: string; exitCode: number } {
    switch (outcome.kind) {
        case 'unknown':
            return { text: `person: nothing is stored about ${email}\n`, exitCode: 1 };
        case 'sole-billing-contact':
            return {
                text:
                    `person: ${outcome.user.name} (${outcome.user.id}) is the only billing contact of ` +
                    `${outcome.accounts.map((a) => `${a.name} (${a.id})`).join(', ')}; an account must keep a billing contact. ` +
                    'Make someone else its billing contact first. Nothing was erased.\n',
                exitCode: 1
            };
        case 'open-handoff':
            return {
                text: `person: a conversation of theirs is with customer service (handoff ${outcome.handoffs.map((id) => `#${id}`).join(', ')}); end it in the agent console first. Nothing was erased.\n`,
                exitCode: 1
            };
        case 'planned':
        case 'erased': {
            const who = outcome.user ? `${outcome.user.name} (${outcome.user.id}, directory user)` : 'not a directory user';
            const head = `${outcome.kind === 'planned' ? 'Would erase' : 'Erased'} ${email} (${who}):\n`;
            const tail =
                outcome.kind === 'planned'
                    ? 'Nothing was changed. Run again with --yes to erase.\n'
                    : `Done. The audit log records the erasure under ${outcome.marker} (the address is not kept).\n`;
            return { text: head + table(outcome.counts) + tail, exitCode: 0 };
        }
    }
}

/** `npm run person`: the operator exports or erases a person's data (DESIGN §4). */
runOperatorCommand('person', USAGE, parseCommand, async (command) => {
    // Loaded only now: the composition root pulls in the whole bot, and a usage error should answer at once.
    const { composeOperatorParts } = await import('../compose');
    await withDatabase(async (db, config) => {
        const service = composeOperatorParts(db, config).personalData;
        const actor = `operator:${os.userInfo().username}`;
        if (command.kind === 'export') {
            const document = await service.export(command.email, actor);
            if (!document) {
                process.stderr.write(`person: nothing is stored about ${command.email}\n`);
                process.exitCode = 1;
                return;
            }
            process.stdout.write(JSON.stringify(document, isoTimes, 2) + '\n');
            return;
        }
        const { text, exitCode } = report(command.email, await service.erase(command.email, actor, command.apply));
        (exitCode === 0 ? process.stdout : process.stderr).write(text);
        process.exitCode = exitCode;
    });
});
