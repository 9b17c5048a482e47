import type { TurnContext } from 'botbuilder';
import type { PromptRecognizerResult } from 'botbuilder-dialogs';
import { findBoolean, findEmail, findIntroducedUserId, findReference, saysOnlyYesOrNo, userIdIs } from '../../language/entities';
import type { Lang } from '../../core/language';
import { turnInfo } from '../../turn/turn';
import { understandTurn } from '../../turn/understand';
import { TOPIC_INTENTS, type Intent, type IntentRecognizer } from '../../language/nlu';
import { LocalizedPrompt, matchButton, type LocalizedPromptOptions } from './localizedPrompt';
import { UNDERSTANDING_POLICY } from '../../language/understandingPolicy';
import { portalQuestion } from '../../language/portalQuestions';
import { beginsWith, containsPhrase, phraseOf, wordsOf } from '../../core/words';
import { perLanguage, phraseList } from '../../language/phraseLists';
import type { TFunction } from 'i18next';

/** A typed portal user ID, or one of the prompt's buttons. */
/** What the user ID question gave; `own`: the verified person's own user ID on file, taken without asking. */
export type PortalUserIdInput = { readonly kind: 'login'; readonly login: string; readonly own?: boolean } | { readonly kind: 'button'; readonly value: string };

/** A username as the portal issues them: letters, digits, dot, dash, underscore. */
const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,99}$/u;

/** "my user ID is pbrooks", "Benutzer-ID: pbrooks", "benutzer-id isch pbrooks" (linked by `portalReset:heard.userIdIs`). */
const introducedPattern = perLanguage(
    (t) =>
        new RegExp(
            String.raw`(?:user[\s-]?id|userid|username|user name|login|benutzer[\s-]?id|benutzerkennung|benutzername|kennung|\bid)\s*${userIdIs(t)}?\s*(?:(?:actually|really|in fact|correctly|instead|eigentlich|richtig|korrekt|tatsächlich|doch|vielmehr)\s+)?["'„“]?([^\s"'“”]+)["'“”]?\s*[.!]?$`,
            'iu'
        )
);

/** "it's pbrooks", "das ist pbrooks", "lautet pbrooks". */
const SAID_PLAINLY = /^(?:it'?s|it is|that'?s|that is|es ist|das ist|sie ist|sie lautet|lautet|ist)\s+["'„“]?([^\s"'“”]+)["'“”]?\s*[.!]?$/iu;

/** "on the invoice it says pbrooks", "auf der Rechnung steht kbergmann": the user ID as read off a page, at the message's end. */
const READ_OFF = /(?:\bsays|\bshows|\breads|\bsteht(?:\s+(?:da|dort|drauf))?|\bheißt)\s*:?\s+["'„“]?([^\s"'“”]+)["'“”]?\s*[.!]?$/iu;

/** "ah ok, mbergmann-billing", "ok: kbergmann": a short message that ends in the user ID after a comma or colon, or in one that only an ID has (digits, dots, dashes). */
const AT_THE_END = /(?:^|[,:;]\s*|\s)["'„“]?([^\s,:;"'“”]+)["'“”]?\s*[.!]?$/u;

/** What the words beside a user ID in email format may sound like without asking for something else. */
const BESIDE_USER_ID: ReadonlySet<Intent> = new Set<Intent>(['thanks', 'greeting', 'portal-password-reset']);

/** A short message: a user ID at its end is taken only from a message of at most this many words. */
const SHORT_MESSAGE_WORDS = 5;

/**
 * The user ID of a Corporate Billing Portal account: in email format (found
 * with recognizers-text) or a username, typed alone or introduced ("my user ID
 * is pbrooks", "it's pbrooks"). A word the bot understands as a command, or a change-request
 * reference, is not taken as one.
 */
export class PortalUserIdPrompt extends LocalizedPrompt<PortalUserIdInput> {
    public constructor(dialogId: string, private readonly recognizer: IntentRecognizer) {
        super(dialogId);
    }

    protected async recognize(context: TurnContext, text: string, options: LocalizedPromptOptions): Promise<PromptRecognizerResult<PortalUserIdInput>> {
        const button = matchButton(context, options.buttons ?? [], text);
        if (button) {
            return { succeeded: true, value: { kind: 'button', value: button.value } };
        }
        const { lang, t } = turnInfo(context);
        // "wo finde ich die Benutzer-ID??" or "wie lange gilt der Link?" at the question: answered there, and the question stays open.
        const question = portalQuestion(t, text);
        if (question === 'where-user-id' || question === 'link-validity' || asksWhereItIs(t, text)) {
            return { succeeded: true, value: { kind: 'button', value: question === 'link-validity' ? 'validity' : 'where' } };
        }
        // "its jsmith-billing i think": the hedge after the user ID is no part of it; nor is "ok", "na gut," before it ("ok its pbrooks").
        const plain = withoutLeadIn(t, withoutHedge(t, text));
        // "Meine Benutzer-ID ist mbergmann-billing", "on the invoice it says pbrooks" name it, whatever else the words could mean.
        // "falsche ID, ich meinte mbergmann-billing": the ID after the correction of a wrong one.
        const introduced = (introducedPattern(t).exec(plain) ?? READ_OFF.exec(plain))?.[1] ?? findIntroducedUserId(plain, this.recognizer, t);
        const named = introduced && !findReference(text) ? (findEmail(introduced, lang) ?? (USERNAME.test(introduced) ? introduced : undefined)) : undefined;
        if (named) {
            return { succeeded: true, value: { kind: 'login', login: named } };
        }
        if (saysOnlyYesOrNo(plain, lang) && this.atTheEnd(text, lang) === undefined) {
            // "yes" or "no" is an answer, never a user ID (with the person's own ID on a button, "yes" chose it above).
            return { succeeded: false };
        }
        // Read without its hedge: "glaube ich" beside a user ID says nothing of a command.
        const understanding = plain === text ? await understandTurn(context, this.recognizer) : await this.recognizer.recognize(plain, lang);
        const command = understanding !== undefined && understanding.intent !== 'none' && understanding.score >= UNDERSTANDING_POLICY.commandNotUserId;
        // "klaus.bergmann@…, thanks", "the id on the invoice is buchhaltung@…": a user ID in email format is one when the words
        // beside it are thanks, a greeting, the reset itself or a word of a topic; another request ("abbrechen, ich schreibe an …") is none.
        const email = findReference(text) || (command && !BESIDE_USER_ID.has(understanding.intent) && !(TOPIC_INTENTS as readonly Intent[]).includes(understanding.intent)) ? undefined : findEmail(text, lang);
        if (email) {
            return { succeeded: true, value: { kind: 'login', login: email } };
        }
        if (findReference(text) || command) {
            return { succeeded: false };
        }
        const login = USERNAME.test(plain) ? plain : ((introducedPattern(t).exec(plain) ?? SAID_PLAINLY.exec(plain))?.[1] ?? this.atTheEnd(plain, lang));
        // "ja bitte", "klar, gerne": a courtesy left after the lead-in answers the question, it names no user ID.
        const courtesy = login !== undefined && phraseList(t, 'portalReset:courtesies').includes(phraseOf(login));
        return login && USERNAME.test(login) && !courtesy ? { succeeded: true, value: { kind: 'login', login } } : { succeeded: false };
    }

    /** The user ID that ends a short message ("ah ok, mbergmann-billing"): after a comma or colon, or shaped as only an ID is. */
    private atTheEnd(text: string, lang: Lang): string | undefined {
        const match = AT_THE_END.exec(text.trim());
        if (!match || wordsOf(text).length > SHORT_MESSAGE_WORDS) {
            return undefined;
        }
        const candidate = match[1];
        const afterMark = /[,:;]\s*["'„“]?[^\s,:;]+["'“”]?\s*[.!]?$/u.test(text.trim());
        // "ok, yes" ends in an answer, not in a user ID.
        return (afterMark || /[\d._-]/u.test(candidate)) && USERNAME.test(candidate) && findBoolean(candidate, lang) === undefined ? candidate : undefined;
    }
}

/** "wo finde ich die?", "where do I find it?": at the question for the user ID, a short where-question about "it" asks where the user ID is. */
function asksWhereItIs(t: TFunction, text: string): boolean {
    const where = phraseList(t, 'portalReset:ask.where');
    const said = phraseOf(text);
    const asks = text.trim().endsWith('?') || where.some((word) => beginsWith(said, word));
    return asks && wordsOf(text).length <= SHORT_MESSAGE_WORDS + 1 && containsPhrase(text, where) && containsPhrase(text, phraseList(t, 'portalReset:ask.it'));
}

/**
 * `text` without the fillers and acknowledgements it begins with (`portalReset:leadIns`: "ok", "ok so", "na gut,", "ja also"),
 * one after another, longest first, and the comma after them; never all of it ("ok" alone stays "ok").
 */
function withoutLeadIn(t: TFunction, text: string): string {
    const leadIns = phraseList(t, 'portalReset:leadIns');
    let rest = text.trim();
    for (;;) {
        const said = phraseOf(rest);
        const lead = leadIns.filter((one) => beginsWith(said, one)).sort((a, b) => b.length - a.length)[0];
        const words = rest.split(/\s+/u);
        const count = lead?.split(' ').length ?? 0;
        if (lead === undefined || words.length <= count) {
            return rest;
        }
        rest = words.slice(count).join(' ').replace(/^[\s,;:.!–-]+/u, '');
    }
}

/** `text` without a hedge at its end (`portalReset:hedges`: "i think", "glaube ich"), and the comma before it. */
function withoutHedge(t: TFunction, text: string): string {
    const said = text.trim().replace(/[.!]+$/u, '');
    const hedge = phraseList(t, 'portalReset:hedges').find((one) => phraseOf(said).endsWith(` ${one}`));
    if (hedge === undefined) {
        return text;
    }
    // As many words off the end as the hedge has, then the comma or dash before them.
    const words = said.split(/\s+/u);
    return words.slice(0, words.length - hedge.split(' ').length).join(' ').replace(/[\s,;–-]+$/u, '');
}
