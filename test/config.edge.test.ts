import * as assert from 'assert';
import { ConfigError, loadConfig } from '../config';

describe('config: limits at the edge (issue 11)', () => {
    it('has sensible defaults for Direct Line and the verification lifetime', () => {
        const config = loadConfig({});
        assert.deepStrictEqual(config.directLine, {
            tokenLifetimeSeconds: 24 * 3600,
            streamsPerConversation: 4,
            conversationBudgetBytes: 1024 * 1024,
            storageBudgetBytes: 1024 * 1024 * 1024,
            retentionMs: 7 * 24 * 3600_000
        });
        assert.deepStrictEqual(config.verification, { idleMs: 30 * 60_000, maxMs: 8 * 3600_000 });
        assert.deepStrictEqual(config.trustProxy, { kind: 'none' });
        assert.strictEqual(config.localModeAllowRemote, false);
    });

    it('keeps sent mails, transcript lines and delivered proactive messages 30 days by default; each is a setting in days', () => {
        const day = 24 * 3600_000;
        assert.deepStrictEqual(loadConfig({}).retention, { outboxSentMs: 30 * day, transcriptMs: 30 * day, deliveredMs: 30 * day });
        assert.deepStrictEqual(loadConfig({ OUTBOX_RETENTION_DAYS: '90', TRANSCRIPT_RETENTION_DAYS: '7', DELIVERED_RETENTION_DAYS: '1' }).retention, {
            outboxSentMs: 90 * day,
            transcriptMs: 7 * day,
            deliveredMs: day
        });
    });

    const wrong: Array<[string, string]> = [
        ['DIRECTLINE_TOKEN_LIFETIME_HOURS', '0'],
        ['DIRECTLINE_STREAMS_PER_CONVERSATION', 'many'],
        ['DIRECTLINE_CONVERSATION_BUDGET_KB', '1'],
        ['DIRECTLINE_STORAGE_BUDGET_MB', '-5'],
        ['DIRECTLINE_RETENTION_DAYS', '0'],
        ['OUTBOX_RETENTION_DAYS', '0'],
        ['OUTBOX_RETENTION_DAYS', '30d'],
        ['TRANSCRIPT_RETENTION_DAYS', '3651'],
        ['DELIVERED_RETENTION_DAYS', '-1'],
        ['VERIFICATION_IDLE_MINUTES', '0'],
        ['VERIFICATION_MAX_HOURS', '1000'],
        ['TRUST_PROXY', '10.0.0.0/40'],
        ['LOCAL_MODE_ALLOW_REMOTE', 'yes']
    ];
    for (const [setting, value] of wrong) {
        it(`stops with a message naming ${setting} for "${value}"`, () => {
            assert.throws(
                () => loadConfig({ [setting]: value }),
                (err: unknown) => err instanceof ConfigError && err.setting === setting
            );
        });
    }
});
