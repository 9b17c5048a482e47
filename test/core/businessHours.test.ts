import * as assert from 'assert';
import { ConfigError, loadConfig } from '../../config';
import { BusinessHours } from '../../core/businessHours';

describe('BusinessHours and the handoff settings', () => {
    const hours = BusinessHours.parse('Mon-Fri 08:00-18:00; Sat 09:00-13:00', 'Europe/Berlin');

    it('is open inside the windows, in the configured time zone', () => {
        // 2026-03-02 is a Monday; Berlin is UTC+1 in March (before daylight saving time).
        assert.strictEqual(hours.isOpen(new Date('2026-03-02T07:00:00Z')), true, 'Mon 08:00 Berlin');
        assert.strictEqual(hours.isOpen(new Date('2026-03-02T06:59:00Z')), false, 'Mon 07:59 Berlin');
        assert.strictEqual(hours.isOpen(new Date('2026-03-02T17:00:00Z')), false, 'Mon 18:00 Berlin is closed');
        assert.strictEqual(hours.isOpen(new Date('2026-03-07T11:00:00Z')), true, 'Sat 12:00 Berlin');
        assert.strictEqual(hours.isOpen(new Date('2026-03-08T11:00:00Z')), false, 'Sunday');
        assert.strictEqual(hours.isOpen(new Date('2026-07-06T06:30:00Z')), true, 'Mon 08:30 in summer time (UTC+2)');
    });

    it('describes the hours for people in their language', () => {
        assert.strictEqual(hours.describe('en'), 'Mon–Fri 08:00–18:00, Sat 09:00–13:00 (Europe/Berlin)');
        assert.match(hours.describe('de'), /^Mo\.?–Fr\.? 08:00–18:00, Sa\.? 09:00–13:00 \(Europe\/Berlin\)$/);
        assert.strictEqual(BusinessHours.parse('always', 'UTC').isOpen(new Date('2026-03-08T03:00:00Z')), true);
    });

    it('refuses wrong settings with an error naming the setting', () => {
        const cases: Array<[Record<string, string>, string]> = [
            [{ BUSINESS_HOURS: 'weekdays 9 to 5' }, 'BUSINESS_HOURS'],
            [{ BUSINESS_HOURS: 'Mon-Fri 18:00-08:00' }, 'BUSINESS_HOURS'],
            [{ BUSINESS_HOURS: 'Mon-Fri 08:00-25:00' }, 'BUSINESS_HOURS'],
            [{ BUSINESS_TZ: 'Mars/Olympus' }, 'BUSINESS_TZ'],
            [{ HANDOFF_WAIT_MINUTES: '0' }, 'HANDOFF_WAIT_MINUTES'],
            [{ HANDOFF_EXTERNAL: 'maybe' }, 'HANDOFF_EXTERNAL'],
            [{ AGENT_DEMO_PASSWORD: 'short' }, 'AGENT_DEMO_PASSWORD'],
            [{ AGENT_DEMO_PASSWORD: 'long-enough-demo', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }, 'AGENT_DEMO_PASSWORD']
        ];
        for (const [env, setting] of cases) {
            assert.throws(() => loadConfig(env), (err: unknown) => err instanceof ConfigError && err.setting === setting, JSON.stringify(env));
        }
        const config = loadConfig({ BUSINESS_HOURS: 'Mon-Fri 08:00-18:00', HANDOFF_WAIT_MINUTES: '10', HANDOFF_EXTERNAL: 'true' });
        assert.deepStrictEqual([config.handoff.waitTimeoutMs, config.handoff.external, config.handoff.businessHours.spec], [600_000, true, 'Mon-Fri 08:00-18:00']);
    });
});
