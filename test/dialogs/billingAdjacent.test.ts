import { useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { localeOf, play } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import type { Lang } from '../../core/language';

/**
 * Billing-adjacent questions the bot does not answer itself (prices, discounts,
 * the plans on offer, the sign-in address or password of the product) and
 * questions about the subscription plan. They share words with the bot's
 * tasks ("ändern", "change", "Abo", "Rechnung"), but never start the change of
 * the billing contact: the bot says what it can do and offers a person, or
 * answers the plan topic. None of these phrasings is in the training lists.
 */
const ADJACENT = {
    en: {
        outOfScope: [
            'how much does the business plan cost?',
            "what's the price of the pro tier",
            'do you offer discounts?',
            'can you lower the price',
            "what's the difference between the plans",
            'how do I change my email address for sign in'
        ],
        plan: ['I have a question about my subscription plan', "I'd like to change my subscription plan, please", 'can someone change our tariff', 'Please update our plan'],
        outOfScopeAnswer: /that's not something I can help with\. I can tell you who your billing contact is.*Would you like to talk to a person instead\?/,
        personButton: 'Talk to a person',
        planAnswer: /Only the billing contact can change the subscription plan/
    },
    de: {
        outOfScope: ['Was kostet GoToMeeting pro Monat?', 'Gibt es Rabatt für Jahresabos?', 'Wie viel kostet ein Upgrade?', 'wie ändere ich mein passwort für gotomeeting'],
        plan: ['Ich habe eine Frage zu meinem Abo-Plan', 'Ich möchte meinen Abo-Plan ändern', 'Kann ich mein Abo upgraden?', 'Wir wollen unseren Abo-Plan wechseln, wer kann das machen?'],
        outOfScopeAnswer: /Dabei kann ich Ihnen leider nicht helfen\. Ich kann Ihnen sagen, wer Ihr Abrechnungskontakt ist.*Möchten Sie stattdessen mit einem Mitarbeiter sprechen\?/,
        personButton: 'Mit einem Mitarbeiter sprechen',
        planAnswer: /Nur der Abrechnungskontakt kann den Abonnementplan ändern/
    }
} as const;

/** What the change of the billing contact (or another task) says first: it must not start. */
const TASK_STARTED = [PHRASES.en.askEmail, PHRASES.de.askEmail, TASK_PHRASES.en.changeIntro, TASK_PHRASES.de.changeIntro];

describe('Billing-adjacent words: prices, plans and sign-in are no change of the billing contact', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES as readonly Lang[]) {
        const a = ADJACENT[lang];
        it(`[${lang}] a question about prices, discounts or the product's sign-in gets what the bot can do and a person`, async () => {
            const harness = harnessOf();
            for (const question of a.outOfScope) {
                const convo = harness.conversation(localeOf(lang));
                await convo.start();
                await play(harness, convo, [{ say: question, expect: [a.outOfScopeAnswer], absent: [...TASK_STARTED, a.planAnswer], buttons: [a.personButton] }]);
            }
        });

        it(`[${lang}] a question about the subscription plan gets the plan topic, not the change of the billing contact`, async () => {
            const harness = harnessOf();
            for (const question of a.plan) {
                const convo = harness.conversation(localeOf(lang));
                await convo.start();
                await play(harness, convo, [{ say: question, expect: [a.planAnswer], absent: TASK_STARTED }]);
            }
        });
    }
});
