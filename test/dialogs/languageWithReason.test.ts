import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';

/**
 * Issue 12: a request for the other language with why ("… my english is not so good"): one switch and the menu; the
 * language named in the reason asks for no second switch, and the reason is no question the bot failed to understand.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„können wir auf englisch weitermachen? mein deutsch ist nicht so gut“: English, and the menu, no "didn\'t get that"',
        lang: 'de',
        steps: [
            {
                say: 'können wir auf englisch weitermachen? mein deutsch ist nicht so gut',
                expect: [/What can I do for you\?/],
                absent: [/didn't quite get that/, /Deutsch weiter/]
            },
            { say: 'who is my billing contact', expect: [/Which email address do you use/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"can we continue in german please? my english is not so good": German, and it stays German',
        lang: 'en',
        steps: [
            {
                say: 'can we continue in german please? my english is not so good',
                expect: [/Was kann ich für Sie tun\?/],
                absent: [/continue in English/, /What can I do/]
            },
            { say: 'wer ist mein abrechnungskontakt', expect: [/Mit welcher E-Mail-Adresse/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        // The request for the language in one clause, the reason naming the other language in the next.
        name: '„Bitte auf Englisch, mein Deutsch ist nicht so gut.“: English, no "didn\'t get that"',
        lang: 'de',
        steps: [
            { say: 'Bitte auf Englisch, mein Deutsch ist nicht so gut.', expect: [/What can I do for you\?/], absent: [/nicht ganz verstanden/, /didn't quite get that/] },
            { say: 'who is my billing contact', expect: [/Which email address do you use/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"English please, I don\'t understand German well": English, not the help text',
        lang: 'de',
        steps: [{ say: "English please, I don't understand German well", expect: [/What can I do for you\?/], absent: [/Ich kann Ihnen/, /I can help you with/] }],
        outcome: { noHandoff: true }
    },
    {
        // The rest of the message is read in the language asked for: English words that ask nothing stay nothing in German.
        name: '"can we continue in German? my colleague is reading along": German, not who the billing contact is',
        lang: 'en',
        steps: [{ say: 'can we continue in German? my colleague is reading along', expect: [/Was kann ich für Sie tun\?/], absent: [/Mit welcher E-Mail-Adresse/, /Which email address do you use/] }],
        outcome: { noHandoff: true }
    }
];

describe('A request for the other language with the reason why (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});
