import * as assert from 'assert';
import { botTextsSince, firstMessageAnswered, useDirectLineChats } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { JONAS, LEA } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

/** A first message that tells someone named in lower case what to do, who answers the code, and the line the mail passes on. */
const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly text: string; readonly who: string; readonly line: RegExp; readonly wasRead: RegExp }> = [
    { lang: 'en', text: 'can you tell anna to send me the invoice pdf', who: JONAS, line: /\n\s*Please send me the invoice pdf\.\n/, wasRead: /invoices? (history|you can see)|didn't quite get that/ },
    { lang: 'de', text: 'sag der anna sie soll mir die rechnung als pdf schicken', who: LEA, line: /\n\s*Bitte mir die rechnung als pdf schicken\.\n/, wasRead: /frühere Rechnungen|nicht verstanden/ }
];

/**
 * "can you tell anna to send me the invoice pdf", "sag der anna sie soll …": a name typed in lower case after a verb of
 * telling (an article between, as spoken German has it) is the person to write to, when what they are asked to do
 * follows (`emailAdmin:clauseMarkers.request`: "to", "sie soll"). Before, the English one was the help article on past
 * invoices (or, after "yo can u", not understood), the German one the same article. Found in an exploratory pass;
 * through botframework-directlinejs against the started server.
 */
describe('Telling someone named in lower case what to do (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.text}" drafts the mail with what they are asked to do`, async () => {
            const chat = await firstMessageAnswered(chats, row.lang, row.text, row.who, PHRASES[row.lang].preview, row.wasRead);
            assert.match(botTextsSince(chat, 0), row.line);
        });
    }
});
