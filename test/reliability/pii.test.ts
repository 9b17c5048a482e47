import * as assert from 'assert';
import * as fs from 'fs';
import { SECRET_PLACEHOLDER } from '../../mail/mailer';
import { MessagesDriver } from '../../bench/lib/messagesDriver';
import { OutboxCodeReader } from '../../bench/lib/outboxCodes';
import { BillingScenario } from '../../bench/lib/scenario';
import { BotUnderTest, figure, playWithRetries } from './support';

/** The secret a revealed mail carries: what stands where the stored body has the placeholder. */
function secretOf(body: string, revealed: string): string | undefined {
    const at = body.indexOf(SECRET_PLACEHOLDER);
    if (at < 0) {
        return undefined;
    }
    const tail = body.length - at - SECRET_PLACEHOLDER.length;
    return revealed.slice(at, revealed.length - tail);
}

describe('reliability 6: no one-time code or reset token in clear text after a day of conversations', () => {
    it('logs (at debug level) and every database file hold none of the secrets that were mailed', async () => {
        const bot = new BotUnderTest(60, { LOG_LEVEL: 'debug' });
        await bot.start();
        const driver = new MessagesDriver({ baseUrl: bot.url, sockets: 8 });
        const codes = await OutboxCodeReader.open(bot.dbPath);
        const scenario = new BillingScenario(bot.askers);
        try {
            // The day: whole conversations, plus people who type a wrong code, ask for a new one and type it right.
            await Promise.all(Array.from({ length: 40 }, () => {
                const plan = scenario.next();
                return playWithRetries(driver.open(plan.locale), plan, codes);
            }));
            for (let n = 0; n < 10; n++) {
                const asker = bot.askers[bot.askers.length - 1 - n];
                const convo = driver.open(n % 2 ? 'de-DE' : 'en-US');
                await convo.send({ kind: 'join' });
                await convo.send({ kind: 'text', text: n % 2 ? 'Wer ist mein Abrechnungskontakt?' : 'Who is my billing contact?' });
                await convo.send({ kind: 'text', text: asker.email });
                await convo.send({ kind: 'text', text: '000000' });
                await convo.send({ kind: 'text', text: n % 2 ? 'Neuen Code senden' : 'Send a new code' });
                await convo.send({ kind: 'text', text: await codes.codeFor(asker.email, convo.key) });
            }
            const mails = await codes.allMails();
            const secrets = [...new Set(mails.map((m) => secretOf(m.body, m.text)).filter((s): s is string => !!s && s !== '[removed]' && s !== '[delivered]'))];
            const files = [bot.dbPath, `${bot.dbPath}-wal`, `${bot.dbPath}-shm`].filter((f) => fs.existsSync(f));
            const haystacks: Array<[string, string]> = [['server log', bot.log()], ...files.map((f): [string, string] => [f.replace(/.*\//, ''), fs.readFileSync(f).toString('latin1')])];
            const found: string[] = [];
            for (const secret of secrets) {
                const pattern = new RegExp(`(?<![0-9A-Za-z])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z])`);
                for (const [name, text] of haystacks) {
                    if (pattern.test(text)) {
                        found.push(`${secret.slice(0, 2)}… in ${name}`);
                    }
                }
            }
            figure('mails sent / secrets in them', `${mails.length} / ${secrets.length}`);
            figure('places searched', haystacks.map(([name, text]) => `${name} (${Math.round(text.length / 1024)} KiB)`).join(', '));
            figure('secrets found in clear text', found.length, '0');
            assert.ok(secrets.length >= 50, `only ${secrets.length} secrets were mailed`);
            assert.deepStrictEqual(found, []);
        } finally {
            driver.close();
            await codes.close();
            await bot.stop();
        }
    });
});
