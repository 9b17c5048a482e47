import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE } from '../helpers/script';
import { JONAS, ANNA, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const en = PHRASES.en;
const de = PHRASES.de;
const BYE = { en: /Goodbye|goodbye/, de: /Auf Wiedersehen/ };
const DROP = { en: /Shall I drop it and end here\?/, de: /Soll ich ihn verwerfen und das Gespräch beenden\?/ };
const NOT_EMAIL = { en: /doesn't look like an email address/, de: /sieht nicht nach einer E-Mail-Adresse aus/ };

/**
 * Issue 12: a message that ends on a goodbye after an acknowledgement or a never-mind closes the conversation
 * with one friendly line, at any question of a task (asked first where a task would be lost, as at the mail's
 * text): its "alles klar" is no yes, its words are no address and no mail.
 */
const ROWS: readonly ConversationRow[] = [
    // 1. An acknowledgement, thanks and a goodbye at a yes/no offer.
    {
        name: '„alles klar, danke dir. bis dann“ bei „Soll ich prüfen …?“: keine Prüfung, ein Abschied',
        lang: 'de',
        steps: [
            { say: 'wie bezahle ich eine rechnung online?', expect: [/Soll ich prüfen, ob Sie Abrechnungskontakt sind/] },
            { say: 'alles klar, danke dir. bis dann', expect: [BYE.de], absent: [de.askEmail, DROP.de] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"ok cool, thank you so much. see you" at "Shall I check …?": nothing checked, a goodbye',
        lang: 'en',
        steps: [
            { say: 'how do i pay an invoice online?', expect: [/Shall I check whether you are a billing contact/] },
            { say: 'ok cool, thank you so much. see you', expect: [BYE.en], absent: [en.askEmail, DROP.en] }
        ],
        outcome: { noHandoff: true }
    },
    // 2. A never-mind and a goodbye at the email-address question.
    {
        name: '"nah forget it, bye" at the email-address question: no "doesn\'t look like an email address", a goodbye',
        lang: 'en',
        steps: [
            { say: 'who is our billing contact', expect: [en.askEmail] },
            { say: 'nah forget it, bye', expect: [BYE.en], absent: [NOT_EMAIL.en, DROP.en] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„ach lass mal, bis dann“ bei der Frage nach der E-Mail-Adresse: kein „sieht nicht nach einer E-Mail-Adresse aus“, ein Abschied',
        lang: 'de',
        steps: [
            { say: 'wer ist unser abrechnungskontakt?', expect: [de.askEmail] },
            { say: 'ach lass mal, bis dann', expect: [BYE.de], absent: [NOT_EMAIL.de, DROP.de] }
        ],
        outcome: { noHandoff: true }
    },
    // 3. A never-mind, a sentence of one's own and a goodbye at the mail's text.
    {
        name: '"actually never mind, I\'ll just call him. bye" at the mail\'s text: no mail, asked first, then a goodbye',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'who is our billing contact' }, { say: SARAH }, { say: CODE, expect: [en.offerEmail] },
            { say: 'yes', expect: [en.askMessage] },
            { say: "actually never mind, I'll just call him. bye", expect: [DROP.en], absent: [en.preview, en.confirm] },
            { say: 'yes', expect: [BYE.en], absent: [en.sent] }
        ],
        outcome: { noMailTo: PETER, noHandoff: true }
    },
    {
        name: '„ach, vergessen Sie es, ich rufe sie einfach an. bis dann“ beim Text der Mail: keine Mail, erst die Frage, dann ein Abschied',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'wer ist unser abrechnungskontakt?' }, { say: JONAS }, { say: CODE, expect: [de.offerEmail] },
            { say: 'ja bitte', expect: [de.askMessage] },
            { say: 'ach, vergessen Sie es, ich rufe sie einfach an. bis dann', expect: [DROP.de], absent: [de.preview, de.confirm] },
            { say: 'ja', expect: [BYE.de], absent: [de.sent] }
        ],
        outcome: { noMailTo: ANNA, noHandoff: true }
    }
];

describe('Leaving at a question in customers\' own words (issue 12): an acknowledgement or a never-mind, then a goodbye', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harnessOf(), row);
        });
    }
});
