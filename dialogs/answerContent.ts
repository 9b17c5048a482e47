import type { TurnContext } from 'botbuilder';
import { phraseList } from '../language/phraseLists';
import { turnInfo } from '../turn/turn';
import { phraseOf, sentencesOf as messageParts, wordsOf } from '../core/words';
import { yesNoAnswer } from './prompts/yesNoAnswer';

/** A yes or no at the start of a longer answer, and what follows it. */
export interface LeadingAnswer {
    readonly value: boolean;
    /** The text after the yes or no, as written ("keine Mail. Also bitte den Kontakt ändern"). */
    readonly rest: string;
}

/** Content needs at least this many words ("I need 5 more licences"); "ok danke" is none. */
const MIN_CONTENT_WORDS = 3;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** `text` after its first `count` words, without the punctuation that followed them. */
function afterWords(text: string, count: number): string {
    let end = 0;
    let seen = 0;
    for (const match of text.matchAll(WORD)) {
        seen += wordsOf(match[0]).length;
        end = (match.index ?? 0) + match[0].length;
        if (seen >= count) {
            break;
        }
    }
    return text.slice(end).replace(/^[\s,.;:!?–-]+/u, '');
}

/**
 * The yes or no a longer answer begins with ("Nein, keine Mail. Also …",
 * "ja schreib ihr bitte, dass …", "yeah go ahead, my username is pbrooks"),
 * by the phrases of `common:yesWords` and `common:noWords`; undefined when it
 * begins with neither or is nothing else.
 */
export function leadingAnswer(context: TurnContext, text: string): LeadingAnswer | undefined {
    const { t } = turnInfo(context);
    const said = phraseOf(text);
    let best: { value: boolean; words: number } | undefined;
    for (const [value, key] of [[true, 'common:yesWords'], [false, 'common:noWords']] as const) {
        for (const phrase of phraseList(t, key)) {
            const count = phrase.split(' ').length;
            if (said.startsWith(`${phrase} `) && (!best || count > best.words)) {
                best = { value, words: count };
            }
        }
    }
    if (!best) {
        return undefined;
    }
    const rest = afterWords(text, best.words).trim();
    return rest === '' ? undefined : { value: best.value, rest };
}

/**
 * What a longer answer asks for besides its yes or no: the rest without the
 * sentences that only decline ("keine Mail.", "dont send that."); undefined
 * when nothing is left.
 */
export function contentAfterAnswer(context: TurnContext, rest: string): string | undefined {
    const negations = phraseList(turnInfo(context).t, 'common:negationWords');
    const parts = messageParts(rest);
    while (parts.length > 1 && wordsOf(parts[0]).some((word) => negations.includes(word))) {
        parts.shift();
    }
    const content = parts.join(' ').trim();
    return content === '' ? undefined : content;
}

/**
 * The message for the billing contact carried by an answer ("ja schreib ihr
 * bitte, dass ich die Rechnung vom Oktober als PDF brauche", "no dont send
 * that. tell him I need 5 more licences"): without the yes or no, the
 * declining sentence and the words addressed to the bot
 * (`emailAdmin:leadIns`). Undefined when fewer than three words are left.
 */
export function messageContent(context: TurnContext, text: string): string | undefined {
    const lead = leadingAnswer(context, text);
    let content = lead ? contentAfterAnswer(context, lead.rest) : undefined;
    if (!content) {
        return undefined;
    }
    const { t } = turnInfo(context);
    const leadIns = phraseList(t, 'emailAdmin:leadIns');
    const verbLast = phraseList(t, 'emailAdmin:verbLastAfter');
    let subordinate = false;
    for (let found = true; found; ) {
        const said = phraseOf(content);
        const leadIn = leadIns.filter((phrase) => said === phrase || said.startsWith(`${phrase} `)).sort((a, b) => b.length - a.length)[0];
        found = leadIn !== undefined;
        if (leadIn) {
            subordinate = verbLast.includes(leadIn);
            content = afterWords(content, leadIn.split(' ').length);
        }
    }
    if (wordsOf(content).length < MIN_CONTENT_WORDS) {
        return undefined;
    }
    if (subordinate) {
        content = mainClauseOrder(content, phraseList(t, 'emailAdmin:clauseSubjects'));
    }
    return content.charAt(0).toLocaleUpperCase() + content.slice(1);
}

/**
 * A German "dass" clause said as a sentence of its own: the verb at its end
 * moves behind the subject ("ich die Rechnung als PDF brauche" → "ich brauche
 * die Rechnung als PDF"). Other clauses stay as written.
 */
function mainClauseOrder(clause: string, subjects: readonly string[]): string {
    const match = /^(\S+)\s+(.+?)\s+(\S+?)([.!?]*)$/u.exec(clause.trim());
    if (!match || !subjects.includes(match[1].toLocaleLowerCase())) {
        return clause;
    }
    const [, subject, middle, verb, end] = match;
    return `${subject} ${verb} ${middle}${end}`;
}

/** A change to a draft said at its send question: words to add to it, or words to write instead. */
export interface DraftChange {
    readonly kind: 'add' | 'replace';
    readonly text: string;
}

/**
 * "add: please send the invoice as PDF", "ergänze: …", "nein, statt dessen: …",
 * "write instead that …": the draft's new words after one of
 * `emailAdmin:addMarkers` or `emailAdmin:insteadMarkers` (a yes or no in front
 * is set aside); undefined for any other answer.
 */
export function draftChange(context: TurnContext, text: string): DraftChange | undefined {
    const { t } = turnInfo(context);
    const base = leadingAnswer(context, text)?.rest ?? text;
    const said = phraseOf(base);
    let best: { kind: DraftChange['kind']; words: number } | undefined;
    for (const [kind, key] of [['add', 'emailAdmin:addMarkers'], ['replace', 'emailAdmin:insteadMarkers']] as const) {
        for (const marker of phraseList(t, key)) {
            const count = marker.split(' ').length;
            if (said.startsWith(`${marker} `) && (!best || count > best.words)) {
                best = { kind, words: count };
            }
        }
    }
    const rest = best ? afterWords(base, best.words).trim() : '';
    return best && wordsOf(rest).length >= 2 ? { kind: best.kind, text: rest.charAt(0).toLocaleUpperCase() + rest.slice(1) } : undefined;
}

/** Words of a draft's sentence this long or longer say what it is about ("invoice", "Lizenzen"); shorter ones are small words. */
const MIN_TOPIC_WORD_LENGTH = 4;

/** A new sentence repeats the draft (written anew) when this share of its longer words is in the draft already. */
const REWORDING_SHARE = 0.6;

/**
 * A sentence of its own at a draft's send question ("we need the march
 * invoice as pdf", "bitte auch die Rechnung vom März als PDF"): what the
 * person wants to say, so the draft changes. Said again in other words, it
 * replaces the draft; said with an "also" (`emailAdmin:alsoWords`) or about
 * something else, it is added. A yes in front counts when more follows that
 * is no word of sending (`emailAdmin:sendWords`). Undefined for a no, a yes
 * alone, a question (`?` or `emailAdmin:questionStarts`) and for fewer
 * than three words.
 */
export function newDraftSentence(context: TurnContext, text: string, previous: string): DraftChange | undefined {
    const { t } = turnInfo(context);
    const lead = leadingAnswer(context, text);
    // "ja, passt so, schicken Sie es ab" is a yes; "bitte auch die Rechnung vom März" or "yes, and add that …" is more to say.
    // "okay, but change the text" asks what to change: the question is asked again.
    const reservation = [...phraseList(t, 'emailAdmin:sendWords'), ...phraseList(t, 'common:yesNoContrast')];
    if (lead && (!lead.value || yesNoAnswer(context, text, 'whole') === true || containsPhrase(lead.rest, reservation))) {
        return undefined;
    }
    // After a polite "bitte" or "please" the whole sentence is the person's; after a "yes" what follows it.
    const sentence = lead && !phraseList(t, 'emailAdmin:politeStarts').includes(phraseOf(text).split(' ')[0]) ? lead.rest : text;
    const said = phraseOf(sentence);
    if (wordsOf(sentence).length < MIN_CONTENT_WORDS || sentence.trim().endsWith('?')) {
        return undefined;
    }
    if (phraseList(t, 'emailAdmin:questionStarts').some((start) => said === start || said.startsWith(`${start} `))) {
        return undefined;
    }
    const leadIn = addressedLeadIn(context, sentence);
    const content = leadIn ? afterWords(sentence, leadIn.split(' ').length).trim() : sentence.trim();
    const also = phraseList(t, 'emailAdmin:alsoWords');
    const topicWords = wordsOf(content).filter((word) => word.length >= MIN_TOPIC_WORD_LENGTH);
    const inDraft = new Set(wordsOf(previous));
    const rewording = topicWords.length > 0 && topicWords.filter((word) => inDraft.has(word)).length / topicWords.length >= REWORDING_SHARE;
    const kind = rewording && !wordsOf(content).some((word) => also.includes(word)) ? 'replace' : 'add';
    return { kind, text: content.charAt(0).toLocaleUpperCase() + content.slice(1) };
}

/** The words that address the draft's recipient at the start of `text` ("tell him", "sagen Sie ihr"), if any. */
export function addressedLeadIn(context: TurnContext, text: string): string | undefined {
    const said = phraseOf(text);
    return phraseList(turnInfo(context).t, 'emailAdmin:leadIns')
        .filter((phrase) => phrase.includes(' ') && said.startsWith(`${phrase} `))
        .sort((a, b) => b.length - a.length)[0];
}

/** True when one of `phrases` stands in `text` as whole words. */
function containsPhrase(text: string, phrases: readonly string[]): boolean {
    const said = ` ${phraseOf(text)} `;
    return phrases.some((phrase) => said.includes(` ${phrase} `));
}
