import { useHarness } from '../helpers/botHarness';
import { LANGUAGES } from '../helpers/phrases';
import { localeOf, play } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { PHRASES } from '../helpers/phrases';
import type { Lang } from '../../core/language';

/**
 * Messages near the bot's field but outside it (issue 12): another company's
 * bill, the meeting software's camera or microphone, pay, tax, the bot itself.
 * They share words with the bot's topics ("bill", "charged", "geht nicht"),
 * yet the bot answers none of its topics: it says plainly what it can do and
 * offers a person, in the conversation's language, also when the message is
 * written in the other one.
 */
const OFF_TOPIC = {
    en: {
        own: ['my verizon bill is way too high', 'netflix charged me twice', 'camera not working in meeting', 'when will i get my salary', 'whats your favorite color?'],
        other: ['Stromrechnung zu hoch, was kann ich tun?'],
        answer: /that's not something I can help with\. I can tell you who your billing contact is.*Would you like to talk to a person instead\?/,
        personButton: 'Talk to a person'
    },
    de: {
        own: ['meine handyrechnung ist viel zu hoch', 'mikro geht nicht', 'wann kommt mein gehalt', 'kann ich die mehrwertsteuer absetzen', 'was ist deine lieblingsfarbe'],
        other: ['my electricity bill is too high, what can i do?'],
        answer: /Dabei kann ich Ihnen leider nicht helfen\. Ich kann Ihnen sagen, wer Ihr Abrechnungskontakt ist.*Möchten Sie stattdessen mit einem Mitarbeiter sprechen\?/,
        personButton: 'Mit einem Mitarbeiter sprechen'
    }
} as const;

/** What a task says first: none may start. */
const TASK_STARTED = [PHRASES.en.askEmail, PHRASES.de.askEmail, TASK_PHRASES.en.changeIntro, TASK_PHRASES.de.changeIntro];

describe('Off-topic messages near the field get what the bot can do and a person, in the conversation language', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES as readonly Lang[]) {
        const o = OFF_TOPIC[lang];
        it(`[${lang}] another company's bill, meeting hardware, pay, tax or a question about the bot is out of scope`, async () => {
            const harness = harnessOf();
            for (const message of o.own) {
                const convo = harness.conversation(localeOf(lang));
                await convo.start();
                await play(harness, convo, [{ say: message, expect: [o.answer], absent: TASK_STARTED, buttons: [o.personButton] }]);
            }
        });

        it(`[${lang}] an off-topic message in the other language keeps the conversation's language`, async () => {
            const harness = harnessOf();
            for (const message of o.other) {
                const convo = harness.conversation(localeOf(lang));
                await convo.start();
                await play(harness, convo, [{ say: message, expect: [o.answer], absent: TASK_STARTED, buttons: [o.personButton] }]);
            }
        });
    }
});
