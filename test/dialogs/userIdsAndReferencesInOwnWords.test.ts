import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS, KLAUS, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const en = { ...TASK_PHRASES.en, ...PHRASES.en };
const de = { ...TASK_PHRASES.de, ...PHRASES.de };

/** The answer that a link was asked for already: no answer to a question about the user ID. */
const ALREADY_SENT = { en: /I've already asked the portal for a reset link/, de: /Einen Link zum Zurücksetzen habe ich in diesem Gespräch schon/ };
/** The reference question and its retry. */
const ASK_REFERENCE = { en: /Which request do you mean\?|A reference looks like/, de: /Welchen Antrag meinen Sie\?|Eine Referenz sieht so aus/ };
/** On without the reference. */
const WITHOUT_IT = { en: /I can look up your requests without it/, de: /ich kann Ihre Anträge auch ohne Referenz nachsehen/ };

/**
 * Issue 12, conversations in customers' own words (Direct Line pass on main): an everyday word after "user ID" is no
 * user ID ("wrong user id earlier tho" asks for the right one); "and my username for the portal?" after a reset asks
 * where it is; a user ID in email format with thanks beside it is taken.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"sorry, wrong user id earlier tho" after a reset: the right user ID is asked for ("earlier" is none), and Peter gets the link',
        lang: 'en',
        steps: [
            { say: 'hi' },
            { say: 'reset my portal password', expect: [en.askUserId] },
            { say: 'pbrokes', expect: [en.resetRequested] },
            { say: 'sorry, wrong user id earlier tho', expect: [en.askUserId], absent: [en.resetRequested, ALREADY_SENT.en] },
            { say: 'pbrooks', expect: [en.resetRequested] }
        ],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: '„sorry, falsche Benutzer-ID vorhin“ nach dem Zurücksetzen: nach der richtigen wird gefragt („vorhin“ ist keine), Peter bekommt den Link',
        lang: 'de',
        steps: [
            { say: 'hallo' },
            { say: 'Portal-Kennwort zurücksetzen', expect: [de.askUserId] },
            { say: 'pbrokes', expect: [de.resetRequested] },
            { say: 'sorry, falsche Benutzer-ID vorhin', expect: [de.askUserId], absent: [de.resetRequested, ALREADY_SENT.de] },
            { say: 'pbrooks', expect: [de.resetRequested] }
        ],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: '"and my username for the portal?" after a reset: where the user ID is, no second link and no "already sent"',
        lang: 'en',
        steps: [
            { say: 'hi' },
            { say: 'reset my portal password' },
            { say: 'pbrooks', expect: [en.resetRequested] },
            { say: 'and my username for the portal?', expect: [en.whereToFind], absent: [en.resetRequested, ALREADY_SENT.en, en.askUserId] }
        ],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: '„und mein benutzername fürs portal?“ nach dem Zurücksetzen: wo die Benutzer-ID steht, kein zweiter Link',
        lang: 'de',
        steps: [
            { say: 'hallo' },
            { say: 'Portal-Kennwort zurücksetzen' },
            { say: 'pbrooks', expect: [de.resetRequested] },
            { say: 'und mein benutzername fürs portal?', expect: [de.whereToFind], absent: [de.resetRequested, ALREADY_SENT.de, de.askUserId] }
        ],
        outcome: { resetTo: PETER, noHandoff: true }
    },
    {
        name: 'a user ID in email format with thanks beside it at the user-ID question ("klaus.bergmann@…, thanks"): taken, Klaus gets the link',
        lang: 'en',
        steps: [
            { say: 'hi' },
            { say: 'reset my portal password', expect: [en.askUserId] },
            { say: `${KLAUS}, thanks`, expect: [en.resetRequested], absent: [en.askUserIdRetry] }
        ],
        outcome: { resetTo: KLAUS, noHandoff: true }
    },
    {
        name: 'eine Benutzer-ID im E-Mail-Format mit Dank davor („danke, klaus.bergmann@…“): übernommen, Klaus bekommt den Link',
        lang: 'de',
        steps: [
            { say: 'hallo' },
            { say: 'Portal-Kennwort zurücksetzen', expect: [de.askUserId] },
            { say: `danke, ${KLAUS}`, expect: [de.resetRequested], absent: [de.askUserIdRetry] }
        ],
        outcome: { resetTo: KLAUS, noHandoff: true }
    }
];

describe('User IDs and references in customers\' own words (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }

    it('[en] "I don\'t have it" at the reference question: on without it; once verified, Sarah\'s own request is listed', async () => {
        const harness = harnessOf();
        await play(
            harness,
            harness.conversation(localeOf('en')),
            [
                { say: 'hi' },
                { say: 'please make tom the billing contact, peter is leaving the company', expect: [en.askEmail] },
                { say: SARAH },
                { say: CODE, expect: [/New billing contact: Tom Hughes/] },
                { say: 'yes', expect: [en.filed] }
            ],
            SARAH
        );
        await play(
            harness,
            harness.conversation(localeOf('en')),
            [
                { say: 'hi' },
                { say: "what's the status of my change request?", expect: [ASK_REFERENCE.en] },
                { say: "I don't have it", expect: [WITHOUT_IT.en, en.askEmail], absent: [ASK_REFERENCE.en] },
                { say: SARAH },
                { say: CODE, expect: [en.verified, /Tom Hughes/], absent: [ASK_REFERENCE.en] }
            ],
            SARAH
        );
    });

    it('[de] „hab ich nicht“ bei der Frage nach der Referenz: weiter ohne sie; nach der Bestätigung steht Jonas’ eigener Antrag da', async () => {
        const harness = harnessOf();
        await play(
            harness,
            harness.conversation(localeOf('de')),
            [
                { say: 'hallo' },
                { say: 'die anna geht in rente, bitte lea fischer als rechnungskontakt eintragen', expect: [de.askEmail] },
                { say: JONAS },
                { say: CODE, expect: [de.summary] },
                { say: 'ja', expect: [de.filed] }
            ],
            JONAS
        );
        await play(
            harness,
            harness.conversation(localeOf('de')),
            [
                { say: 'hallo' },
                { say: 'wie ist der Stand meines Änderungsantrags?', expect: [ASK_REFERENCE.de] },
                { say: 'hab ich nicht', expect: [WITHOUT_IT.de, de.askEmail], absent: [ASK_REFERENCE.de] },
                { say: JONAS },
                { say: CODE, expect: [de.verified, /Lea Fischer/], absent: [ASK_REFERENCE.de] }
            ],
            JONAS
        );
    });
});
