import * as assert from 'assert';
import type { Lang } from '../../core/language';
import { namesOneselfInCorrection } from '../../dialogs/newContactAnswers';
import { Localizer } from '../../language/i18n';
import { LOCALES_DIR } from '../../paths';
import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { CODE } from '../helpers/script';
import { TASK_PHRASES as TASK } from '../helpers/taskPhrases';
import { JONAS } from '../helpers/demoPeople';

const PICK_AGAIN = { en: /Please pick one of the people/, de: /Bitte wählen Sie eine der Personen/ };

/** The list of people after "I need to become the billing contact", answered with a bare word for oneself. */
function meAtTheList(lang: 'en' | 'de', said: string): ConversationRow {
    const ask = lang === 'en' ? 'i need to become the billing contact instead of him' : 'ich muss statt ihr abrechnungskontakt werden';
    return {
        name: `"${said}" at "Who should become the billing contact?" chooses the requester`,
        lang, email: JONAS,
        steps: [
            { say: ask }, { say: JONAS }, { say: CODE, expect: [lang === 'en' ? /Who should become the billing contact/ : /Wer soll Abrechnungskontakt von Müller Design GmbH werden\?/] },
            { say: said, expect: [TASK[lang].askReason], absent: [PICK_AGAIN[lang]] }
        ],
        outcome: { noRequest: 'ACC-1002', noHandoff: true }
    };
}

/** Issue 12: a bare "me" / "ich" / "mich" at the choice of the new contact chooses the one who asks. */
const ROWS: readonly ConversationRow[] = [meAtTheList('en', 'me'), meAtTheList('en', 'Me!'), meAtTheList('de', 'ich'), meAtTheList('de', 'mich')];

describe('The requester as new contact in customers\' own words (issue 12): a bare word for oneself at the list of people', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});

/**
 * A correction that names the one who corrects ("nein, warte, lieber ich selbst") makes them the new contact at the summary;
 * one that names them as who it should not be, or whose "I" belongs to "I meant", does not.
 */
describe('The requester named in a correction (namesOneselfInCorrection)', () => {
    let localizer: Localizer;
    before(async () => {
        localizer = await Localizer.load(LOCALES_DIR);
    });
    const READINGS: readonly (readonly [Lang, string, boolean])[] = [
        ['de', 'nein, warte, lieber ich selbst', true],
        ['de', 'nein, lieber mich', true],
        ['de', 'doch lieber ich', true],
        ['de', 'Moment – ich!', true],
        ['de', 'nein, nicht mich', false],
        ['de', 'nein, ich meinte', false],
        ['de', 'nein, ich meinte Lea', false],
        ['de', 'nein', false],
        ['en', 'no wait, me instead', true],
        ['en', 'actually, make it me', true],
        ['en', 'no, rather me', true],
        ['en', 'no, not me', false],
        ['en', 'no, I meant', false],
        ['en', 'no, I meant tom', false],
        ['en', 'nope', false]
    ];
    for (const [lang, said, self] of READINGS) {
        it(`[${lang}] "${said}" ${self ? 'names' : 'does not name'} the one who says it`, () => {
            assert.strictEqual(namesOneselfInCorrection(said, localizer.t(lang)), self);
        });
    }
});
