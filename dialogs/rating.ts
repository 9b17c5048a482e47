import { ActivityTypes, type TurnContext } from 'botbuilder';
import { UNDERSTANDING_POLICY } from '../language/understandingPolicy';
import { submittedText } from '../turn/activityText';
import { renderChoices } from '../turn/choiceRendering';
import { SMALL_TALK, type IntentRecognizer, type Understanding } from '../language/nlu';
import { pausesAtStart, phraseList } from '../language/phraseLists';
import { readOnWith, turnInfo } from '../turn/turn';
import { isRequest, understandText, understandTurn } from '../turn/understand';
import { phraseOf, sentencesOf } from '../core/words';
import { noteInsight, noteRatingComment } from '../services/insights/insightsRecorder';
import { yesNoAnswer } from './prompts/yesNoAnswer';
import { closingOnly, goodbyeOnly } from './freeTextInterruption';
import { afterWords, leadingAnswer } from './answerContent';


/**
 * Says the closing `line` and, in the same message, asks once whether the
 * conversation helped (👍/👎 as buttons: suggested actions in Web Chat, card
 * buttons in Teams), so a goodbye is one message. Never asked twice in a
 * conversation; the question does not wait for an answer.
 */
export async function sayClosing(context: TurnContext, line: string): Promise<void> {
    const { profile, t } = turnInfo(context);
    if (profile.rating !== undefined) {
        await context.sendActivity(line);
        return;
    }
    profile.rating = 'asked';
    await context.sendActivity(renderChoices(context, `${line} ${t('rating:question')}`, [t('rating:up'), t('rating:down')]));
}

/**
 * After the live chat with `agentName` ended (the agent handed back, or the
 * person ended it), asks the same question once, with the same buttons; the
 * conversation goes on, so the lines after the answer say no goodbye.
 * @returns false when the conversation was rated or asked before (nothing is sent).
 */
export async function offerRatingAfterAgent(context: TurnContext, agentName: string): Promise<boolean> {
    const { profile, t } = turnInfo(context);
    if (profile.rating !== undefined) {
        return false;
    }
    profile.rating = 'asked';
    profile.ratingAfterAgent = true;
    await context.sendActivity(renderChoices(context, t('rating:afterAgent.question', { name: agentName }), [t('rating:up'), t('rating:down')]));
    return true;
}

/** The rating a message names: the button's label, a word of the language's list or the thumb. */
function namedRating(context: TurnContext, text: string): 'up' | 'down' | undefined {
    const { t } = turnInfo(context);
    const said = phraseOf(text);
    const has = (key: string): boolean => said === phraseOf(t(`rating:${key}`)) || phraseList(t, `rating:${key}Words`).includes(said) || text.includes(key === 'up' ? '👍' : '👎');
    if (has('up')) {
        return 'up';
    }
    if (has('down')) {
        return 'down';
    }
    return undefined;
}

/** The rating in a message: one it names ({@link namedRating}), or a plain yes or no. */
function ratingOf(context: TurnContext, text: string): 'up' | 'down' | undefined {
    const named = namedRating(context, text);
    if (named) {
        return named;
    }
    const yesNo = yesNoAnswer(context, text, 'whole');
    return yesNo === undefined ? undefined : yesNo ? 'up' : 'down';
}

/**
 * Takes the answer to the rating question or the comment after it.
 * @returns true when the message was that answer (the dialogs do not run);
 * false for anything else, which the bot handles as usual.
 */
export async function takeRating(context: TurnContext, recognizer: IntentRecognizer): Promise<boolean> {
    const { profile, t } = turnInfo(context);
    const text = context.activity.type === ActivityTypes.Message ? submittedText(context.activity) : undefined;
    if (text === undefined || (profile.rating !== 'asked' && profile.rating !== 'comment-up' && profile.rating !== 'comment-down')) {
        return false;
    }
    if (profile.rating === 'asked') {
        // "ok tschüss", "thx bye", "nein das wars", "danke, schönen Tag" at "did this help?": the person leaves; its "ok" or
        // "nein" is no rating. One short line, no rating. A plain yes or no, "ja danke" or a thumb stays the answer.
        if (leaves(context, text, await understandTurn(context, recognizer), recognizer)) {
            profile.rating = 'done';
            await context.sendActivity(t('rating:noCommentReply'));
            return true;
        }
        const rating = ratingOf(context, text);
        const anew = await newRequestIn(context, rating ? ratedRest(context, text) : text, recognizer);
        if (anew !== undefined) {
            // "nein, warte. wer ist unser abrechnungskontakt", "👍 and how do I reset my portal password": the rating said, the
            // request taken up as the first message after a goodbye is; no comment asked.
            if (rating) {
                noteInsight(context, 'rating', rating);
            }
            profile.rating = 'done';
            readOnWith(context, anew);
            return false;
        }
        if (!rating) {
            profile.rating = 'done';
            return false;
        }
        noteInsight(context, 'rating', rating);
        profile.rating = rating === 'up' ? 'comment-up' : 'comment-down';
        await context.sendActivity(renderChoices(context, t(`rating:askComment.${rating}`), [t('rating:noComment')]));
        return true;
    }
    const rating = profile.rating === 'comment-up' ? 'up' : 'down';
    profile.rating = 'done';
    // After a hand-back the person may go on with the bot: thank them without saying goodbye.
    const lastLines = profile.ratingAfterAgent ? 'rating:afterAgent.' : 'rating:';
    const understood = await understandTurn(context, recognizer);
    const nothingToSay = phraseOf(text) === phraseOf(t('rating:noComment')) || yesNoAnswer(context, text, 'whole') === false;
    const saysGoodbye = understood !== undefined && closingOnly(text, understood, recognizer, t);
    if (nothingToSay || saysGoodbye) {
        await context.sendActivity(t(saysGoodbye ? 'rating:noCommentReply' : `${lastLines}noCommentReply`));
        return true;
    }
    if (text.trim().endsWith('?') && understood && understood.score >= UNDERSTANDING_POLICY.requestAtComment && !SMALL_TALK.has(understood.intent)) {
        // A new question rather than a comment ("how do I change the billing contact?"): the bot answers it.
        return false;
    }
    if ((await newRequestIn(context, text, recognizer)) !== undefined) {
        // A request and nothing else ("I want to change the billing contact", "wer ist unser abrechnungskontakt"): no comment, the bot takes it up.
        return false;
    }
    noteRatingComment(context, rating, text);
    await context.sendActivity(t(`${lastLines}commentThanks`));
    return true;
}

/** What a rating says after its yes, no or thumb ("nein, warte. wer ist …" → "warte. wer ist …"); empty when nothing follows. */
function ratedRest(context: TurnContext, text: string): string {
    const lead = leadingAnswer(context, text);
    if (lead) {
        return lead.rest;
    }
    const { t } = turnInfo(context);
    const labels = [t('rating:up'), t('rating:down'), '👍', '👎'];
    const label = labels.find((one) => text.trim().startsWith(one));
    return label === undefined ? '' : text.trim().slice(label.length).trim();
}

/**
 * The request in `text`, or in its last sentence, when that is all it says and the classifier is sure of it (a request of
 * the bot's, `UNDERSTANDING_POLICY.requestAtComment`), pauses in front left out: "warte. wer ist …" → "wer ist …", "and how do I …" → "how do I …".
 * A comment that speaks of a task ("you should show the billing contact faster") says more than the request.
 */
async function newRequestIn(context: TurnContext, text: string, recognizer: IntentRecognizer): Promise<string | undefined> {
    const { t, lang } = turnInfo(context);
    const last = sentencesOf(text).at(-1)?.trim() ?? '';
    // "and how do I …", "warte, wer ist …": the pauses in front say nothing.
    const candidates = [text.trim(), last].flatMap((one) => [one, afterWords(one, pausesAtStart(one, t))]);
    for (const candidate of new Set(candidates)) {
        if (candidate === '') {
            continue;
        }
        const read = await understandText(recognizer, () => t, candidate, lang);
        if (isRequest(read.intent) && read.score >= UNDERSTANDING_POLICY.requestAtComment && recognizer.saysOnly(candidate, [read.intent, 'greeting', 'thanks'])) {
            return candidate;
        }
    }
    return undefined;
}

/** True when an answer to "did this help?" only takes leave: a goodbye, or thanks or "das war's" beyond a plain yes or no that names no rating. */
function leaves(context: TurnContext, text: string, understood: Understanding | undefined, recognizer: IntentRecognizer): boolean {
    const { t } = turnInfo(context);
    if (goodbyeOnly(text, understood, recognizer, t)) {
        return true;
    }
    const closing = understood !== undefined && (understood.intent === 'goodbye' || understood.intent === 'thanks') && understood.score >= UNDERSTANDING_POLICY.interrupt;
    const plainAnswer = yesNoAnswer(context, text, 'start') === true || [...phraseList(t, 'common:yesWords'), ...phraseList(t, 'common:noWords')].includes(phraseOf(text));
    return closing && !plainAnswer && namedRating(context, text) === undefined;
}
