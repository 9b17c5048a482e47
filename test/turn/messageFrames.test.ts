import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadLanguage } from '../../app';
import { LANGS } from '../../core/language';
import { Localizer } from '../../language/i18n';
import { LOCALES_DIR, PROJECT_ROOT } from '../../paths';
import { FRAMES_KEPT, framesKeptFor, messageAfterFrame, messageToOthersAfterFrame } from '../../turn/understand';

describe('messageFrame: the frame of a message to pass on, kept per language and text (issue 16)', () => {
    let kept: Localizer;
    let fresh: Localizer;
    before(async () => {
        [{ localizer: kept }, fresh] = await Promise.all([loadLanguage(), Localizer.load(LOCALES_DIR)]);
    });

    /** Every fixture text that may pass a message on, and a few said often. */
    const texts = (): string[] => [
        ...fs
            .readdirSync(path.join(PROJECT_ROOT, 'test', 'fixtures'))
            .filter((file) => /^intents-.*\.json$/.test(file))
            .flatMap((file) => (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', file), 'utf8')) as Array<{ text: string }>).map((sample) => sample.text)),
        'email peter that we need 5 more licences',
        'sag Anna, wir brauchen mehr Lizenzen',
        'ok dann an anna: bitte die Rechnung prüfen',
        'pls email peter for me, tell him the invoice is wrong',
        'Tell Peter we need to upgrade',
        'Yes, email them for me',
        'ja'
    ];

    /** What the dialogs read of a text's frame: the message after it, and the same when it is for someone else. */
    const readings = (localizer: Localizer, text: string, lang: 'de' | 'en'): [string | undefined, string | undefined] => {
        const t = localizer.t(lang);
        return [messageAfterFrame(() => t, text, lang), messageToOthersAfterFrame(() => t, text, lang)];
    };

    it('frames every text as a localizer that has framed nothing else does, and alike the second time', () => {
        const all = texts();
        for (const lang of LANGS) {
            const first = all.map((text) => readings(kept, text, lang));
            assert.deepStrictEqual(all.map((text) => readings(kept, text, lang)), first, `${lang}: asked again`);
            // The other localizer has its own frames: it frames each text once, in the other order.
            assert.deepStrictEqual([...all].reverse().map((text) => readings(fresh, text, lang)), [...first].reverse(), `${lang}: framed anew`);
            assert.ok(first.some(([message]) => message !== undefined), `${lang}: some texts pass a message on`);
        }
    });

    it('keeps at most FRAMES_KEPT frames per language, however many different texts arrive, and none of a text over 1,000 characters', () => {
        const t = fresh.t('en');
        for (let i = 0; i < FRAMES_KEPT + 100; i++) {
            messageToOthersAfterFrame(() => t, `email peter that we need ${i} more licences`, 'en');
            assert.ok(framesKeptFor(t) <= FRAMES_KEPT);
        }
        assert.strictEqual(framesKeptFor(t), FRAMES_KEPT);
        const de = fresh.t('de');
        const before = framesKeptFor(de);
        const long = `sag Anna, dass ${'wir brauchen mehr Lizenzen '.repeat(40)}`;
        assert.strictEqual(messageToOthersAfterFrame(() => de, long, 'de'), messageToOthersAfterFrame(() => de, long, 'de'));
        assert.strictEqual(framesKeptFor(de), before);
    });
});
