import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { IntentRecognizer, Understanding } from '../language/nlu';
import { turnInfo } from './turn';
import { submittedText } from './activityText';
import { findBoolean, findCode, findEmails, findIntroducedUserId, findReferences } from '../language/entities';
import type { TFunction } from 'i18next';
import { LANGS, type Lang } from '../core/language';
import { sentencesOf as messageParts } from '../core/words';
import { asksForPerson } from '../language/personRequest';

/** The turn's message understood in the conversation's language, once per turn. */
export async function understandTurn(context: TurnContext, recognizer: IntentRecognizer): Promise<Understanding | undefined> {
    const info = turnInfo(context);
    if (context.activity.type !== ActivityTypes.Message) {
        return undefined;
    }
    if (info.understanding?.language === info.lang) {
        return info.understanding;
    }
    const text = submittedText(context.activity);
    if (text === undefined) {
        return undefined;
    }
    info.understanding = await understandText(recognizer, () => info.t, text, info.lang);
    return info.understanding;
}

/**
 * What a text asks for, as the bot and `npm run intent` both read it: a clear
 * request for a person wins over the topic words around it ("… you charged us
 * twice"); otherwise the classifier decides. Without `lang` the request for a
 * person is looked for in each language.
 */
export async function understandText(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, text: string, lang?: Lang): Promise<Understanding> {
    const asking = (lang ? [lang] : LANGS).find((one) => asksForPerson(text, t(one)));
    return asking ? { intent: 'talk-to-human', score: 1, language: asking } : recognizer.recognize(text, lang);
}

/** Everything the bot finds in one message: its intent as a whole, the intent of each part, and the entities. */
export interface MessageReading {
    readonly understood: Understanding;
    /** The intents of the message's sentences, in order, each once ("none" left out). */
    readonly intents: readonly Understanding[];
    readonly entities: {
        readonly emails: readonly string[];
        readonly references: readonly string[];
        readonly userId?: string;
        readonly yesNo?: boolean;
        readonly code?: string;
        readonly language?: Lang;
    };
}

/** A sentence this short that begins with a no only declines ("Nein, keine Mail."). */
const DECLINE_MAX_WORDS = 4;


/**
 * Reads a whole message: the intent of the whole and of each sentence, and
 * every entity (emails, references, an introduced user ID, a leading yes or
 * no, a one-time code, a language asked for). Used by `npm run intent`.
 */
export async function readMessage(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, text: string, lang?: Lang, codeLength = 6): Promise<MessageReading> {
    const understood = await understandText(recognizer, t, text, lang);
    const language = lang ?? understood.language;
    const intents: Understanding[] = [];
    const parts = messageParts(text);
    for (const part of parts.length > 1 ? parts : []) {
        // "Nein, keine Mail." only declines: it asks for nothing.
        if (findBoolean(part.split(/[,;:]/)[0] ?? '', language) === false && part.split(/\s+/).length <= DECLINE_MAX_WORDS) {
            continue;
        }
        const one = await understandText(recognizer, t, part, language);
        if (one.intent !== 'none' && !intents.some((known) => known.intent === one.intent)) {
            intents.push(one);
        }
    }
    if (understood.intent !== 'none' && !intents.some((known) => known.intent === understood.intent)) {
        intents.unshift(understood);
    }
    const firstClause = text.split(/[,;:.!?–-]/)[0] ?? '';
    return {
        understood,
        intents,
        entities: {
            emails: findEmails(text, language),
            references: findReferences(text),
            userId: findIntroducedUserId(text),
            yesNo: findBoolean(firstClause, language),
            code: findCode(text, codeLength),
            language: understood.targetLanguage ?? intents.find((one) => one.targetLanguage)?.targetLanguage
        }
    };
}
