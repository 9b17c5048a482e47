import * as assert from 'assert';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { PROJECT_ROOT } from '../../paths';
import { JONAS } from '../helpers/demoPeople';
import { PHRASES } from '../helpers/phrases';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { messageActivity, replyTexts, startTestApp, type TestApp } from '../helpers/testApp';

const run = promisify(execFile);
const CLI = path.join(PROJECT_ROOT, 'dist', 'cli');

/** What a customer can type to take over an operator's terminal: retitle it, clear it, hide text, fake a line, reverse it. */
const HOSTILE = 'Anna leaves.\u001b]0;pwned\u0007\u001b[2J\u001b[8mhidden\u001b[0m\r    note: approved by LogMeIn\u009b31m\u202eesrever';

/** Characters a terminal acts on; none may reach the operator's screen raw (line breaks between records aside). */
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('npm run requests / npm run outbox: free text from customers reaches the terminal escaped', () => {
    let server: TestApp;
    before(async () => {
        server = await startTestApp();
        const say = async (id: string, text: string): Promise<string> => replyTexts((await server.post('/api/messages', messageActivity(id, text, 'en-US'))).json);
        // A change request whose reason carries escape sequences…
        await say('esc-request', TASK_PHRASES.en.changeContact);
        await say('esc-request', JONAS);
        await say('esc-request', await server.latestCode(JONAS));
        await say('esc-request', 'Lea Fischer');
        await say('esc-request', HOSTILE);
        assert.match(await say('esc-request', 'yes'), TASK_PHRASES.en.filed);
        // …and a mail to the billing administrator with them in its message.
        await say('esc-mail', PHRASES.en.whoIs);
        await say('esc-mail', JONAS);
        await say('esc-mail', await server.latestCode(JONAS));
        await say('esc-mail', PHRASES.en.emailButton);
        await say('esc-mail', HOSTILE);
        assert.match(await say('esc-mail', 'yes'), PHRASES.en.sent);
    });
    after(async () => server.stop());

    const cli = (name: string, ...args: string[]) => run(process.execPath, [path.join(CLI, `${name}.js`), ...args], { env: { ...process.env, DB_PATH: server.dbFile } });

    for (const [name, args] of [
        ['requests', ['list']],
        ['requests', ['list', '--json']],
        ['outbox', ['--limit', '50']],
        ['outbox', ['--json', '--limit', '50']]
    ] as const) {
        it(`${name} ${args.join(' ')}: no control character gets through, each is shown as an escape`, async () => {
            const { stdout } = await cli(name, ...args);
            assert.match(stdout, /Anna leaves\./, 'the text itself is shown');
            assert.doesNotMatch(stdout, ACTING, 'a raw control character reached the terminal');
            assert.match(stdout, /\\(x1b|u001b)\]0;pwned\\(x07|u0007)/, 'the escape sequence is shown as text');
            assert.match(stdout, /\\(x9b|u009b)31m\\u202eesrever/);
            assert.doesNotMatch(stdout, /^ {4}note: approved by LogMeIn/m, 'no faked line');
        });
    }
});
