import { useHarness } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const ASK_NEW_CONTACT = { en: /Who should become the billing contact of Northwind Traders Ltd\?/ };
import { playRow, type ConversationRow } from '../helpers/conversationTable';

const de = { ...TASK_PHRASES.de, ...PHRASES.de, reasonTaken: /Den Grund habe ich aus Ihrer Nachricht übernommen/, howLong: /Wie lange das dauert, kann ich Ihnen leider nicht sagen/ };
const en = { ...TASK_PHRASES.en, ...PHRASES.en, reasonTaken: /I've taken the reason from your message/, howLong: /How long that takes I'm afraid I can't tell you/ };

/** What the bot must never say about a processing time: the help article gives none. */
const NO_TIME_PROMISED = /\b\d+\s*(?:days?|hours?|weeks?|Tage|Tagen|Stunden|Wochen|Werktage)\b/;

/**
 * A change request whose first message already gives the reason keeps it (shown in the summary, where it can be
 * written anew) and does not ask for it; right after filing, "how long will this take?" is answered from the
 * request just filed, without a processing time the article does not give.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: 'Jonas gives the reason with the request; asks how long it takes once it is filed',
        lang: 'de', email: JONAS,
        steps: [{ say: 'die anna geht in rente, bitte lea fischer als rechnungskontakt eintragen', expect: [de.askEmail] }, { say: JONAS },
            { say: CODE, expect: [de.summary, /Neuer Abrechnungskontakt: Lea Fischer/, /Grund: Die Anna geht in rente/, de.reasonTaken, TASK_PHRASES.de.confirm], absent: [de.askReason] },
            { say: 'ja', expect: [de.filed] },
            { say: 'wie lange dauert das?', expect: [de.howLong, /Status BC-\d{4}-\d{6}/, /E-Mail/], absent: [/nichts abzubrechen/, NO_TIME_PROMISED, de.askReference] },
            { say: 'ok und wann ist das erledigt', expect: [de.howLong], absent: [NO_TIME_PROMISED] },
            { say: 'danke, tschüss', expect: [/Auf Wiedersehen/] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, requester: 'Jonas Weber', lang: 'de', reason: /^Die Anna geht in rente$/ } }
    },
    {
        name: 'Sarah names Tom by first name and gives the reason after it; asks when it will be done',
        lang: 'en', email: SARAH,
        steps: [{ say: 'please make tom the billing contact, peter is leaving the company', expect: [en.askEmail] }, { say: SARAH },
            { say: CODE, expect: [/New billing contact: Tom Hughes/, /Reason: Peter is leaving the company/, en.reasonTaken, TASK_PHRASES.en.confirm], absent: [en.askReason, ASK_NEW_CONTACT.en] },
            { say: 'yes', expect: [en.filed] },
            { say: 'how long will this take?', expect: [en.howLong, /Status BC-\d{4}-\d{6}/], absent: [/nothing to cancel/i, NO_TIME_PROMISED] },
            { say: 'when will it be done', expect: [en.howLong], absent: [NO_TIME_PROMISED] },
            { say: 'thanks bye', expect: [/[Gg]oodbye/] }],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/, requester: 'Sarah Lee', lang: 'en', reason: /^Peter is leaving the company$/ } }
    },
    {
        name: 'Jonas gives the reason after "weil" and corrects it at the summary',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Bitte Lea Fischer als Abrechnungskontakt eintragen, weil Anna ab Januar in Elternzeit ist' }, { say: JONAS },
            { say: CODE, expect: [/Grund: Anna ist ab Januar in Elternzeit\n/, de.reasonTaken], absent: [de.askReason] },
            { say: 'nein, der Grund ist: Anna wechselt in den Vertrieb', expect: [/Grund: Anna wechselt in den Vertrieb/, TASK_PHRASES.de.confirm], absent: [de.reasonTaken] },
            { say: 'ja', expect: [de.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /^Anna wechselt in den Vertrieb$/ } }
    },
    {
        name: 'a request without a reason still asks for it, and "how long" before anything was filed is no answer about a request',
        lang: 'en', email: SARAH,
        steps: [{ say: 'how long will this take?', absent: [en.howLong] },
            { say: 'I want to change the billing contact' }, { say: SARAH },
            { say: CODE, expect: [ASK_NEW_CONTACT.en] }, { say: 'Tom Hughes', expect: [en.askReason], absent: [en.reasonTaken] },
            { say: 'he runs the accounts now', expect: [/Reason: he runs the accounts now/, TASK_PHRASES.en.confirm], absent: [en.reasonTaken] }, { say: 'yes', expect: [en.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/, reason: /he runs the accounts now/ } }
    },
    {
        name: 'a question typed without its question mark is no part of the reason taken from the first message',
        lang: 'en', email: SARAH,
        steps: [{ say: 'hi, peter quit last month and his mailbox is closed, what do we do now, can tom be the billing contact' }, { say: SARAH },
            { say: CODE, expect: [/Reason: Peter quit last month and his mailbox is closed\n/, en.reasonTaken], absent: [/what do we do/, en.askReason] },
            { say: 'yes', expect: [en.filed] }],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/, reason: /^Peter quit last month and his mailbox is closed$/ } }
    },
    {
        name: 'eine Frage ohne Fragezeichen gehört nicht zum Grund aus der ersten Nachricht',
        lang: 'de', email: JONAS,
        steps: [{ say: 'hallo, anna ist seit märz in elternzeit, wie machen wir das jetzt, lea soll die rechnungen bekommen' }, { say: JONAS },
            { say: CODE, expect: [/Grund: Anna ist seit märz in elternzeit\n/, de.reasonTaken], absent: [/wie machen wir/, de.askReason] },
            { say: 'ja', expect: [de.filed] }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /^Anna ist seit märz in elternzeit$/ } }
    }
];

describe('Follow-ups of a change request: the reason given up front, "how long will this take?"', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harnessOf(), row));
    }
});
