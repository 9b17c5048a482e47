import { botSaysAfter, firstMessageAnswered, useDirectLineChats } from '../../helpers/directLineChats';
import { CHRIS, KLAUS } from '../../helpers/demoPeople';

/**
 * A new person's name, address and start date given with the request, as people write them: the name ends at the comma
 * before the address ("Jane Doe, jane.doe@…, effective July 1" was filed as "Jane Doe Effective July"); a name written
 * out is no reason ("Grund: Herr Dieter Krause" was taken from the message); a date alone is no reason either, it goes
 * with the reason given ("Reason: Effective July 1; I'm leaving the firm"). Through botframework-directlinejs against
 * the started server, as Web Chat sends it.
 */
describe('A new person named with address and date in the request is filed as written (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] "… to my colleague Jane Doe, jane.doe@…, effective July 1 since I\'m leaving the firm": name and reason as written', async () => {
        const text = "I need to change the billing contact for Taylor Consulting to my colleague Jane Doe, jane.doe@taylor-consulting.example, effective July 1 since I'm leaving the firm";
        const chat = await firstMessageAnswered(chats, 'en', text, CHRIS, /New billing contact: Jane Doe \(jane\.doe@taylor-consulting\.example\)/, /Effective July \(/);
        await botSaysAfter(chat, 0, /Reason: I'm leaving the firm \(effective July 1\)/);
    });

    it('[de] "…: Herr Dieter Krause, d.krause@…, ab 01.04." asks the reason instead of taking the name for it', async () => {
        const text = 'Bitte tragen Sie statt Maria Bergmann unseren neuen Buchhalter als Rechnungskontakt ein: Herr Dieter Krause, d.krause@bergmann-soehne.example, ab 01.04.';
        await firstMessageAnswered(chats, 'de', text, KLAUS, /Warum soll Dieter Krause Abrechnungskontakt werden\?/, /Grund: Herr Dieter Krause/);
    });
});
