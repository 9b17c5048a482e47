import * as assert from 'assert';
import { ChangeRequestRepository } from '../../../data/repositories/changeRequestRepository';
import { botSaysAfter, botTextsSince, useDirectLineChats, verifyAs, type DirectLineChats } from '../../helpers/directLineChats';
import type { ReceivedActivities } from '../../helpers/directLineNode';
import { PHRASES } from '../../helpers/phrases';
import { localeOf } from '../../helpers/script';
import { KLAUS } from '../../helpers/demoPeople';
import type { Lang } from '../../../core/language';

interface Words {
    readonly ask: string;
    readonly whoNew: RegExp;
    readonly whomReplaced: RegExp;
    readonly askReason: RegExp;
    readonly reasonMissing: RegExp;
    readonly reason: string;
    readonly confirm: RegExp;
    /** A no with whom to keep and whom to replace, as the summary already has it. */
    readonly sameAsSummary: string;
    readonly asInSummary: RegExp;
    /** A no with the other contact replaced. */
    readonly otherReplaced: string;
    readonly replacesMaria: RegExp;
    readonly replacesKlaus: RegExp;
    /** A yes with words of approval, at the reason and at the summary. */
    readonly approval: string;
    /** Only a plea to file, at the reason question: no reason, no cancel. */
    readonly fileOnly: string;
    readonly cancelled: RegExp;
    /** Said at the menu right after a no at the summary: the no taken back. */
    readonly takeBack: string;
    readonly notFiled: RegExp;
    readonly filedTellingMaria: RegExp;
    /** "Me instead", said by Klaus, who is a billing contact already. */
    readonly meInstead: string;
    readonly alreadySelf: RegExp;
    /** Stopping the request at its summary in words that begin with "actually". */
    readonly forgetIt: string;
    readonly stopped: RegExp;
}

const WORDS: Readonly<Record<Lang, Words>> = {
    en: {
        ask: 'I want to change the billing contact',
        whoNew: /Who should become the billing contact of Bergmann/,
        whomReplaced: /Whom should Eva Schulz replace/,
        askReason: /Why should Eva Schulz become the billing contact\?/,
        reasonMissing: /I still need the reason itself/,
        reason: 'Klaus is retiring',
        confirm: /Shall I file this request\?/,
        sameAsSummary: 'no, I meant: Maria stays, only Klaus goes',
        asInSummary: /That's just what the request says: Klaus Bergmann is replaced, Maria Bergmann stays/,
        otherReplaced: 'no wait, Maria goes and Klaus stays',
        replacesMaria: /Replaces: Maria Bergmann/,
        replacesKlaus: /Replaces: Klaus Bergmann/,
        approval: "Yes, that's right",
        fileOnly: 'ok, just file it anyway please',
        cancelled: /I've stopped that|nothing to cancel/,
        takeBack: 'actually, file it anyway',
        notFiled: /I haven't filed anything/,
        filedTellingMaria: /your request has the reference BC-\d{4}-\d{6}[\s\S]*let the current billing contact, Maria Bergmann, know/,
        meInstead: 'no wait, me instead',
        forgetIt: "actually, forget it, don't file anything",
        stopped: /I've stopped that|I haven't filed anything/,
        alreadySelf: /You are already a billing contact of Bergmann & Söhne AG\. If it stays Eva Schulz, confirm the request/
    },
    de: {
        ask: 'Ich möchte den Abrechnungskontakt ändern',
        whoNew: /Wer soll Abrechnungskontakt von Bergmann/,
        whomReplaced: /Wen soll Eva Schulz als Abrechnungskontakt ersetzen\?/,
        askReason: /Warum soll Eva Schulz Abrechnungskontakt werden\?/,
        reasonMissing: /Ich brauche aber noch den Grund selbst/,
        reason: 'Klaus geht in Rente',
        confirm: /Soll ich den Antrag stellen\?/,
        sameAsSummary: 'nein, ich meinte: Maria soll bleiben, nur Klaus soll raus',
        asInSummary: /Genau so steht es schon im Antrag: Klaus Bergmann wird ersetzt, Maria Bergmann bleibt/,
        otherReplaced: 'nein warte, Maria soll gehen und Klaus bleibt',
        replacesMaria: /Ersetzt: Maria Bergmann/,
        replacesKlaus: /Ersetzt: Klaus Bergmann/,
        approval: 'Ja, so passt es',
        fileOnly: 'Doch, stellen Sie den Antrag',
        cancelled: /abgebrochen|nichts abzubrechen/,
        takeBack: 'Doch, stellen Sie den Antrag',
        notFiled: /ich habe keinen Antrag gestellt/,
        filedTellingMaria: /Ihr Antrag hat die Referenz BC-\d{4}-\d{6}[\s\S]*den bisherigen Abrechnungskontakt \(Maria Bergmann\) informiert/,
        meInstead: 'nein, warte, lieber ich selbst',
        forgetIt: 'ach, vergessen Sie es, stellen Sie nichts',
        stopped: /abgebrochen|keinen Antrag gestellt/,
        alreadySelf: /Sie sind bereits Abrechnungskontakt von Bergmann & Söhne AG\. Wenn es bei Eva Schulz bleiben soll, bestätigen Sie den Antrag/
    }
};

/** "Nobody replaced" said at the reason question and again at the summary. */
const ALONGSIDE_WORDS: Readonly<Record<Lang, { readonly atReason: string; readonly taken: RegExp; readonly replacesNobody: RegExp; readonly atSummary: string; readonly asInSummary: RegExp; readonly filed: RegExp }>> = {
    en: {
        atReason: 'no, I meant: in addition, Maria stays',
        taken: /All right: Eva Schulz is added alongside, nobody is replaced\./,
        replacesNobody: /Replaces: nobody \(Eva Schulz is added alongside\)/,
        atSummary: 'no, in addition, both stay',
        asInSummary: /That's just what the request says: Eva Schulz is added alongside, nobody is replaced\./,
        filed: /your request has the reference BC-\d{4}-\d{6}/
    },
    de: {
        atReason: 'Nein, ich meinte: zusätzlich, Maria soll bleiben',
        taken: /In Ordnung: Eva Schulz wird zusätzlich eingetragen, niemand wird ersetzt\./,
        replacesNobody: /Ersetzt: niemand \(Eva Schulz kommt zusätzlich hinzu\)/,
        atSummary: 'nein, doch zusätzlich, beide bleiben',
        asInSummary: /Genau so steht es schon im Antrag: Eva Schulz wird zusätzlich eingetragen, niemand wird ersetzt\./,
        filed: /Ihr Antrag hat die Referenz BC-\d{4}-\d{6}/
    }
};

/** Klaus Bergmann, verified, has chosen Eva Schulz to replace him: the bot asks for the reason. */
async function atReason(chats: DirectLineChats, lang: Lang): Promise<ReceivedActivities> {
    const w = WORDS[lang];
    const chat = await chats.chatOn(lang);
    await chat.say(w.ask, localeOf(lang));
    await verifyAs(chats, chat, lang, KLAUS);
    await chat.botSays(w.whoNew);
    await chat.say('Eva Schulz', localeOf(lang));
    await chat.botSays(w.whomReplaced);
    await chat.say('Klaus', localeOf(lang));
    await chat.botSays(w.askReason);
    return chat;
}

/** As {@link atReason}, with the reason given: the summary is on screen. */
async function atSummary(chats: DirectLineChats, lang: Lang): Promise<ReceivedActivities> {
    const chat = await atReason(chats, lang);
    await chat.say(WORDS[lang].reason, localeOf(lang));
    await chat.botSays(WORDS[lang].confirm);
    return chat;
}

/** Says `text` and waits for the summary's question again after it; the bot's messages in between. */
async function summaryAgainAfter(chat: ReceivedActivities, lang: Lang, text: string): Promise<string> {
    const from = chat.all.length;
    await chat.say(text, localeOf(lang));
    await botSaysAfter(chat, from, WORDS[lang].confirm);
    return botTextsSince(chat, from);
}

/**
 * At the summary of a change request, a no that says who goes and who stays
 * is a correction of whom the new contact replaces, not a no to the request:
 * as the summary already has it, the bot says so and asks again (before, it
 * dropped the request); the other way round, the summary changes. A yes with
 * words of approval ("Ja, so passt es") is no reason at the reason question,
 * and files at the summary; nor is a plea to file ("Doch, stellen Sie den Antrag": before, read as
 * a cancel, the request dropped). Said as the next message after a no at the summary, the no is taken
 * back and the same request shown again (before: the draft was gone, "nothing to cancel"). "Nein, ich meinte: zusätzlich, Maria soll bleiben" at the reason question
 * adds the new contact alongside (before, it was ignored and the request filed replacing Klaus);
 * said again at the summary it is told to be what the request says (before, taken for a name).
 * Through botframework-directlinejs against the started server.
 */
describe('Corrections at the summary of a change request (Direct Line)', () => {
    const chats = useDirectLineChats();

    for (const lang of ['en', 'de'] as const) {
        const w = WORDS[lang];

        it(`[${lang}] "${w.sameAsSummary}": the request is kept and asked about again; "${w.otherReplaced}" changes whom Eva replaces; "${w.approval}" files it`, async () => {
            const chat = await atSummary(chats, lang);
            const same = await summaryAgainAfter(chat, lang, w.sameAsSummary);
            assert.match(same, w.asInSummary);
            assert.match(same, w.replacesKlaus);
            assert.doesNotMatch(same, w.notFiled);

            const other = await summaryAgainAfter(chat, lang, w.otherReplaced);
            assert.match(other, w.replacesMaria);
            assert.doesNotMatch(other, w.notFiled);

            const from = chat.all.length;
            await chat.say(w.approval, localeOf(lang));
            await botSaysAfter(chat, from, w.filedTellingMaria);
        });

        it(`[${lang}] "${w.meInstead}" from Klaus, a billing contact already: he hears so, the request for Eva is asked about again and filed with a yes`, async () => {
            const chat = await atSummary(chats, lang);
            const again = await summaryAgainAfter(chat, lang, w.meInstead);
            assert.match(again, w.alreadySelf);
            assert.match(again, w.replacesKlaus);
            assert.doesNotMatch(again, w.notFiled);
            const from = chat.all.length;
            await chat.say(w.approval, localeOf(lang));
            await botSaysAfter(chat, from, w.filedTellingMaria);
        });

        it(`[${lang}] "${w.forgetIt}" at the summary stops the request: nothing filed, the summary not asked again`, async () => {
            const chat = await atSummary(chats, lang);
            const from = chat.all.length;
            await chat.say(w.forgetIt, localeOf(lang));
            await botSaysAfter(chat, from, w.stopped);
            assert.doesNotMatch(botTextsSince(chat, from), w.confirm);
            assert.strictEqual((await new ChangeRequestRepository(chats.running().app.db).openForAccount('ACC-3003')).length, 0, 'nothing filed');
        });

        it(`[${lang}] "${w.approval}" at the reason question is no reason: the reason is asked for again`, async () => {
            const chat = await atReason(chats, lang);
            const from = chat.all.length;
            await chat.say(w.approval, localeOf(lang));
            await botSaysAfter(chat, from, w.reasonMissing);
            assert.doesNotMatch(botTextsSince(chat, from), w.confirm, 'no summary with the approval as its reason');
        });

        it(`[${lang}] "${w.fileOnly}" at the reason question neither cancels the request nor is its reason: the reason is asked again, then filed`, async () => {
            const chat = await atReason(chats, lang);
            let from = chat.all.length;
            await chat.say(w.fileOnly, localeOf(lang));
            await botSaysAfter(chat, from, w.reasonMissing);
            const said = botTextsSince(chat, from);
            assert.doesNotMatch(said, w.cancelled);
            assert.doesNotMatch(said, w.confirm, 'no summary with the plea as its reason');

            from = chat.all.length;
            await chat.say(w.reason, localeOf(lang));
            await botSaysAfter(chat, from, w.confirm);
            assert.match(botTextsSince(chat, from), w.replacesKlaus);
            from = chat.all.length;
            await chat.say(w.approval, localeOf(lang));
            await botSaysAfter(chat, from, w.filedTellingMaria);
        });

        it(`[${lang}] "${w.takeBack}" right after a no at the summary takes the no back: the same request again, filed with a yes; after another message it is not`, async () => {
            const chat = await atSummary(chats, lang);
            let from = chat.all.length;
            await chat.say(PHRASES[lang].no, localeOf(lang));
            await botSaysAfter(chat, from, w.notFiled);

            const again = await summaryAgainAfter(chat, lang, w.takeBack);
            assert.match(again, w.replacesKlaus);
            assert.match(again, new RegExp(w.reason));
            assert.doesNotMatch(again, w.cancelled);
            from = chat.all.length;
            await chat.say(w.approval, localeOf(lang));
            await botSaysAfter(chat, from, w.filedTellingMaria);
        });

        it(`[${lang}] a thanks right after a no at the summary is a goodbye, not the request taken back`, async () => {
            const chat = await atSummary(chats, lang);
            let from = chat.all.length;
            await chat.say(PHRASES[lang].no, localeOf(lang));
            await botSaysAfter(chat, from, w.notFiled);
            from = chat.all.length;
            await chat.say(lang === 'de' ? 'Danke' : 'thanks', localeOf(lang));
            await botSaysAfter(chat, from, lang === 'de' ? /Hat Ihnen dieses Gespräch geholfen\?/ : /did this conversation help you\?/);
            assert.doesNotMatch(botTextsSince(chat, from), w.confirm);
        });

        it(`[${lang}] "${w.takeBack}" after a no and another question in between starts nothing`, async () => {
            const chat = await atSummary(chats, lang);
            let from = chat.all.length;
            await chat.say(PHRASES[lang].no, localeOf(lang));
            await botSaysAfter(chat, from, w.notFiled);
            from = chat.all.length;
            await chat.say(PHRASES[lang].amI, localeOf(lang));
            await botSaysAfter(chat, from, PHRASES[lang].caseC);
            from = chat.all.length;
            await chat.say(w.takeBack, localeOf(lang));
            await botSaysAfter(chat, from, PHRASES[lang].notUnderstood);
            assert.doesNotMatch(botTextsSince(chat, from), w.confirm);
        });

        it(`[${lang}] "${ALONGSIDE_WORDS[lang].atReason}" at the reason question: Eva is added alongside, nobody replaced, and the reason asked again`, async () => {
            const a = ALONGSIDE_WORDS[lang];
            const chat = await atReason(chats, lang);
            let from = chat.all.length;
            await chat.say(a.atReason, localeOf(lang));
            await botSaysAfter(chat, from, w.askReason);
            assert.match(botTextsSince(chat, from), a.taken);

            await chat.say(w.reason, localeOf(lang));
            await chat.botSays(a.replacesNobody);
            // The summary's question comes as an activity of its own: once it is here, the next one after it is the answer's.
            await chat.botSays(w.confirm);
            const again = await summaryAgainAfter(chat, lang, a.atSummary);
            assert.match(again, a.asInSummary);
            assert.doesNotMatch(again, w.notFiled);
            from = chat.all.length;
            await chat.say(w.approval, localeOf(lang));
            await botSaysAfter(chat, from, a.filed);
        });
    }
});
