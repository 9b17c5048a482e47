import * as assert from 'assert';
import { ChangeRequestRepository } from '../../../data/repositories/changeRequestRepository';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs, type DirectLineChats } from '../../helpers/directLineChats';
import { SARAH } from '../../helpers/demoPeople';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

const WORDS: Readonly<Record<Lang, { readonly ask: string; readonly whoNew: RegExp; readonly askReason: RegExp; readonly reason: string; readonly confirm: RegExp; readonly yes: string; readonly filed: RegExp; readonly pending: (reference: string) => RegExp; readonly more: RegExp }>> = {
    en: {
        ask: 'please make tom hughes our billing contact',
        whoNew: /Who should become the billing contact of Northwind Traders Ltd/,
        askReason: /Why should Tom Hughes become the billing contact\?/,
        reason: 'Peter moves to another team',
        confirm: /Shall I file this request\?/,
        yes: 'yes',
        filed: /your request has the reference (BC-\d{4}-\d{6})/,
        more: /Is there anything else I can help you with\?/,
        pending: (reference) => new RegExp(`Request ${reference}, filed on .+, already asks for exactly this change \\(Tom Hughes as billing contact of Northwind Traders Ltd\\) and is still being handled, so I haven't filed it a second time`)
    },
    de: {
        ask: 'bitte tom hughes als abrechnungskontakt eintragen',
        whoNew: /Wer soll Abrechnungskontakt von Northwind Traders Ltd/,
        askReason: /Warum soll Tom Hughes Abrechnungskontakt werden\?/,
        reason: 'Peter wechselt in ein anderes Team',
        confirm: /Soll ich den Antrag stellen\?/,
        yes: 'ja',
        filed: /Ihr Antrag hat die Referenz (BC-\d{4}-\d{6})/,
        more: /Kann ich sonst noch etwas für Sie tun\?/,
        pending: (reference) => new RegExp(`Genau diese Änderung \\(Tom Hughes als Abrechnungskontakt von Northwind Traders Ltd\\) ist bereits mit dem Antrag ${reference} vom .+ beantragt und noch in Bearbeitung`)
    }
};

/** Sarah Lee, verified in a new chat, asks in `lang` for Tom Hughes as billing contact; the bot's messages after her code. */
async function sarahAsksForTom(chats: DirectLineChats, lang: Lang, then: RegExp): Promise<{ readonly chat: Awaited<ReturnType<DirectLineChats['chatOn']>>; readonly said: string }> {
    const chat = await chats.chatOn(lang);
    await chat.say(WORDS[lang].ask, localeOf(lang));
    const from = chat.all.length;
    await verifyAs(chats, chat, lang, SARAH);
    await botSaysAfter(chat, from, then);
    return { chat, said: botTextsSince(chat, from) };
}

/**
 * A change of billing contact asked for again while the same request (same account, same new contact, same place) is
 * still pending: the bot names the pending request and files none (before, a second request for the very same change was
 * filed beside it, with a note that it is "added to it"). Through botframework-directlinejs against the started server.
 */
describe('The very same change asked for twice (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        const w = WORDS[lang];

        it(`[${lang}] "${w.ask}" again in a new chat while the first request is pending: told which request has it, nothing filed, no reason asked`, async () => {
            const first = await sarahAsksForTom(chats, lang, w.askReason);
            await first.chat.say(w.reason, localeOf(lang));
            await first.chat.botSays(w.confirm);
            let from = first.chat.all.length;
            await first.chat.say(w.yes, localeOf(lang));
            await botSaysAfter(first.chat, from, w.filed);
            const reference = w.filed.exec(botTextsSince(first.chat, from))?.[1] ?? '?';

            const second = await sarahAsksForTom(chats, lang, w.pending(reference));
            from = second.chat.all.length;
            await botSaysAfter(second.chat, from - 1, w.more);
            assert.doesNotMatch(botTextsSince(second.chat, 0), w.askReason);
            const requests = await new ChangeRequestRepository(chats.running().app.db).list();
            assert.deepStrictEqual(requests.map((r) => r.reference), [reference]);
        });
    }
});
