import { loadConfig, loadDotEnv } from '../config';
import { configureLogging } from '../core/logger';
import { Database } from '../data/database';
import { checkPasswordRules } from '../services/agentDirectory';
import { composeOperatorParts } from '../compose';
import { parseArgs } from './args';

const USAGE = `Manages the support agents of the console (/agent).
usage: npm run agents -- list
       npm run agents -- set-password <login> [--password <password>]
       npm run agents -- supervisor <login> on|off
Without --password the password is read from standard input (typed hidden on a terminal, or piped).`;

/** Reads one line from stdin; on a terminal without echo. */
function readPassword(): Promise<string> {
    const stdin = process.stdin;
    if (!stdin.isTTY) {
        return new Promise((resolve, reject) => {
            let data = '';
            stdin.setEncoding('utf8');
            stdin.on('data', (chunk: string) => (data += chunk));
            stdin.on('end', () => resolve(data.split(/\r?\n/)[0] ?? ''));
            stdin.on('error', reject);
        });
    }
    process.stderr.write('Password: ');
    return new Promise((resolve) => {
        let typed = '';
        stdin.setRawMode(true);
        stdin.setEncoding('utf8');
        const onData = (chunk: string): void => {
            for (const char of chunk) {
                if (char === '\r' || char === '\n' || char === '\u0004') {
                    stdin.setRawMode(false);
                    stdin.pause();
                    stdin.removeListener('data', onData);
                    process.stderr.write('\n');
                    resolve(typed);
                    return;
                }
                if (char === '\u0003') {
                    process.stderr.write('\n');
                    process.exit(130);
                }
                typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
            }
        };
        stdin.on('data', onData);
        stdin.resume();
    });
}

/** `npm run agents`: lists agents and sets their passwords (scrypt hashes in the database). */
async function main(): Promise<void> {
    const { options, words } = parseArgs(process.argv.slice(2), ['help']);
    const [command, login] = words;
    const switchTo = words[2];
    if (
        options.help ||
        !command ||
        !['list', 'set-password', 'supervisor'].includes(command) ||
        (command !== 'list' && !login) ||
        (command === 'supervisor' && switchTo !== 'on' && switchTo !== 'off')
    ) {
        process.stdout.write(USAGE + '\n');
        process.exitCode = options.help ? 0 : 2;
        return;
    }
    if (options.password === true) {
        process.stderr.write('--password needs a value\n');
        process.exitCode = 2;
        return;
    }
    configureLogging('warn');
    loadDotEnv();
    const config = loadConfig();
    const password = command === 'set-password' ? (typeof options.password === 'string' ? options.password : await readPassword()) : '';
    if (command === 'set-password') {
        try {
            checkPasswordRules(password);
        } catch (err) {
            process.stderr.write(`agents: ${(err as Error).message}\n`);
            process.exitCode = 2;
            return;
        }
    }
    const db = await Database.open(config.databaseUrl ?? config.dbPath);
    try {
        const directory = composeOperatorParts(db, config).agents;
        if (command === 'list') {
            const online = new Set((await directory.online()).map((a) => a.login));
            for (const agent of await directory.list()) {
                const flags = [agent.hasPassword ? 'password set' : 'no password', online.has(agent.login) ? 'online' : 'offline', ...(agent.supervisor ? ['supervisor'] : [])];
                process.stdout.write(`${agent.login}\t${agent.name}\t${agent.languages.join(',')}\t${flags.join(', ')}\n`);
            }
            return;
        }
        if (command === 'supervisor') {
            if (!(await directory.setSupervisor(login, switchTo === 'on'))) {
                process.stderr.write(`agents: there is no agent "${login}" (see: npm run agents -- list)\n`);
                process.exitCode = 1;
                return;
            }
            process.stdout.write(switchTo === 'on' ? `${login} is a supervisor now and sees the insights.\n` : `${login} is no supervisor any more.\n`);
            return;
        }
        if (!(await directory.setPassword(login, password))) {
            process.stderr.write(`agents: there is no agent "${login}" (see: npm run agents -- list)\n`);
            process.exitCode = 1;
            return;
        }
        process.stdout.write(`Password of ${login} set; their open sessions were ended.\n`);
    } finally {
        await db.close();
    }
}

main().catch((err: unknown) => {
    process.stderr.write(`agents: ${(err as Error).message}\n`);
    process.exitCode = 1;
});
