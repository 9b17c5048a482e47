import { botSaysAfter, firstMessageAnswered, useDirectLineChats } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import { TASK_PHRASES } from '../../helpers/taskPhrases';
import { KLAUS } from '../../helpers/demoPeople';

/**
 * One of two billing contacts (Klaus Bergmann; Maria Bergmann is the other) giving the role up: the writer goes and
 * the other stays, as "remove Klaus, Maria stays" says, and a successor named takes the writer's place. Before, "bitte
 * tragen Sie mich aus" was asked who should become the billing contact (a successor, as if none stayed), a successor
 * was asked whom they replace, and a reason asked again (after a bare "yes") asked why Maria should become one. Through
 * botframework-directlinejs against the started server, as Web Chat sends it.
 */
describe('A billing contact of two who steps down is removed, the other stays (Direct Line)', () => {
    const chats = useDirectLineChats();

    it('[de] "Ich bin nicht mehr für die Abrechnung zuständig, bitte tragen Sie mich aus" asks why Klaus should go', async () => {
        await firstMessageAnswered(chats, 'de', 'Ich bin nicht mehr für die Abrechnung zuständig, bitte tragen Sie mich aus', KLAUS, /Warum soll Klaus Bergmann nicht mehr Abrechnungskontakt sein\?/, /Wer soll Abrechnungskontakt von/);
    });

    it('[en] "please take me off", a bare yes for the reason, then the reason: filed with Maria staying', async () => {
        const chat = await firstMessageAnswered(chats, 'en', "I'm no longer responsible for billing, please take me off", KLAUS, /Why should Klaus Bergmann no longer be a billing contact\?/, /Who should become the billing contact/);
        const yes = chat.all.length;
        await chat.say('yes', localeOf('en'));
        await botSaysAfter(chat, yes, /I still need the reason itself, in a short sentence: why should Klaus Bergmann no longer be a billing contact\?/);
        const reason = chat.all.length;
        await chat.say('I moved to the sales team', localeOf('en'));
        await botSaysAfter(chat, reason, /Maria Bergmann stays as the only billing contact/);
        await botSaysAfter(chat, reason, TASK_PHRASES.en.summary);
        const confirm = chat.all.length;
        await chat.say('yes', localeOf('en'));
        await botSaysAfter(chat, confirm, TASK_PHRASES.en.filed);
    });

    it('[de] a successor named by the one who steps down replaces them, not asked whom', async () => {
        await firstMessageAnswered(chats, 'de', 'Ich bin nicht mehr für die Abrechnung zuständig, ab sofort macht Eva Schulz das', KLAUS, /Warum soll Eva Schulz Abrechnungskontakt werden\?/, /Wen soll Eva Schulz als Abrechnungskontakt ersetzen\?/);
    });
});
