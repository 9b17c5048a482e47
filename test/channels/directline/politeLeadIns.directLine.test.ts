import { firstMessageAnswered, useDirectLineChats } from '../../helpers/directLineChats';
import { TASK_PHRASES } from '../../helpers/taskPhrases';
import { SARAH } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

/** A first message after a polite lead-in, who answers the code (when asked), what the bot then says, and what it said before. */
const ROWS: ReadonlyArray<{ readonly lang: Lang; readonly text: string; readonly who?: string; readonly answer: RegExp; readonly wasRead: RegExp }> = [
    { lang: 'de', text: 'Könnten Sie bitte mein Passwort zurücksetzen', answer: TASK_PHRASES.de.resetIntro, wasRead: /nicht verstanden/ },
    { lang: 'de', text: 'Ich möchte Sie bitten, mein Passwort zurückzusetzen', answer: TASK_PHRASES.de.resetIntro, wasRead: /E-Mail an|Welche E-Mail-Adresse/ },
    { lang: 'en', text: 'I would like to ask you to remove Peter as billing contact', who: SARAH, answer: /Who should become the billing contact of Northwind Traders Ltd/, wasRead: /What should I write|Here's the email/ }
];

/**
 * A request after a polite lead-in (`main:politeLeadIns.heard`: "Könnten Sie bitte …", "Ich möchte Sie bitten, …", "I
 * would like to ask you to …") is the request. Before, "Könnten Sie bitte mein Passwort zurücksetzen" was not
 * understood, and a plea to the bot itself ("Ich möchte Sie bitten, …", "ask you to") was read as a mail to the billing
 * contact, since such mails ask someone in the same words. Through botframework-directlinejs against the started server.
 */
describe('A request after a polite lead-in (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const row of ROWS) {
        it(`[${row.lang}] "${row.text}" is the request after the lead-in`, async () => {
            await firstMessageAnswered(chats, row.lang, row.text, row.who, row.answer, row.wasRead);
        });
    }
});
