import * as os from 'os';
import { Localizer } from '../language/i18n';
import { CHANGE_REQUEST_STATUSES, type ChangeRequest, type ChangeRequestStatus } from '../data/repositories/changeRequestRepository';
import { LOCALES_DIR } from '../paths';
import { parseArgs } from './args';
import { printable, printableJson } from './terminalText';
import { runOperatorCommand, type Checked } from './operatorCommand';
import { withDatabase } from './withDatabase';

const USAGE = `Lists and updates billing-contact change requests.
usage: npm run requests -- list [--status open|approved|rejected|done] [--json]
       npm run requests -- update <BC-YYYY-NNNNNN> approved|rejected|done [--note "text for the requester"]
The requester is emailed in their language on every update (the running bot delivers the mail).`;

/** What the command was asked to do, once its arguments are checked. */
type Command =
    | { readonly kind: 'list'; readonly status?: ChangeRequestStatus; readonly json: boolean }
    | { readonly kind: 'update'; readonly reference: string; readonly status: ChangeRequestStatus; readonly note?: string };

/** Checks the arguments; a string is what was wrong with them. */
function parseCommand(argv: readonly string[]): Checked<Command> {
    const { options, words } = parseArgs(argv, ['json', 'help']);
    if (options.help) {
        return { kind: 'help' };
    }
    const [verb, ...rest] = words;
    const isStatus = (value: unknown): value is ChangeRequestStatus => typeof value === 'string' && (CHANGE_REQUEST_STATUSES as readonly string[]).includes(value);
    const unknown = Object.keys(options).filter((name) => !(verb === 'list' ? ['status', 'json'] : ['note']).includes(name));
    if (unknown.length > 0) {
        return `unknown option --${unknown[0]}`;
    }
    if (verb === 'list') {
        if (rest.length > 0) {
            return `list takes no words (got "${rest.join(' ')}")`;
        }
        if (options.status !== undefined && !isStatus(options.status)) {
            return `--status must be one of ${CHANGE_REQUEST_STATUSES.join(', ')}`;
        }
        return { kind: 'list', status: isStatus(options.status) ? options.status : undefined, json: options.json === true };
    }
    if (verb === 'update') {
        const [reference, status, ...extra] = rest;
        if (!reference || !/^BC-\d{4}-\d{6}$/i.test(reference)) {
            return 'update needs a reference like BC-2026-000123';
        }
        if (!isStatus(status) || status === 'open') {
            return 'update needs the new status: approved, rejected or done';
        }
        if (extra.length > 0) {
            return `unexpected words "${extra.join(' ')}" (put a note in --note "…")`;
        }
        if (options.note === true || (typeof options.note === 'string' && (options.note.trim() === '' || options.note.length > 1000))) {
            return '--note needs a text of at most 1000 characters';
        }
        return { kind: 'update', reference: reference.toUpperCase(), status, note: typeof options.note === 'string' ? options.note.trim() : undefined };
    }
    return verb === undefined ? 'say list or update' : `unknown command "${verb}"`;
}

/** A request as the operator reads it; every text that came from a person or a mail is shown escaped (no terminal escapes get through). */
function describe(request: ChangeRequest): string {
    const to = request.newContact.email ? `${request.newContact.name} <${request.newContact.email}>` : request.newContact.name;
    const from = request.oldContacts.map((c) => c.name).join(', ') || '-';
    const replaced = request.oldContacts.find((c) => c.id === request.replacesContactId);
    const replaces = request.addedAlongside ? ' (added alongside, nobody replaced)' : replaced ? ` (replaces ${replaced.name})` : '';
    return [
        `${request.reference}  ${request.status.padEnd(8)}  ${new Date(request.createdAt).toISOString().slice(0, 16).replace('T', ' ')}  ${printable(request.accountName)} (${printable(request.accountId)})`,
        `    requested by ${printable(request.requesterName)} (${printable(request.requesterId)}) via ${printable(request.channel)}: ${printable(from)} -> ${printable(to)}${printable(replaces)}`,
        `    reason: ${printable(request.reason)}`,
        ...(request.note ? [`    note: ${printable(request.note)}`] : []),
        ...(request.objection
            ? [`    objected to by ${printable(request.objection.name)} (${printable(request.objection.userId)}) at ${new Date(request.objection.at).toISOString().slice(0, 16).replace('T', ' ')}`]
            : [])
    ].join('\n');
}

/** `npm run requests`: the operator's view and decisions on change requests. */
runOperatorCommand('requests', USAGE, parseCommand, async (command) => {
    // Loaded only now: the composition root pulls in the whole bot, and a usage error should answer at once.
    const { composeOperatorParts } = await import('../compose');
    await withDatabase(async (db, config) => {
        const localizer = await Localizer.load(LOCALES_DIR);
        const service = composeOperatorParts(db, config).changeRequests(localizer);
        if (command.kind === 'list') {
            const requests = await service.list(command.status);
            if (command.json) {
                requests.forEach((r) => process.stdout.write(printableJson(r) + '\n'));
            } else {
                process.stdout.write(requests.length === 0 ? 'No change requests.\n' : requests.map(describe).join('\n') + '\n');
            }
            return;
        }
        const outcome = await service.updateStatus(command.reference, command.status, command.note, `operator:${os.userInfo().username}`);
        switch (outcome.kind) {
            case 'not-found':
                process.stderr.write(`requests: there is no request ${command.reference}\n`);
                process.exitCode = 1;
                return;
            case 'not-allowed':
                process.stderr.write(`requests: ${command.reference} is ${outcome.from}; it cannot become ${command.status}\n`);
                process.exitCode = 1;
                return;
            case 'updated':
                process.stdout.write(
                    `${outcome.request.reference} is now ${outcome.request.status}. ` +
                        (outcome.mailedTo ? `The requester was emailed at ${printable(outcome.mailedTo)} (in the outbox until delivered).\n` : 'The requester is no longer on file; no email was sent.\n')
                );
        }
    });
});
