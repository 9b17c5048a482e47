import * as assert from 'assert';
import type { Lang } from '../../core/language';
import { loginInCorrection } from '../../dialogs/filedRequestFollowUp';
import { Localizer } from '../../language/i18n';
import { IntentRecognizer } from '../../language/nlu';
import { LOCALES_DIR } from '../../paths';

/**
 * The user ID a correction right after a reset link names: the one login-shaped word the bot does not know, in a
 * message that corrects; never a word of a plain "no thanks", never the user ID just used, nothing when two are named.
 */
describe('The user ID named in a correction after a reset link (loginInCorrection)', () => {
    let recognizer: IntentRecognizer;
    let localizer: Localizer;
    before(async () => {
        [recognizer, localizer] = await Promise.all([IntentRecognizer.train(LOCALES_DIR), Localizer.load(LOCALES_DIR)]);
    });
    const READINGS: readonly (readonly [Lang, string, string | undefined])[] = [
        ['en', 'no wait, i meant pbrooks', 'pbrooks'],
        ['en', 'sorry wrong one, actually make it mbergmann-billing', 'mbergmann-billing'],
        ['en', 'oops, it should be k.bergmann', 'k.bergmann'],
        ['en', 'sorry, it is pbrooks not pbrook', 'pbrooks'],
        ['en', 'wrong user id, it is pbrooks', 'pbrooks'],
        ['de', 'nein, warte, ich meinte mbergmann-billing, das steht auf der rechnung', 'mbergmann-billing'],
        ['de', 'ne, ich meinte buchhaltung@bergmann-soehne.example', 'buchhaltung@bergmann-soehne.example'],
        ['en', 'no thanks', undefined],
        ['en', 'no, that is all', undefined],
        ['en', 'no wait, i meant the other one', undefined],
        ['en', 'no wait, i meant pbrook', undefined],
        ['en', 'no, i meant pbrooks or maybe peterb', undefined],
        ['en', 'pbrooks', undefined],
        ['de', 'nein danke, das wars', undefined],
        ['de', 'die mail ist immer noch nicht da', undefined],
        ['de', 'sorry, falsche Benutzer-ID vorhin', undefined],
        ['de', 'Neuen Link senden', undefined]
    ];
    for (const [lang, said, login] of READINGS) {
        it(`[${lang}] "${said}" after a link for pbrook → ${login ?? 'none'}`, () => {
            assert.strictEqual(loginInCorrection(said, recognizer, localizer.t(lang), lang, 'pbrook'), login);
        });
    }
});
