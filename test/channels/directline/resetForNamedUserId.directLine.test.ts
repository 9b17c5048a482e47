import { firstMessageAnswered, useDirectLineChats } from '../../helpers/directLineChats';
import { KLAUS, PETER } from '../../helpers/demoPeople';

/**
 * A portal reset asked for a user ID in email format written in the request ("reset the portal password for
 * buchhaltung@…"): the link is asked for that user ID. Before, a verified billing contact got the link for their own
 * user ID instead ("I'll use your billing-contact user ID klaus.bergmann@…"), and a person not verified was asked for
 * the user ID they had just given. The person's own address is no such user ID: a verified billing contact's user ID on
 * file is used for it, and one given as "my email is …" has the user ID asked. Through botframework-directlinejs against the started server, as Web Chat sends it.
 */
describe('A portal reset asked for a user ID written in the request uses it (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] "who are our billing contacts and can you reset the portal password for buchhaltung@…" from Klaus: not his own ID', async () => {
        await firstMessageAnswered(
            chats,
            'en',
            'who are our billing contacts and can you reset the portal password for buchhaltung@bergmann-soehne.example',
            KLAUS,
            /If this is the user ID of a billing contact, I've asked the portal to send a password reset link/,
            /I'll use your billing-contact user ID/
        );
    });

    it('[de] "Bitte Passwort fürs Billing-Portal zurücksetzen für unsere Buchhaltung (buchhaltung@…)": not asked for the ID', async () => {
        await firstMessageAnswered(
            chats,
            'de',
            'Bitte Passwort fürs Billing-Portal zurücksetzen für unsere Buchhaltung (buchhaltung@bergmann-soehne.example)',
            undefined,
            /Wenn dies die Benutzer-ID eines Abrechnungskontakts ist, habe ich das Portal gebeten/,
            /Bitte geben Sie die Benutzer-ID des Abrechnungskontakts ein/
        );
    });

    it('[en] the verified billing contact\'s own address named for the reset: his user ID on file (pbrooks)', async () => {
        await firstMessageAnswered(
            chats,
            'en',
            'who is my billing contact and can you reset the portal password for peter.brooks@northwind.example',
            PETER,
            /I'll use your billing-contact user ID pbrooks\./,
            /If this is the user ID of a billing contact/
        );
    });

    it('[en] an address given as the person\'s own ("my email is …") is no user ID: the user ID is asked', async () => {
        await firstMessageAnswered(chats, 'en', 'I need to reset my portal password, my email is peter.brooks@northwind.example', undefined, /Please type the user ID of the billing-contact account/, /If this is the user ID of a billing contact/);
    });
});
