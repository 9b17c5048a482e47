import { botSaysAfter, verifiedChat, useDirectLineChats } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { PHRASES } from '../../helpers/phrases';
import { LEA } from '../../helpers/demoPeople';

const OFFER = /Soll ich Anna Müller für Sie eine E-Mail schreiben/;

/**
 * At the offer to write to the billing contact, the person asks whether they can send a message, and may say what it is
 * about in the same message ("kann ich der person ne nachricht schicken? es geht darum dass …"): that chooses the mail.
 * Before, the bot answered that it could not answer that question here (and asked the offer again), and the short
 * question alone only had the offer asked again. Through botframework-directlinejs against the started server.
 */
describe('Asking to send a message at the offer to write chooses the mail (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[de] "kann ich der person ne nachricht schicken? es geht darum dass …": the mail with what it is about', async () => {
        const chat = await verifiedChat(chats, 'de', LEA, OFFER);
        const offer = chat.all.length;
        await chat.say('kann ich der person ne nachricht schicken? es geht darum dass wir 3 zusätzliche lizenzen brauchen fürs neue team ab april', localeOf('de'));
        await botSaysAfter(chat, offer, PHRASES.de.preview);
        await botSaysAfter(chat, offer, /dass wir 3 zusätzliche lizenzen brauchen fürs neue team ab april/);
    });

    it('[de] "kann ich der person ne nachricht schicken?" alone asks what to write', async () => {
        const chat = await verifiedChat(chats, 'de', LEA, OFFER);
        const offer = chat.all.length;
        await chat.say('kann ich der person ne nachricht schicken?', localeOf('de'));
        await botSaysAfter(chat, offer, /Was soll ich Anna Müller ausrichten\?/);
    });
});
