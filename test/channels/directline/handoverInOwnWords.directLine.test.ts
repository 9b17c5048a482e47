import { botSaysAfter, firstMessageAnswered, useDirectLineChats } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { TASK_PHRASES } from '../../helpers/taskPhrases';
import { KLAUS, PETER } from '../../helpers/demoPeople';

/**
 * A handover from a date on, said as people say it: the verb before the name and the work after it ("ab dem 1. Mai
 * macht Eva die Abrechnung"), or after a sentence about the writer's leave ("I'm on parental leave from May, Sarah will
 * handle billing"). Before, the German one was read as an objection to a request ("Ich finde keinen offenen
 * Änderungsantrag …"), the English one as the question how a request stands (asked for its reference): the change lost.
 * Through botframework-directlinejs against the started server, as Web Chat sends it.
 */
describe('A handover in the customer\'s own words starts the change (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[de] "ab dem 1. Mai macht Eva die Abrechnung" asks whom Eva replaces', async () => {
        await firstMessageAnswered(chats, 'de', 'ab dem 1. Mai macht Eva die Abrechnung', KLAUS, /Wen soll Eva Schulz als Abrechnungskontakt ersetzen\?/, /keinen offenen Änderungsantrag/);
    });

    it('[en] "I\'m on parental leave from May, Sarah will handle billing" is filed for Sarah after a yes', async () => {
        const chat = await firstMessageAnswered(chats, 'en', "I'm on parental leave from May, Sarah will handle billing", PETER, /New billing contact: Sarah Lee/, /Which request do you mean\?/);
        await botSaysAfter(chat, 0, TASK_PHRASES.en.summary);
        const yes = chat.all.length;
        await chat.say('yes', localeOf('en'));
        await botSaysAfter(chat, yes, TASK_PHRASES.en.filed);
    });

    it('[en] a handover told with a question after it stays the question how the request stands', async () => {
        await firstMessageAnswered(chats, 'en', 'From May on Sarah handles billing, I filed that request in April. Has it been approved yet?', undefined, /Which request do you mean\?/, /New billing contact/);
    });
});
