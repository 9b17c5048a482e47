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
