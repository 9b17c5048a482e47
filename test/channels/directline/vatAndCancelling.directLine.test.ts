import * as assert from 'assert';
import { botSaysAfter, botTextsSince, useDirectLineChats } from '../../helpers/directLineChats';
import { localeOf } from '../../helpers/script';
import type { Lang } from '../../../core/language';

/**
 * A tax number or order number the invoices should carry ("How do I add our VAT number?", "Wo trage ich unsere
 * USt-IdNr. ein?") is a detail of the invoices (main:invoiceDetails.heard.invoiceOnlyDetails, and adding it among
 * the change words): the bot says it cannot change it and customer service can. Before, the English one got the
 * general payments text and the German one where to find past invoices. Ending the subscription in a few words
 * ("Ich will kündigen", "cancel my account", main:planEndWords) is the plan's topic; before, "Das habe ich leider
 * nicht verstanden" and "I didn't get that". A question about the tax charged itself stays the payments text.
 * Through botframework-directlinejs against the started server.
 */
const INVOICE_DETAILS: Record<Lang, RegExp> = {
    en: /What your invoices show and where they are sent .* I can't change here; customer service can\./,
    de: /Was auf Ihren Rechnungen steht und wohin sie gehen .* kann ich hier nicht ändern; das übernimmt der Kundendienst\./
};
const PLAN: Record<Lang, RegExp> = {
    en: /Only the billing contact can change the subscription plan/,
    de: /Nur der Abrechnungskontakt kann den Abonnementplan ändern/
};
const NOT_UNDERSTOOD: Record<Lang, RegExp> = {
    en: /didn't (quite )?(get|catch|understand) that/,
    de: /nicht verstanden/
};

describe('A tax number on the invoices, and ending the subscription, in own words (Direct Line)', () => {
    const chats = useDirectLineChats();

    const asked = async (lang: Lang, text: string, expected: RegExp): Promise<string> => {
        const chat = await chats.chatOn(lang);
        const from = chat.all.length;
        await chat.say(text, localeOf(lang));
        await botSaysAfter(chat, from, expected);
        return botTextsSince(chat, from);
    };

    it('[en] "How do I add our VAT number?" is a detail of the invoices, customer service changes it', async () => {
        const said = await asked('en', 'How do I add our VAT number?', INVOICE_DETAILS.en);
        assert.doesNotMatch(said, /Payments and invoices depend on your account type/);
    });

    it('[de] "Wo trage ich unsere USt-IdNr. ein?" is a detail of the invoices, not where to find old ones', async () => {
        const said = await asked('de', 'Wo trage ich unsere USt-IdNr. ein?', INVOICE_DETAILS.de);
        assert.doesNotMatch(said, /findet frühere Rechnungen/);
    });

    it('[en] a question whether VAT is charged stays the payments answer', async () => {
        const said = await asked('en', 'general question about your invoicing: do you add VAT to the invoices for EU customers?', /Payments and invoices depend on your account type/);
        assert.doesNotMatch(said, INVOICE_DETAILS.en);
    });

    it('[de] "Ich will kündigen" is the plan topic', async () => {
        const said = await asked('de', 'Ich will kündigen', PLAN.de);
        assert.doesNotMatch(said, NOT_UNDERSTOOD.de);
    });

    it('[en] "cancel my account" is the plan topic', async () => {
        const said = await asked('en', 'cancel my account', PLAN.en);
        assert.doesNotMatch(said, NOT_UNDERSTOOD.en);
    });
});
