import type { TurnContext } from 'botbuilder';
import type { Intent, IntentRecognizer } from '../language/nlu';
import type { TFunction } from 'i18next';
import { phraseList } from '../language/phraseLists';
import { asksWhetherToWrite } from '../language/writeWish';
import { UNDERSTANDING_POLICY } from '../language/understandingPolicy';
import { containsPhrase, sentencesOf, wordsOf } from '../core/words';
import { turnTranscript } from '../turn/transcript';
import { turnInfo } from '../turn/turn';
import { addressedLeadIn, leadingAnswer } from './answerContent';
import { numberCorrection, partCorrection, type PartCorrection } from './draftCorrection';

/** An earlier message this long or longer told what the matter is; shorter ones were answers (an address, "yes"). */
const STORY_MIN_WORDS = 8;

/** "can you just forward this to him" is this long at most; longer, the answer says more than "this". */
const INSTRUCTION_MAX_WORDS = 12;

/** What the person asked the bot itself in their story, left out of what is passed on ("Who should I talk to about this?"). */
const SAID_TO_THE_BOT: ReadonlySet<Intent> = new Set(['who-is-billing-contact', 'am-i-billing-contact', 'email-billing-admin', 'talk-to-human']);

/** A greeting in front of a sentence ("Hello,", "Guten Tag,") has at most this many words. */
const GREETING_MAX_WORDS = 3;

/** A sentence's first words up to a comma (a greeting, perhaps: "Hello,", "Guten Tag,") and the rest, capitalised. */
function greetingOf(sentence: string): { readonly opening: string; readonly rest: string } | undefined {
    const comma = sentence.search(/[,!–]/u);
    if (comma < 0 || wordsOf(sentence.slice(0, comma)).length > GREETING_MAX_WORDS) {
        return undefined;
    }
    const rest = sentence.slice(comma + 1).trim();
    return { opening: sentence.slice(0, comma), rest: rest.charAt(0).toLocaleUpperCase() + rest.slice(1) };
}

/** True for a short answer that asks to pass on what was said ("leiten Sie das bitte weiter"); "tell him to send it again" is a message of its own. */
export function asksToForward(context: TurnContext, text: string): boolean {
    const { t } = turnInfo(context);
    const words = wordsOf(text);
    const verbs = phraseList(t, 'emailAdmin:forwardWords.verbs');
    return (
        addressedLeadIn(context, text) === undefined &&
        words.length <= INSTRUCTION_MAX_WORDS &&
        words.some((word) => verbs.includes(word)) &&
        containsPhrase(text, phraseList(t, 'emailAdmin:forwardWords.objects'))
    );
}

/**
 * "can you just forward this to him", "leiten Sie das bitte weiter" at the
 * mail offer: "this" is what the person told before ({@link toldBefore}, a verb
 * of `emailAdmin:forwardWords.verbs` and a word of `.objects` in a short
 * answer), shown back before it is sent. Undefined when the answer says no
 * such thing or nothing earlier tells a matter.
 */
export async function forwardedStory(context: TurnContext, text: string, recognizer: IntentRecognizer): Promise<string | undefined> {
    return asksToForward(context, text) ? toldBefore(context, recognizer) : undefined;
}

/**
 * "nee warte, nicht november sondern oktober", "make it 4" at the mail offer,
 * after the person told what the matter is: what they told ({@link toldBefore})
 * with that part corrected ({@link numberCorrection}, {@link partCorrection}), the
 * mail's text. Undefined when the answer corrects nothing of it.
 */
export async function correctedStory(context: TurnContext, text: string, recognizer: IntentRecognizer): Promise<string | undefined> {
    const story = await toldBefore(context, recognizer);
    const corrected = story === undefined ? undefined : storyCorrection(context, text, story);
    return corrected?.kind === 'replace' ? corrected.text : undefined;
}

/**
 * True when an answer corrects a number or a part of the person's latest message long enough to tell a matter
 * ("nicht november sondern oktober" after "… die Rechnung vom November …"): read as written, before the
 * sentences that asked the bot are set aside; {@link correctedStory} reads it so.
 */
export async function correctsStory(context: TurnContext, text: string): Promise<boolean> {
    const story = await latestStory(context);
    return story !== undefined && storyCorrection(context, text, story)?.kind === 'replace';
}

/** `story` corrected by `text`; after a no ("nein danke, 2 reichen") only where it names the part it corrects ("nee, nicht 3 sondern 4"). */
function storyCorrection(context: TurnContext, text: string, story: string): PartCorrection | undefined {
    const declines = leadingAnswer(context, text)?.value === false;
    return (declines ? undefined : numberCorrection(context, text, story)) ?? partCorrection(context, text, story);
}

/** True for a question whether the person may write to someone ("Can I email Anna?", "Kann ich Anna eine Mail schicken?"): said to the bot. */
function asksToWrite(t: TFunction, sentence: string): boolean {
    return asksWhetherToWrite(t, sentence) && containsPhrase(sentence, phraseList(t, 'emailAdmin:instructionWords'));
}

/** The person's latest message before this answer that is long enough to tell a matter. */
async function latestStory(context: TurnContext): Promise<string | undefined> {
    const lines = await turnTranscript(context);
    // The last line is this answer; the story came before it.
    return lines
        .slice(0, -1)
        .filter((line) => line.from === 'customer' && wordsOf(line.text).length >= STORY_MIN_WORDS)
        .at(-1)?.text;
}

/**
 * What the person told before, in their latest message long enough to tell a
 * matter: its sentences that only asked the bot (who the billing contact is,
 * a greeting) stay out; the rest is the message. Undefined when nothing is left.
 */
async function toldBefore(context: TurnContext, recognizer: IntentRecognizer): Promise<string | undefined> {
    const { t, lang } = turnInfo(context);
    const story = await latestStory(context);
    if (story === undefined) {
        return undefined;
    }
    const kept: string[] = [];
    for (const sentence of sentencesOf(story)) {
        // "Guten Tag, auf unserer Rechnung fehlen …": the greeting before the comma goes, the matter stays.
        const greeting = greetingOf(sentence);
        const greeted = greeting !== undefined && (await recognizer.recognize(greeting.opening, lang)).intent === 'greeting';
        const matter = greeted ? greeting.rest : sentence;
        const understood = await recognizer.recognize(matter, lang);
        const askedTheBot = (understood.score >= UNDERSTANDING_POLICY.understood && SAID_TO_THE_BOT.has(understood.intent)) || asksToWrite(t, matter);
        if (wordsOf(matter).length >= GREETING_MAX_WORDS && !askedTheBot) {
            kept.push(matter);
        }
    }
    return kept.length > 0 ? kept.join(' ') : undefined;
}
