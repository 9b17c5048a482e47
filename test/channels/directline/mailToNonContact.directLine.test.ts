import { botSaysAfter, firstMessageAnswered, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { LEA, TOM } from '../../helpers/demoPeople';

/**
 * Asked to pass a message to a colleague who is no billing contact ("can you ask Sarah whether …"), the bot can only
 * write to the billing contact, and says so before it shows the mail to them. Before, it drafted the mail to the billing
 * contact without a word, and the person could send it believing Sarah would read it. Through botframework-directlinejs
 * against the started server, as Web Chat sends it.
 */
describe('A mail asked for a colleague who is no billing contact says whom it goes to (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] "can you ask Sarah whether …" (Sarah is an admin, Peter the billing contact) says it can only write to Peter', async () => {
        const chat = await firstMessageAnswered(chats, 'en', 'can you ask Sarah whether she can add 3 seats for us', TOM, /I can only send this email to the account's billing contact \(Peter Brooks\), not to Sarah Lee\./, /not to Peter Brooks/);
        await botSaysAfter(chat, 0, /This is the email to Peter Brooks/);
    });

    it('[de] "Können Sie Jonas fragen, ob …" says it can only write to Anna', async () => {
        const chat = await firstMessageAnswered(chats, 'de', 'Können Sie Jonas fragen, ob er uns 3 Lizenzen hinzufügen kann?', LEA, /nur an den Abrechnungskontakt des Kontos senden \(Anna Müller\), nicht an Jonas Weber\./, /nicht an Anna Müller/);
        await botSaysAfter(chat, 0, PHRASES.de.preview);
    });

    it('[en] a colleague named in the message itself ("email Peter that Sarah needs …") is no one the mail was meant for', async () => {
        await firstMessageAnswered(chats, 'en', 'please email Peter that Sarah needs access to the invoices', TOM, PHRASES.en.preview, /I can only send this email/);
    });
});
