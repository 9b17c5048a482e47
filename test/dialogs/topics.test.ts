import * as assert from 'assert';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import type { Lang } from '../../core/language';
import type { TopicIntent } from '../../language/nlu';
import { PROJECT_ROOT } from '../../paths';
import { joined, useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { localeOf, play } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';

interface TopicRow {
    readonly topic: TopicIntent;
    /** The title of the "more topics" button, per language. */
    readonly title: Record<Lang, string>;
    /** A question as people type it (in neither the training nor the held-out lists). */
    readonly question: Record<Lang, string>;
    /** What only this topic's answer says. */
    readonly answer: Record<Lang, RegExp>;
}

/** The nine related topics the bot answers itself (DESIGN §1.6). */
const TOPICS: readonly TopicRow[] = [
    {
        topic: 'topic-payment-invoicing',
        title: { en: 'Payment and invoicing Q&A', de: 'Fragen zu Zahlung und Rechnungsstellung' },
        question: { en: 'I have a question about payments and invoices', de: 'Ich habe eine Frage zu Zahlung und Rechnungsstellung' },
        answer: { en: /Payments and invoices depend on your account type/, de: /Zahlung und Rechnungsstellung hängen von Ihrem Kontotyp ab/ }
    },
    {
        topic: 'topic-change-plan',
        title: { en: 'Change the subscription plan', de: 'Abonnementplan ändern' },
        question: { en: "I'd like to upgrade to a bigger plan", de: 'Ich möchte auf einen größeren Tarif wechseln' },
        answer: { en: /Only the billing contact can change the subscription plan/, de: /Nur der Abrechnungskontakt kann den Abonnementplan ändern/ }
    },
    {
        topic: 'topic-payment-method',
        title: { en: 'Change the payment method', de: 'Zahlungsmethode ändern' },
        question: { en: 'My card expired, how do I enter a new one?', de: 'Wie kann ich auf Zahlung per Überweisung umstellen?' },
        answer: { en: /changes the payment method in My Account/, de: /ändert die Zahlungsmethode in „Mein Konto“/ }
    },
    {
        topic: 'topic-invoice-history',
        title: { en: 'View the invoice history', de: 'Rechnungshistorie anzeigen' },
        question: { en: "Where can I download last year's invoices?", de: 'Ich brauche eine Kopie einer alten Rechnung' },
        answer: { en: /finds past invoices/, de: /findet frühere Rechnungen/ }
    },
    {
        topic: 'topic-reactivate-plan',
        title: { en: 'Reactivate the subscription plan', de: 'Abonnementplan reaktivieren' },
        question: { en: 'Our subscription expired, how do we get it back?', de: 'Unser Abo ist abgelaufen, wie bekommen wir es zurück?' },
        answer: { en: /can be reactivated by the billing contact/, de: /kann der Abrechnungskontakt reaktivieren/ }
    },
    {
        topic: 'topic-sign-in-billing',
        title: { en: 'How do I sign in to Billing?', de: 'Wie melde ich mich bei „Abrechnung“ an?' },
        question: { en: 'How do I get into the billing section?', de: 'Wie komme ich in den Abrechnungsbereich?' },
        answer: { en: /What happens next depends on your account type and billing role/, de: /Was dann passiert, hängt von Ihrem Kontotyp und Ihrer Abrechnungsrolle ab/ }
    },
    {
        topic: 'topic-online-vs-corporate',
        title: { en: 'Online vs. corporate accounts', de: 'Online- und Unternehmenskonten' },
        question: { en: 'Is our account an online account or a corporate account?', de: 'Was unterscheidet ein Online-Konto von einem Unternehmenskonto?' },
        answer: { en: /Online accounts are bought and managed online/, de: /Online-Konten werden online gekauft und verwaltet/ }
    },
    {
        topic: 'topic-why-not-online',
        title: { en: "Why can't I change my plan online?", de: 'Warum kann ich meinen Plan nicht online ändern?' },
        question: { en: 'Why is changing my plan online not possible?', de: 'Warum kann ich meinen Tarif nicht online ändern?' },
        answer: { en: /invoiced through your company, so its plan and billing information can't be changed online/, de: /über Ihr Unternehmen abgerechnet; Plan und Abrechnungsinformationen lassen sich deshalb nicht online ändern/ }
    },
    {
        topic: 'topic-pay-online-portal',
        title: { en: 'Pay online in the Corporate Billing Portal', de: 'Online im Corporate Billing Portal bezahlen' },
        question: { en: 'Can I pay my invoice online through the billing portal?', de: 'Kann ich meine Rechnung online über das Billing Portal bezahlen?' },
        answer: { en: /can pay invoices online in the Corporate Billing Portal/, de: /können Rechnungen im Corporate Billing Portal online bezahlen/ }
    }
];

/** The related topics as the help article titles them, in English and in German (the seed article). */
const ARTICLE_TITLES: ReadonlyArray<{ readonly lang: Lang; readonly intent: string; readonly text: string }> = [
    { lang: 'en', intent: 'topic-payment-invoicing', text: "Payment and invoicing Q&A" },
    { lang: 'en', intent: 'topic-change-plan', text: "Change your GoToMeeting subscription plan" },
    { lang: 'en', intent: 'topic-payment-method', text: "Change your GoToMeeting payment method" },
    { lang: 'en', intent: 'topic-invoice-history', text: "View GoToMeeting invoice history" },
    { lang: 'en', intent: 'topic-reactivate-plan', text: "Reactivate GoToMeeting subscription plan" },
    { lang: 'en', intent: 'topic-sign-in-billing', text: "How do I sign in to Billing?" },
    { lang: 'en', intent: 'change-billing-contact', text: "How do I change the billing contact for my account?" },
    { lang: 'en', intent: 'topic-online-vs-corporate', text: "What is the difference between online and corporate accounts?" },
    { lang: 'en', intent: 'topic-why-not-online', text: "Why can't I change my subscription plan or billing information online?" },
    { lang: 'en', intent: 'topic-pay-online-portal', text: "How do I make an online payment through the Corporate Billing Portal?" },
    { lang: 'de', intent: 'topic-payment-invoicing', text: "Fragen und Antworten zu Zahlung und Rechnungsstellung" },
    { lang: 'de', intent: 'topic-change-plan', text: "Ändern des GoToMeeting-Abonnementplans" },
    { lang: 'de', intent: 'topic-payment-method', text: "Ändern der GoToMeeting-Zahlungsmethode" },
    { lang: 'de', intent: 'topic-invoice-history', text: "Anzeigen der GoToMeeting-Rechnungshistorie" },
    { lang: 'de', intent: 'topic-reactivate-plan', text: "Reaktivieren des GoToMeeting-Abonnementplans" },
    { lang: 'de', intent: 'topic-sign-in-billing', text: "Wie melde ich mich bei \"Abrechnung\" an?" },
    { lang: 'de', intent: 'change-billing-contact', text: "Wie ändere ich den Abrechnungskontakt für mein Konto?" },
    { lang: 'de', intent: 'topic-online-vs-corporate', text: "Was ist der Unterschied zwischen Online- und Unternehmenskonten?" },
    { lang: 'de', intent: 'topic-why-not-online', text: "Warum kann ich meinen Abonnementplan oder meine Abrechnungsinformationen nicht online ändern?" },
    { lang: 'de', intent: 'topic-pay-online-portal', text: "Wie führe ich eine Online-Zahlung über das Corporate Billing Portal durch?" }
];

const CHANGE_TITLE: Record<Lang, string> = { en: 'How do I change the billing contact?', de: 'Wie ändere ich den Abrechnungskontakt?' };

describe('Related topics (article §1.6): answers, the "more topics" menu, the intent command', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES) {
        const p = TASK_PHRASES[lang];

        it(`[${lang}] every related topic is answered from free text, with a link and where to go next`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            for (const row of TOPICS) {
                const [turn] = await play(harness, convo, [{ say: row.question[lang], expect: [row.answer[lang], /https:\/\/\w+\.logmeininc\.com/], buttons: [p.moreTopicsButton, p.noThanksButton] }]);
                const others = TOPICS.filter((o) => o !== row).map((o) => o.answer[lang]);
                for (const other of others) {
                    assert.doesNotMatch(joined(turn), other, `"${row.question[lang]}" answered another topic too`);
                }
            }
        });

        it(`[${lang}] the "more topics" menu lists all ten related topics and answers each`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const titles = [...TOPICS.map((row) => row.title[lang]), CHANGE_TITLE[lang]];
            await play(harness, convo, [{ say: p.moreTopicsButton, expect: [p.topicsMenu], buttons: titles }]);
            for (const row of TOPICS) {
                await play(harness, convo, [
                    { say: row.title[lang], expect: [row.answer[lang]], buttons: [p.moreTopicsButton] },
                    { say: p.moreTopicsButton, expect: [p.topicsMenu] }
                ]);
            }
            await play(harness, convo, [{ say: CHANGE_TITLE[lang], expect: [PHRASES[lang].askEmail], absent: [p.changeIntro] }]);
        });
    }

    it('[de] "Warum kann ich meinen Tarif nicht online ändern?" as first words: corporate accounts go through the company, and an offer to check the account type', async () => {
        const harness = harnessOf();
        const convo = harness.conversation(undefined);
        await convo.start();
        const de = TASK_PHRASES.de;
        await play(harness, convo, [
            { say: 'Warum kann ich meinen Tarif nicht online ändern?', expect: [/Unternehmenskonto/, /über Ihr Unternehmen abgerechnet/, /Kundendienst/, /Soll ich prüfen, welche Art von Konto Sie haben/], buttons: [de.checkRoleButton] },
            { say: de.checkRoleButton, expect: [PHRASES.de.askEmail] }
        ]);
    });

    it('the intent command routes every related-topic question and the article\'s topic titles in both languages, the language guessed from the text', async () => {
        const harness = harnessOf();
        const cases = TOPICS.flatMap((row) => LANGUAGES.map((lang) => ({ text: row.question[lang], lang, intent: row.topic as string })));
        cases.push(...ARTICLE_TITLES, { text: 'Welche Themen gibt es noch?', lang: 'de', intent: 'more-topics' });
        // The command prints what the recognizer says without a language: every case in-process, the article's example through the command itself.
        const wrong: string[] = [];
        for (const c of cases) {
            const result = await harness.runtime.services.recognizer.recognize(c.text);
            if (result.intent !== c.intent || result.language !== c.lang) {
                wrong.push(`"${c.text}" → ${result.intent} (${result.language}), expected ${c.intent} (${c.lang})`);
            }
        }
        assert.deepStrictEqual(wrong, []);
        const run = promisify(execFile);
        const cli = path.join(PROJECT_ROOT, 'dist', 'cli', 'intent.js');
        const viaCommand = cases.filter((c) => c.intent === 'topic-why-not-online');
        const outputs = await Promise.all(viaCommand.map(async (c) => JSON.parse((await run(process.execPath, [cli, c.text])).stdout) as { intent: string; language: string }));
        assert.deepStrictEqual(outputs.map((o) => [o.intent, o.language]), viaCommand.map((c) => [c.intent, c.lang]));
    });
});
