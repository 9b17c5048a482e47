import type { TurnContext } from 'botbuilder';
import type { Intent, IntentRecognizer } from '../language/nlu';
import { phraseList } from '../language/phraseLists';
import { UNDERSTANDING_POLICY } from '../language/understandingPolicy';
import { containsPhrase, sentencesOf, wordsOf } from '../core/words';
import { turnTranscript } from '../turn/transcript';
import { turnInfo } from '../turn/turn';
import { addressedLeadIn } from './answerContent';

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
 * mail offer: "this" is what the person told before, in their latest message
 * long enough to tell a matter (a verb of `emailAdmin:forwardWords.verbs` and a
 * word of `.objects` in a short answer). Its sentences that
 * only asked the bot (who the billing contact is, a greeting) stay out; the
 * rest is the message, shown back before it is sent. Undefined when the answer
 * says no such thing or nothing earlier tells a matter.
 */
export async function forwardedStory(context: TurnContext, text: string, recognizer: IntentRecognizer): Promise<string | undefined> {
    const { lang } = turnInfo(context);
    if (!asksToForward(context, text)) {
        return undefined;
    }
    const lines = await turnTranscript(context);
    // The last line is this answer; the story came before it.
    const story = lines
        .slice(0, -1)
        .filter((line) => line.from === 'customer' && wordsOf(line.text).length >= STORY_MIN_WORDS)
        .at(-1);
    if (!story) {
        return undefined;
    }
    const kept: string[] = [];
    for (const sentence of sentencesOf(story.text)) {
        // "Guten Tag, auf unserer Rechnung fehlen …": the greeting before the comma goes, the matter stays.
        const greeting = greetingOf(sentence);
        const greeted = greeting !== undefined && (await recognizer.recognize(greeting.opening, lang)).intent === 'greeting';
        const matter = greeted ? greeting.rest : sentence;
        const understood = await recognizer.recognize(matter, lang);
        if (wordsOf(matter).length >= GREETING_MAX_WORDS && !(understood.score >= UNDERSTANDING_POLICY.understood && SAID_TO_THE_BOT.has(understood.intent))) {
            kept.push(matter);
        }
    }
    return kept.length > 0 ? kept.join(' ') : undefined;
}
