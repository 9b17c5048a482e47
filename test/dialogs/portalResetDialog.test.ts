import * as assert from 'assert';
import { ActivityTypes } from 'botbuilder';
import { configureLogging } from '../../core/logger';
import { BotHarness, HARNESS_PUBLIC_URL, joined, type Conversation, type Reply, useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import type { Lang } from '../../core/language';
import { PETER, KLAUS } from '../helpers/demoPeople';

const LINK = /https:\/\/bot\.test\.example\/portal\/reset\?token=([A-Za-z0-9_-]{43})&lang=(de|en)/;

/** Asks for a reset and types `userId`; returns the replies to the user ID. */
async function resetFor(harness: BotHarness, convo: Conversation, lang: Lang, userId: string, question?: string): Promise<Reply[]> {
    const p = TASK_PHRASES[lang];
    const turns = await play(harness, convo, [
        { say: question ?? p.resetQuestion, expect: [p.resetIntro, p.askUserId], buttons: [p.whereButton] },
        { say: userId }
    ]);
    return turns[1];
}

/** A plain request for another link, once one was sent in the conversation. */
const NEW_LINK: Readonly<Record<Lang, string>> = { en: 'please send a new link', de: 'bitte schicken Sie einen neuen Link' };

describe('PortalResetDialog: Corporate Billing Portal password reset (article §1.4 d)', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES) {
        const p = TASK_PHRASES[lang];

        for (const [who, userId, email, mailLang] of [
            ['Peter Brooks with his username pbrooks', 'pbrooks', PETER, 'en'],
            ["Klaus Bergmann with his email-format user ID", KLAUS, KLAUS, 'de']
        ] as const) {
            it(`[${lang}] ${who}: the link goes only by email, to the address on file, in the billing contact's language`, async () => {
                const harness = harnessOf();
                const convo = harness.conversation(localeOf(lang));
                const replies = await resetFor(harness, convo, lang, userId);
                const text = joined(replies);
                assert.match(text, p.resetRequested);
                assert.match(text, /60/);
                assert.doesNotMatch(text, /portal\/reset|token/i, 'no link in the chat');
                const [mail] = await harness.mails(email);
                assert.strictEqual(mail.kind, 'portal-reset');
                assert.strictEqual(mail.locale, mailLang);
                const link = LINK.exec(mail.text);
                assert.ok(link, mail.text);
                assert.strictEqual(link[2], mailLang);
                assert.ok(link[0].startsWith(`${HARNESS_PUBLIC_URL}/portal/reset?token=`), 'the link is built from the public URL');
                assert.ok(!mail.body.includes(link[1]), 'the stored body holds a placeholder, not the token');
                assert.ok(mail.secretEnc && !mail.secretEnc.includes(link[1]), 'the link is stored encrypted');
                const stored = await harness.db.all<{ token_hash: string; user_id: string | null }>('SELECT token_hash, user_id FROM portal_reset_tokens');
                assert.strictEqual(stored.length, 1);
                assert.notStrictEqual(stored[0].token_hash, link[1], 'the token is stored hashed');
                assert.strictEqual(stored[0].token_hash.length, 64);
                assert.ok(!JSON.stringify(await harness.db.all('SELECT * FROM bot_state')).includes(link[1]), 'no token in the conversation state');
                assert.ok(!JSON.stringify(await harness.db.all('SELECT * FROM audit_log')).includes(link[1]), 'no token in the audit log');
            });
        }

        it(`[${lang}] a made-up user ID gets exactly the same chat reply as pbrooks, and no mail goes out`, async () => {
            const harness = harnessOf();
            const real = await resetFor(harness, harness.conversation(localeOf(lang)), lang, 'pbrooks');
            const madeUp = await resetFor(harness, harness.conversation(localeOf(lang)), lang, 'nobody-by-this-name');
            const madeUpEmail = await resetFor(harness, harness.conversation(localeOf(lang)), lang, 'someone@nowhere.example');
            assert.deepStrictEqual(madeUp, real, 'byte-identical replies and buttons');
            assert.deepStrictEqual(madeUpEmail, real);
            assert.deepStrictEqual((await harness.mails()).map((m) => m.to), [PETER]);
            const tokens = await harness.db.all<{ user_id: string | null }>('SELECT user_id FROM portal_reset_tokens ORDER BY id');
            assert.deepStrictEqual(tokens.map((t) => t.user_id), ['U-201', null, null], 'the same work is done for unknown user IDs (unusable rows)');
        });

        it(`[${lang}] where to find the user ID, then asked again; a user ID in a sentence is understood`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: p.resetQuestion, expect: [p.askUserId] },
                { say: p.whereButton, expect: [p.whereToFind, p.askUserId] },
                { say: lang === 'de' ? 'weiß ich nicht' : "I don't know", expect: [p.whereToFind] },
                { say: 'p brooks', expect: [p.askUserIdRetry] },
                { say: lang === 'de' ? 'Meine Benutzer-ID ist mbergmann-billing' : 'my user ID is mbergmann-billing', expect: [p.resetRequested] }
            ]);
            const [mail] = await harness.mails('buchhaltung@bergmann-soehne.example');
            assert.strictEqual(mail?.kind, 'portal-reset');
        });

        it(`[${lang}] "where do I find it?" asks where the user ID is; a user ID read off the invoice or said with a hedge is understood`, async () => {
            const harness = harnessOf();
            await play(harness, harness.conversation(localeOf(lang)), [
                { say: p.resetQuestion, expect: [p.askUserId] },
                { say: lang === 'de' ? 'wo finde ich die?' : 'where do i find it?', expect: [p.whereToFind, p.askUserId] },
                { say: lang === 'de' ? 'ah ok, auf der rechnung steht pbrooks' : 'oh wait, on the invoice it says pbrooks', expect: [p.resetRequested] }
            ]);
            await play(harness, harness.conversation(localeOf(lang)), [
                { say: p.resetQuestion, expect: [p.askUserId] },
                { say: lang === 'de' ? 'das ist mbergmann-billing, glaube ich' : 'its mbergmann-billing i think', expect: [p.resetRequested] }
            ]);
            assert.deepStrictEqual((await harness.mails()).map((m) => [m.to, m.kind]).sort(), [['buchhaltung@bergmann-soehne.example', 'portal-reset'], [PETER, 'portal-reset']]);
        });

        it(`[${lang}] a command at the user-ID question is a command, not a user ID`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [{ say: p.resetQuestion }, { say: PHRASES[lang].cancel, expect: [PHRASES[lang].cancelled], absent: [p.resetRequested] }]);
            assert.strictEqual((await harness.db.all('SELECT id FROM portal_reset_tokens')).length, 0);
        });

        it(`[${lang}] offered in case c: Peter gets a reset button; the link goes to his own user ID without asking for it, and afterwards no offer to check the role he was just told`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: PHRASES[lang].amI },
                { say: PETER },
                { say: CODE, expect: [PHRASES[lang].caseC, p.offerReset], buttons: [p.resetButton] },
                {
                    say: p.resetButton,
                    expect: [/pbrooks/, p.resetRequested, PHRASES[lang].anythingElse],
                    absent: [p.askUserId, /Shall I check whether you are a billing contact|Soll ich prüfen, ob Sie Abrechnungskontakt sind/],
                    buttons: [p.customerServiceButton]
                }
            ], PETER);
            assert.strictEqual((await harness.mails(PETER)).filter((m) => m.kind === 'portal-reset').length, 1);
        });

        it(`[${lang}] Peter, verified, names another user ID right away: the link is asked for that one, not his own`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: PHRASES[lang].amI },
                { say: PETER },
                { say: CODE, expect: [PHRASES[lang].caseC, p.offerReset] },
                { say: lang === 'de' ? 'ja gerne, meine Benutzer-ID ist klaus.bergmann@bergmann-soehne.example' : 'yes please, my user ID is klaus.bergmann@bergmann-soehne.example', expect: [p.resetRequested], absent: [/pbrooks/] }
            ], PETER);
            assert.strictEqual((await harness.mails(PETER)).filter((m) => m.kind === 'portal-reset').length, 0);
            assert.strictEqual((await harness.mails('klaus.bergmann@bergmann-soehne.example')).filter((m) => m.kind === 'portal-reset').length, 1);
        });

        it(`[${lang}] a bare yes or no is never taken as a user ID: asked again, nothing is requested`, async () => {
            const harness = harnessOf();
            for (const answer of lang === 'de' ? ['ja', 'nein'] : ['yes', 'no']) {
                const replies = await resetFor(harness, harness.conversation(localeOf(lang)), lang, answer);
                assert.doesNotMatch(replies.map((r) => r.text).join('\n'), p.resetRequested, answer);
            }
            assert.strictEqual((await harness.mails(PETER)).length, 0);
        });

        it(`[${lang}] rate limits: three links per user ID and five requests per conversation an hour, answered politely`, async () => {
            const harness = harnessOf();
            for (let i = 1; i <= 4; i++) {
                const text = joined(await resetFor(harness, harness.conversation(localeOf(lang)), lang, 'pbrooks'));
                assert.match(text, i <= 3 ? p.resetRequested : p.resetRateLimited, `request ${i}`);
            }
            const convo = harness.conversation(localeOf(lang));
            for (let i = 1; i <= 6; i++) {
                // After the first link in a conversation, another is asked for plainly.
                const text = joined(await resetFor(harness, convo, lang, `made-up-${i}`, i === 1 ? undefined : NEW_LINK[lang]));
                assert.match(text, i <= 5 ? p.resetRequested : p.resetRateLimited, `request ${i} in one conversation`);
            }
            harness.clock.advance(61 * 60_000);
            assert.match(joined(await resetFor(harness, harness.conversation(localeOf(lang)), lang, 'pbrooks')), p.resetRequested, 'an hour later it works again');
            assert.strictEqual((await harness.mails(PETER)).length, 4);
        });
    }

    it('a retried activity asks the portal once (one mail, the first link stays valid)', async () => {
        const harness = harnessOf();
        const convo = harness.conversation('en-US');
        await play(harness, convo, [{ say: TASK_PHRASES.en.resetQuestion }]);
        let failOnce = true;
        convo.use(async (context, next) => {
            context.onSendActivities(async (_ctx, activities, nextSend) => {
                if (failOnce && activities.some((a) => TASK_PHRASES.en.resetRequested.test(a.text ?? ''))) {
                    failOnce = false;
                    throw new Error('connection reset by the channel');
                }
                return nextSend();
            });
            await next();
        });
        const activity = { type: ActivityTypes.Message, text: 'pbrooks', id: 'reset-activity-1' };
        assert.doesNotMatch(joined(await convo.deliver(activity)), TASK_PHRASES.en.resetRequested);
        assert.match(joined(await convo.deliver(activity)), TASK_PHRASES.en.resetRequested);
        assert.strictEqual((await harness.mails(PETER)).length, 1);
        const live = await harness.db.all('SELECT id FROM portal_reset_tokens WHERE superseded_at IS NULL');
        assert.strictEqual(live.length, 1);
    });

    it('logs never carry the reset link or its token', async () => {
        const harness = harnessOf();
        const lines: string[] = [];
        configureLogging('debug', (line) => lines.push(line));
        try {
            await resetFor(harness, harness.conversation('en-US'), 'en', 'pbrooks');
        } finally {
            configureLogging('silent');
        }
        const [mail] = await harness.mails(PETER);
        const token = LINK.exec(mail.text)?.[1] ?? 'missing';
        assert.ok(lines.length > 0, 'something was logged');
        assert.ok(lines.every((line) => !line.includes(token) && !line.includes('/portal/reset?')), lines.join('\n'));
    });
});
