import * as assert from 'assert';
import { botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { TOM } from '../../helpers/demoPeople';

/** First messages that ask about the role and say why in the same sentence, after "because". */
const ROWS: readonly string[] = ['hi, quick question, who handles the invoices at our company because we need one more license', 'am I the billing contact because I keep getting the invoices'];

/**
 * A question about the billing contact with its reason in the same sentence ("… because we need one more
 * license") is the question: the bot verifies and answers it. Before, the first message got "Sorry, I didn't
 * quite get that" (the reason pulled the classifier away; read whole, nothing was sure). Through
 * botframework-directlinejs against the started server, as Tom Hughes, a member of Northwind who is no billing contact.
 */
describe('A question about the role with its reason after "because" (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const text of ROWS) {
        it(`[en] "${text}"`, async () => {
            const p = PHRASES.en;
            const chat = await chats.chatOn('en');
            const from = chat.all.length;
            await chat.say(text, localeOf('en'));
            await verifyAs(chats, chat, 'en', TOM);
            assert.doesNotMatch(botTextsSince(chat, from), p.notUnderstood);
            await chat.botSays(p.caseB);
            assert.match(botTextsSince(chat, from), /Peter Brooks/);
        });
    }
});
