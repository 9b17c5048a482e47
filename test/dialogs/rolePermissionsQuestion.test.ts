import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';

const en = PHRASES.en;
const de = PHRASES.de;

/**
 * Issue 12: what a billing contact may do is a question the article answers for everyone: no verification is asked for
 * it; a question about oneself ("am I …") still is.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"What exactly can a billing contact do that an admin can\'t?" is answered from the article, no email asked',
        lang: 'en',
        steps: [
            {
                say: "What exactly can a billing contact do that an admin can't?",
                expect: [/change the account's subscription plan/, /only see the billing contact's name and email address/, /anything else/],
                absent: [en.askEmail]
            },
            { say: 'and am I the billing contact?', expect: [en.askEmail] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„Was darf ein Abrechnungskontakt eigentlich alles?“ wird aus dem Artikel beantwortet, ohne Anmeldung',
        lang: 'de',
        steps: [{ say: 'Was darf ein Abrechnungskontakt eigentlich alles?', expect: [/Abonnementplan des Kontos/, /sonst noch etwas/], absent: [de.askEmail] }],
        outcome: { noHandoff: true }
    },
    {
        name: '„was kann der abrechnungskontakt machen?“ klein geschrieben, ebenso',
        lang: 'de',
        steps: [{ say: 'was kann der abrechnungskontakt machen?', expect: [/Abonnementplan des Kontos/], absent: [de.askEmail] }],
        outcome: { noHandoff: true }
    }
];

describe('What a billing contact may do, asked in general (issue 12)', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});
