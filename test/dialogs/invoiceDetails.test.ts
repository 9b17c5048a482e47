import { useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { JONAS } from '../helpers/demoPeople';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import type { Lang } from '../../core/language';

/**
 * What an invoice shows or where it is sent (address, company name, VAT ID, email) is no billing contact: the
 * bot says it cannot change that, that customer service can, what it can do (have the billing contact changed
 * when the invoices should go to another person) and offers a person. It never starts the change of the billing
 * contact or the email to the billing administrator for it. None of these phrasings is in the bot's lists.
 */
const DETAILS = {
    en: {
        say: [
            'can I get my invoice sent to a different email',
            'the invoice shows the wrong company name',
            'our VAT number on the invoice is wrong',
            'please update the address on our invoices, we moved',
            'the bill has an outdated street address',
            'I need the invoices to go to another email address',
            'change the billing address please',
            'our purchase order number is missing on the invoice'
        ],
        answer: /What your invoices show and where they are sent .* I can't change here; customer service can\..*Would you like to talk to a person\?/,
        person: 'Talk to a person',
        change: 'Change the billing contact',
        stillChange: ['Someone else should get the invoices from now on', 'please make my colleague the billing contact, the invoices should go to her']
    },
    de: {
        say: [
            'auf meiner rechnung steht die falsche adresse',
            'Die Rechnung soll an eine andere E-Mail-Adresse gehen',
            'auf der rechnung ist der firmenname falsch',
            'wir sind umgezogen, bitte die rechnungsanschrift ändern',
            'Unsere USt-IdNr. auf der Rechnung stimmt nicht',
            'rechnungsadresse aendern',
            'können Sie die Rechnung an eine andere Mailadresse schicken',
            'unsere USt-IdNr. fehlt auf der Rechnung'
        ],
        answer: /Was auf Ihren Rechnungen steht und wohin sie gehen .* kann ich hier nicht ändern; das übernimmt der Kundendienst\..*Möchten Sie mit einem Mitarbeiter sprechen\?/,
        person: 'Mit einem Mitarbeiter sprechen',
        change: 'Abrechnungskontakt ändern',
        stillChange: ['Jemand anderes soll ab jetzt die Rechnungen bekommen', 'die rechnungen soll künftig meine kollegin bekommen, bitte den abrechnungskontakt ändern']
    }
} as const;

const IN_TASK = { de: /kann ich hier nicht ändern; das übernimmt der Kundendienst: Schreiben Sie einfach „Mitarbeiter“/ };

const TASK_STARTED = [PHRASES.en.askEmail, PHRASES.de.askEmail, TASK_PHRASES.en.changeIntro, TASK_PHRASES.de.changeIntro, PHRASES.en.askMessage, PHRASES.de.askMessage];

const ROWS: readonly ConversationRow[] = [
    {
        name: 'verified Jonas reports a wrong address on the invoice at the offer, then at "anything else?", and takes the offer of a person',
        lang: 'de', email: JONAS,
        steps: [{ say: 'wer ist unser abrechnungskontakt?' }, { say: JONAS }, { say: CODE, expect: [PHRASES.de.offerEmail] },
            { say: 'auf meiner rechnung steht die falsche adresse', expect: [IN_TASK.de, PHRASES.de.offerEmail], absent: [PHRASES.de.askMessage, TASK_PHRASES.de.changeIntro] },
            { say: 'nein danke', expect: [PHRASES.de.anythingElse] },
            { say: 'auf meiner rechnung steht die falsche adresse', expect: [DETAILS.de.answer], absent: [PHRASES.de.askMessage, TASK_PHRASES.de.changeIntro] },
            // Nobody online in the harness: the matter is asked without "Ich verbinde Sie".
            { say: 'ja bitte', expect: [/Worum geht es\? Beschreiben Sie Ihr Anliegen/], absent: [/Ich verbinde Sie/, PHRASES.de.askMessage, TASK_PHRASES.de.changeIntro] }],
        outcome: { noRequest: 'ACC-1001', noMailTo: 'anna.mueller@mueller-design.example' }
    }
];

describe('Invoice details are no change of the billing contact', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES as readonly Lang[]) {
        const d = DETAILS[lang];
        it(`[${lang}] a wrong address, company name, VAT ID or email on the invoice gets what the bot can do and a person`, async () => {
            const harness = harnessOf();
            for (const say of d.say) {
                const convo = harness.conversation(localeOf(lang));
                await convo.start();
                await play(harness, convo, [{ say, expect: [d.answer], absent: TASK_STARTED, buttons: [d.person, d.change] }]);
            }
        });

        it(`[${lang}] invoices that should go to another person still start the change of the billing contact`, async () => {
            const harness = harnessOf();
            for (const say of d.stillChange) {
                const convo = harness.conversation(localeOf(lang));
                await convo.start();
                await play(harness, convo, [{ say, expect: [PHRASES[lang].askEmail], absent: [d.answer] }]);
            }
        });
    }

    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harnessOf(), row));
    }
});
