import { firstMessageAnswered, useDirectLineChats } from '../../helpers/directLineChats';
import { JONAS } from '../../helpers/demoPeople';

const EN_STORY =
    'Hi, so our finance lady left the company last month and nobody knows what is going on with the invoices anymore. We got a reminder yesterday. ' +
    'can you just tell me who the billing contact is right now so I can sort this out';
const DE_STORY =
    'Hallo, unsere Buchhalterin hat letzten Monat das Unternehmen verlassen und keiner weiß mehr, was mit den Rechnungen los ist. Gestern kam eine Mahnung. ' +
    'Können Sie mir einfach sagen, wer im Moment der Abrechnungskontakt ist, damit ich das klären kann';

/**
 * A long story of a billing person who left, ending in the question who the billing contact is now: the question is
 * answered (Anna Müller, with the offers to write to her or to change the contact), not taken for the change. Before,
 * the English question ("… right now so I can sort this out") was read as no request and the story's leaving won: the
 * bot asked who should become the billing contact. Through botframework-directlinejs against the started server.
 */
describe('Who the billing contact is, asked at the end of a long story, is answered (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] the finance lady left … "can you just tell me who the billing contact is right now": Anna Müller is named', async () => {
        await firstMessageAnswered(chats, 'en', EN_STORY, JONAS, /Your billing administrator is Anna Müller/, /Who should become the billing contact|I'll file the request with LogMeIn/);
    });

    it('[de] the same story in German: Anna Müller is named', async () => {
        await firstMessageAnswered(chats, 'de', DE_STORY, JONAS, /Anna Müller/, /Wer soll Abrechnungskontakt .* werden\?|Ich stelle den Antrag für Sie/);
    });
});
