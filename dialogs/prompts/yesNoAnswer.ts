import type { TurnContext } from 'botbuilder';
import { findBoolean } from '../../language/entities';
import { opensQuestion, perLanguage, phraseList } from '../../language/phraseLists';
import { turnInfo } from '../../turn/turn';
import { beginsWith, hasPhrase, phraseOf } from '../../core/words';

/**
 * How much of the answer must be a yes or a no: `whole` for questions with
 * other options too ("ja bitte" picks the offered action, "ja, lieber die
 * Änderung" does not), `start` for plain yes/no questions ("passt so, schick ab").
 */
export type YesNoMode = 'whole' | 'start';

/**
 * Yes (true), no (false) or neither, by the phrases of `common:yesWords` and
 * `common:noWords` in the turn's language ("klar", "passt", "nö", "nope"),
 * then by recognizers-text.
 */
export function yesNoAnswer(context: TurnContext, text: string, mode: YesNoMode): boolean | undefined {
    const { t, lang } = turnInfo(context);
    const phrases = (key: string): readonly string[] => phraseList(t, key);
    // "perfect, send it", "super, passt so": a sound of approval before the answer changes nothing ("super danke" is no yes).
    const said = withoutLeading(phraseOf(text), phrases('common:interjections'));
    if (said === '') {
        return undefined;
    }
    const fillers = phrases('common:yesNoFillers');
    const core = mode === 'whole' ? withoutTrailing(said, fillers) : said;
    let best: { value: boolean; length: number } | undefined;
    for (const [value, list] of [[true, phrases('common:yesWords')], [false, phrases('common:noWords')]] as const) {
        for (const phrase of list) {
            const matches = core === phrase || (mode === 'start' && beginsWith(core, phrase));
            if (matches && (!best || phrase.length > best.length)) {
                best = { value, length: phrase.length };
            }
        }
    }
    // "nein, das mache ich selbst": a no followed by its reason is still a no.
    if (!best && mode === 'whole') {
        const firstClause = text.split(/[,;:.!–-]/)[0] ?? '';
        const clause = phraseOf(firstClause);
        // Not when a question follows ("no thanks. what's the difference …?"): the no declines, the question is asked.
        // Nor when what follows begins with a "but" ("nein danke. aber Eva soll das künftig machen"): the rest asks for something.
        const rest = phraseOf(text.slice(firstClause.length));
        const turns = phrases('common:yesNoContrast').some((word) => rest === word || beginsWith(rest, word));
        if (clause !== said && phrases('common:noWords').includes(clause) && !asksQuestion(context, text) && !turns) {
            return false;
        }
    }
    // "okay, but change the text" is no yes to "shall I send it?": a yes with a "but" asks again.
    const contrast = mode === 'start' && phrases('common:yesNoContrast').some((word) => hasPhrase(said, word));
    const value = best ? best.value : mode === 'whole' && core.split(' ').length > 3 ? undefined : findBoolean(text, lang);
    // "ok, und was passiert dann?" is a question, not a yes: only clear acceptance accepts.
    return value === true && (contrast || asksQuestion(context, text)) ? undefined : value;
}


/** How many of `words` are sounds before the answer ("oh", "ach nee", "perfect, …"; `common:interjections`); never all of them. */
export function soundsBefore(words: readonly string[], sounds: readonly string[]): number {
    let skipped = 0;
    while (skipped < words.length - 1 && sounds.includes(words[skipped])) {
        skipped++;
    }
    return skipped;
}

/** The answer without the sounds it begins with ("oh", "perfect"), unless nothing else is said. */
function withoutLeading(said: string, sounds: readonly string[]): string {
    const words = said.split(' ');
    return words.slice(soundsBefore(words, sounds)).join(' ');
}

/** The answer without polite words at its end ("ja bitte" → "ja", "no thanks" → "no"). */
function withoutTrailing(said: string, fillers: readonly string[]): string {
    let rest = said;
    for (let changed = true; changed; ) {
        changed = false;
        for (const filler of fillers) {
            if (rest !== filler && rest.endsWith(` ${filler}`)) {
                rest = rest.slice(0, -filler.length - 1);
                changed = true;
            }
        }
    }
    return rest;
}

/** The yes and no phrases and the fillers beside them, joined once per language ({@link perLanguage}): {@link asksQuestion} reads them at every answer. */
const answerPhrases = perLanguage((t): readonly string[] => [...phraseList(t, 'common:yesWords'), ...phraseList(t, 'common:noWords'), ...phraseList(t, 'common:yesNoFillers')]);

/**
 * True when an answer asks something instead of (or after) its yes: it ends
 * with a question mark, or what follows a leading yes or no begins like a
 * question (`common:questionStarts`: "ok how long will it take", "ja, wann
 * bekommt sie die"). A yes phrase alone ("why not?") asks nothing. Such an
 * answer is no clear acceptance.
 */
export function asksQuestion(context: TurnContext, text: string): boolean {
    const { t } = turnInfo(context);
    const rest = afterAnswerPhrases(phraseOf(text), answerPhrases(t));
    if (rest === '') {
        return false;
    }
    return text.trim().endsWith('?') || opensQuestion(rest, t);
}

/** True when `text` is nothing but yes or no phrases and the fillers beside them ("ja schick ab", "yes please, send it"). */
export function onlyAnswerPhrases(context: TurnContext, text: string): boolean {
    const said = phraseOf(text);
    return said !== '' && afterAnswerPhrases(said, answerPhrases(turnInfo(context).t)) === '';
}

/** `said` without the yes, no and filler phrases it begins with, one after another, longest first. */
function afterAnswerPhrases(said: string, answers: readonly string[]): string {
    let rest = said;
    for (let shorter = true; shorter; ) {
        shorter = false;
        const lead = answers.filter((phrase) => rest === phrase || beginsWith(rest, phrase)).sort((a, b) => b.length - a.length)[0];
        if (lead) {
            rest = rest.slice(lead.length).trim();
            shorter = rest !== '';
        }
    }
    return rest;
}
