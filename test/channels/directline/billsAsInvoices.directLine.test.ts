import { botSaysAfter, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { PETER } from '../../helpers/demoPeople';

/**
 * "Bills" name the invoices of the role as "invoices" do (`main:roleWords`): "is it me who receives the bills?" asks
 * whether the writer is the billing contact, answered after the code. Before, nothing was understood ("Sorry, I didn't
 * quite get that"). Through botframework-directlinejs against the started server.
 */
describe('"Who receives the bills" is the role question (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[en] "is it me who receives the bills?" is answered with the role after the code', async () => {
        const chat = await chats.chatOn('en');
        const from = chat.all.length;
        await chat.say('is it me who receives the bills?', localeOf('en'));
        await verifyAs(chats, chat, 'en', PETER);
        await botSaysAfter(chat, from, /You are a billing contact of your corporate account Northwind Traders Ltd/);
    });
});
