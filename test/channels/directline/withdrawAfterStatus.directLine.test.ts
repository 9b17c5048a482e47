import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs } from '../../helpers/directLineChats';
import { PHRASES } from '../../helpers/phrases';
import { TASK_PHRASES } from '../../helpers/taskPhrases';
import { localeOf } from '../../helpers/script';
import { JONAS } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

const WORDS: Readonly<Record<Lang, { readonly change: string; readonly status: RegExp; readonly withdraw: string; readonly withdrawn: (reference: string) => RegExp; readonly planTopic: RegExp }>> = {
    en: {
        change: 'Anna is retiring, please make Lea Fischer the billing contact',
        status: /is \*\*open\*\*/,
        withdraw: 'can I cancel it? I changed my mind',
        withdrawn: (reference) => new RegExp(`Customer service can withdraw ${reference} for you`),
        planTopic: /subscription plan/
    },
    de: {
        change: 'Anna geht in Rente, bitte Lea Fischer als Abrechnungskontakt eintragen',
        status: /ist \*\*offen\*\*/,
        withdraw: 'Kann ich den Antrag noch zurückziehen? Ich habe es mir anders überlegt',
        withdrawn: (reference) => new RegExp(`bis dahin bleibt der Antrag ${reference} offen`),
        planTopic: /Abonnement|Tarif/
    }
};

/**
 * Jonas filed a change request; in a later conversation he asks its status, then whether he can still withdraw it,
 * in words of a change of mind. Before, the English question got the plan topic and the German one the objection
 * path ("no open request for an account whose billing contact you are"): only right after filing in the same
 * conversation was it read as withdrawing. Now the request whose status he was just shown is the one meant:
 * withdrawing is customer service's, and a person is offered. Through botframework-directlinejs against the started server.
 */
describe('Withdrawing a request right after its status was answered (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        const w = WORDS[lang];
        const p = PHRASES[lang];
        it(`[${lang}] "${w.withdraw}" after the status of his own request`, async () => {
            const first = await chats.chatOn(lang);
            await first.say(w.change, localeOf(lang));
            await verifyAs(chats, first, lang, JONAS);
            await first.botSays(TASK_PHRASES[lang].confirm);
            await first.say(p.yes, localeOf(lang));
            const filed = await first.botSays(TASK_PHRASES[lang].filed);
            const reference = TASK_PHRASES[lang].filed.exec(filed.text ?? '')?.[1] ?? '';
            assert.notStrictEqual(reference, '');

            const later = await chats.chatOn(lang);
            await later.say(`Status ${reference}`, localeOf(lang));
            await verifyAs(chats, later, lang, JONAS);
            await later.botSays(w.status);
            const from = later.all.length;
            await later.say(w.withdraw, localeOf(lang));
            await botSaysAfter(later, from, w.withdrawn(reference));
            assert.doesNotMatch(botTextsSince(later, from), w.planTopic);
        });
    }
});
