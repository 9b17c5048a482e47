import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';

const de = { p: PHRASES.de, h: HANDOFF_PHRASES.de };
const en = { p: PHRASES.en, h: HANDOFF_PHRASES.en };

/**
 * A customer asked for a person and is asked what it is about: the sentence they write is the description for the
 * agent, even when it names a billing contact, an invoice or the portal. The bot does not start a task of its own
 * (no "Which email address do you use …?") and the conversation waits for customer service.
 */
const ROWS: readonly ConversationRow[] = [
    {
        name: '"Die Rechnungsadresse ist falsch, Firma heisst jetzt …" nach der Bitte um einen Menschen: in die Warteschlange',
        lang: 'de',
        steps: [
            { say: 'hallo', expect: [de.p.menu] },
            { say: 'kann ich bitte mit einem menschen sprechen', expect: [de.h.askDescription] },
            { say: 'Die Rechnungsadresse ist falsch, Firma heisst jetzt Müller Design GmbH & Co. KG', expect: [de.h.queuedNext], absent: [de.p.askEmail] }
        ],
        outcome: { handoff: { description: /Rechnungsadresse ist falsch/ } }
    },
    {
        name: 'als erste Nachricht "kann ich bitte mit einem menschen sprechen", dann "Die Rechnungsadresse ist falsch, …": in die Warteschlange',
        lang: 'de',
        steps: [
            { say: 'kann ich bitte mit einem menschen sprechen', expect: [de.h.askDescription] },
            { say: 'Die Rechnungsadresse ist falsch, Firma heisst jetzt Müller Design GmbH & Co. KG', expect: [de.h.queuedNext], absent: [de.p.askEmail] }
        ],
        outcome: { handoff: { description: /Rechnungsadresse ist falsch/ } }
    },
    {
        name: '"unser abrechnungskontakt ist nicht mehr bei uns und keiner kommt ins portal" als Anliegen: in die Warteschlange',
        lang: 'de',
        steps: [
            { say: 'hi', expect: [de.p.menu] },
            { say: 'mitarbeiter bitte', expect: [de.h.askDescription] },
            { say: 'unser abrechnungskontakt ist nicht mehr bei uns und keiner kommt ins portal', expect: [de.h.queuedNext], absent: [de.p.askEmail] }
        ],
        outcome: { handoff: { description: /abrechnungskontakt ist nicht mehr/ } }
    },
    {
        name: '"Die Kontaktdaten sind falsch, wir wollen den Abrechnungskontakt ändern" als Anliegen: in die Warteschlange, keine Änderung durch den Bot',
        lang: 'de',
        steps: [
            { say: 'guten tag', expect: [de.p.menu] },
            { say: 'ich will einen mitarbeiter', expect: [de.h.askDescription] },
            { say: 'Die Kontaktdaten sind falsch, wir wollen den Abrechnungskontakt ändern', expect: [de.h.queuedNext], absent: [de.p.askEmail] }
        ],
        outcome: { handoff: { description: /Kontaktdaten sind falsch/ } }
    },
    {
        name: '"Mein Kennwort fürs Portal ist falsch, bitte zurücksetzen" als Anliegen: in die Warteschlange',
        lang: 'de',
        steps: [
            { say: 'hallo', expect: [de.p.menu] },
            { say: 'mit einem menschen sprechen bitte', expect: [de.h.askDescription] },
            { say: 'Mein Kennwort fürs Portal ist falsch, bitte zurücksetzen', expect: [de.h.queuedNext] }
        ],
        outcome: { handoff: { description: /Kennwort fürs Portal ist falsch/ } }
    },
    {
        name: '"the billing contact on our account is wrong, it should be Sarah now" as the matter: queued',
        lang: 'en',
        steps: [
            { say: 'hi', expect: [en.p.menu] },
            { say: 'i want to talk to a human', expect: [en.h.askDescription] },
            { say: 'the billing contact on our account is wrong, it should be Sarah now', expect: [en.h.queuedNext], absent: [en.p.askEmail] }
        ],
        outcome: { handoff: { description: /billing contact on our account is wrong/ } }
    },
    {
        name: '"the invoice address is wrong, our company name changed last month" as the matter: queued',
        lang: 'en',
        steps: [
            { say: 'hello', expect: [en.p.menu] },
            { say: 'can i speak to a person', expect: [en.h.askDescription] },
            { say: 'the invoice address is wrong, our company name changed last month', expect: [en.h.queuedNext], absent: [en.p.askEmail] }
        ],
        outcome: { handoff: { description: /invoice address is wrong/ } }
    }
];

describe('What it is about, after asking for a person: the description, never a task of the bot', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await harness().agentOnline('erika');
            await harness().agentOnline('john');
            await playRow(harness(), row);
        });
    }
});
