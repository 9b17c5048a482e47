import type { TurnContext } from 'botbuilder';
import { clauseAsMessage, statedWhenAskedOfBot } from '../language/clauseMessage';
import { pausesAtStart, perLanguage, phraseList, phraseWordList } from '../language/phraseLists';
import type { TFunction } from 'i18next';
import { turnInfo } from '../turn/turn';
import { messageToOthersAfterFrame } from '../turn/understand';
import { oncePerTurn } from '../turn/turnMemo';
import { beginsWith, containsPhrase, phraseLengthAt, phraseOf, sentencesOf as messageParts, wordsAt, wordsOf, type WordAt } from '../core/words';
import { asksQuestion, soundsBefore, yesNoAnswer } from './prompts/yesNoAnswer';

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
export function afterWords(text: string, count: number): string {
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
 * The longest phrase of `lists` that the phrase `said` begins with (and goes
 * on after), with the kind of its list; the first of equal length wins.
 * A phrase's words are counted only when it matches.
 */
function longestLead<K>(said: string, lists: ReadonlyArray<readonly [K, readonly string[]]>): { readonly kind: K; readonly words: number } | undefined {
    let best: { kind: K; words: number } | undefined;
    for (const [kind, phrases] of lists) {
        for (const phrase of phrases) {
            if (beginsWith(said, phrase)) {
                const count = phrase.split(' ').length;
                if (!best || count > best.words) {
                    best = { kind, words: count };
                }
            }
        }
    }
    return best;
}

/**
 * The yes or no a longer answer begins with ("Nein, keine Mail. Also …",
 * "ja schreib ihr bitte, dass …", "yeah go ahead, my username is pbrooks"),
 * by the phrases of `common:yesWords` and `common:noWords`; undefined when it
 * begins with neither or is nothing else.
 */
export function leadingAnswer(context: TurnContext, text: string): LeadingAnswer | undefined {
    const { t, lang } = turnInfo(context);
    // Asked of the same answer by the interruption check, the prompt and its step: read once a turn.
    return oncePerTurn(context, LEADING_ANSWER, `${lang}:${text}`, () => leadingAnswerIn(text, t));
}

const LEADING_ANSWER = Symbol('billingAssistant.leadingAnswer');

function leadingAnswerIn(text: string, t: TFunction): LeadingAnswer | undefined {
    // "ach nee, …", "oh yes, …": a sound before the yes or no changes nothing.
    const interjections = phraseList(t, 'common:interjections');
    const words = phraseOf(text).split(' ');
    const skipped = soundsBefore(words, interjections);
    const said = words.slice(skipped).join(' ');
    const best = longestLead(said, [
        [true, phraseList(t, 'common:yesWords')],
        [false, phraseList(t, 'common:noWords')]
    ]);
    if (!best) {
        return undefined;
    }
    const rest = afterWords(text, skipped + best.words).trim();
    return rest === '' ? undefined : { value: best.kind, rest };
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
 * (`emailAdmin:leadIns`, and the frames {@link mailText} takes off), or
 * without a yes when such words frame it. The person's words stay as written.
 * Undefined when fewer than three words are left.
 */
export function messageContent(context: TurnContext, text: string): string | undefined {
    const lead = leadingAnswer(context, text);
    const content = lead ? contentAfterAnswer(context, lead.rest) : undefined;
    if (!content) {
        // No yes in front, but the message after words to the bot: "can you email them for me? Text: Hi Peter, …".
        const framed = mailText(context, text);
        return framed.framed && wordsOf(framed.text).length >= MIN_CONTENT_WORDS ? framed.text : undefined;
    }
    return withoutLeadIns(context, content);
}

/**
 * The message an answer to the offer to write carries without a yes ({@link carriesMessage}: "actually, tell her we need it by
 * friday", "make it 4 licences, and say it's for the interns"): the words after the pause, without the words to the bot.
 */
export function messageInAnswer(context: TurnContext, text: string): string | undefined {
    return carriesMessage(context, text) ? withoutLeadIns(context, afterPause(context, text)) : undefined;
}

/** `content` without the words to the bot it begins with (`emailAdmin:leadIns`, the frames {@link mailText} takes off); undefined under three words. */
function withoutLeadIns(context: TurnContext, text: string): string | undefined {
    let content = text;
    const { t } = turnInfo(context);
    const leadIns = phraseList(t, 'emailAdmin:leadIns');
    const politeStarts = phraseList(t, 'emailAdmin:politeStarts');
    // The last word taken off with the words to the bot: after "sag ihr, dass" a clause follows.
    let marker: string | undefined;
    // "tell her please send me the invoice", "sag ihr bitte schick mir …": a please after the words to the recipient opens the
    // person's own request and stays in it, as written; before them ("please tell her …") or before a comma it is to the bot.
    let ownPlease: string | undefined;
    let addressed = false;
    for (let found = true; found; ) {
        const said = phraseOf(content);
        const leadIn = leadIns.filter((phrase) => said === phrase || beginsWith(said, phrase)).sort((a, b) => b.length - a.length)[0];
        found = leadIn !== undefined;
        if (leadIn) {
            const words = leadIn.split(' ');
            const rest = afterWords(content, words.length);
            const taken = content.slice(0, content.length - rest.length);
            marker = words.at(-1);
            const polite = marker !== undefined && politeStarts.includes(marker) && (addressed || words.length > 1) && !/,\s*$/u.test(taken);
            ownPlease = polite ? (taken.trim().split(/\s+/u).at(-1) ?? marker) : undefined;
            addressed = true;
            content = rest;
        }
    }
    // "schreib ihr, ob sie mich morgen anrufen kann", "write her whether …": a clause's opening word after the words to the
    // recipient opens what is passed on, as it does when a lead-in ends in it ("frag sie, ob").
    const opening = wordsOf(content)[0];
    if (addressed && ownPlease === undefined && !isClauseMarker(t, marker) && isClauseMarker(t, opening) && wordsOf(content).length > 1) {
        marker = opening;
        content = afterWords(content, 1);
    }
    if (ownPlease !== undefined) {
        content = `${ownPlease} ${content}`;
    }
    const framed = mailText(context, content);
    if (wordsOf(framed.text).length < MIN_CONTENT_WORDS) {
        return undefined;
    }
    return framed.text !== content.trim() ? framed.text : clauseAsMessage(t, ownPlease === undefined ? marker : undefined, framed.text);
}

/**
 * True when `word` opens a clause passed on right after the words to the recipient (`emailAdmin:clauseOpeners`: "dass",
 * "ob", "that", "whether"; not "if", which opens a condition as often: "tell her if she can't come, we'll move it").
 */
function isClauseMarker(t: TFunction, word: string | undefined): boolean {
    return word !== undefined && phraseList(t, 'emailAdmin:clauseOpeners').includes(word.toLocaleLowerCase());
}

/** A change to a draft said at its send question: words to add to it, or words to write instead. */
export interface DraftChange {
    readonly kind: 'add' | 'replace';
    readonly text: string;
    /** The words after the marker are a text of their own, as written ("stattdessen: …", "instead write …"), not a correction of the draft. */
    readonly whole?: boolean;
}

/**
 * "add: please send the invoice as PDF", "ergänze: …", "nein, statt dessen: …",
 * "write instead that …": the draft's new words after one of
 * `emailAdmin:addMarkers` or `emailAdmin:insteadMarkers` (a yes or no in front
 * is set aside); undefined for any other answer. After a colon the words are
 * taken as written; so are new words after a marker that names writing.
 */
export function draftChange(context: TurnContext, text: string): DraftChange | undefined {
    const { t } = turnInfo(context);
    const base = leadingAnswer(context, text)?.rest ?? text;
    // "actually add that …", "Moment, ergänze bitte noch, dass …": a pause before the marker changes nothing.
    const paused = pausesAtStart(base, t);
    const said = phraseOf(base).split(' ').slice(paused).join(' ');
    const best = longestLead<DraftChange['kind']>(said, [
        ['add', phraseList(t, 'emailAdmin:addMarkers')],
        ['replace', phraseList(t, 'emailAdmin:insteadMarkers')]
    ]);
    if (!best) {
        return undefined;
    }
    const after = afterWords(base, paused + best.words).trim();
    // "nein, stattdessen: bitte 5 weitere Lizenzen bestellen": the colon hands over the text itself, its "bitte" too.
    const colon = base.slice(0, base.length - after.length).indexOf(':');
    const rest = colon >= 0 ? base.slice(colon + 1).trim() : asClause(t, after);
    const writes = said.split(' ').slice(0, best.words).some((word) => phraseList(t, 'emailAdmin:instructionWords').includes(word));
    const whole = best.kind === 'replace' && (colon >= 0 || writes);
    return wordsOf(rest).length >= 2 ? { kind: best.kind, text: rest.charAt(0).toLocaleUpperCase() + rest.slice(1), whole } : undefined;
}

/**
 * The words after a marker to add, without the small words that only point at the draft
 * (`emailAdmin:addFillers`: "noch", "dazu") and with a "that"/"dass" clause set as a sentence
 * ("noch, dass ich sie bis Freitag brauche" → "Ich brauche sie bis Freitag").
 */
function asClause(t: TFunction, text: string): string {
    const fillers = phraseList(t, 'emailAdmin:addFillers');
    const words = wordsOf(text);
    let skipped = 0;
    while (skipped < words.length - 1 && fillers.includes(words[skipped])) {
        skipped++;
    }
    const marker = words[skipped];
    const markers = [...phraseList(t, 'emailAdmin:clauseMarkers.that'), ...phraseList(t, 'emailAdmin:clauseMarkers.whether')];
    if (marker !== undefined && markers.includes(marker) && skipped < words.length - 1) {
        return clauseAsMessage(t, marker, afterWords(text, skipped + 1));
    }
    return skipped > 0 ? afterWords(text, skipped) : text;
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
    // "perfect, send it": a yes, after a sound of approval.
    if (yesNoAnswer(context, text, 'whole') === true) {
        return undefined;
    }
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
    if (phraseList(t, 'emailAdmin:questionStarts').some((start) => said === start || beginsWith(said, start))) {
        return undefined;
    }
    // "bitte, sag ihr, dass die Kreditkarte abläuft": the words to the bot go, the clause after them reads as a sentence.
    const framed = mailText(context, sentence);
    const leadIn = addressedLeadIn(context, sentence);
    const content = framed.framed ? framed.text : leadIn ? afterWords(sentence, leadIn.split(' ').length).trim() : sentence.trim();
    const also = phraseList(t, 'emailAdmin:alsoWords');
    const topicWords = wordsOf(content).filter((word) => word.length >= MIN_TOPIC_WORD_LENGTH);
    const inDraft = new Set(wordsOf(previous));
    const rewording = topicWords.length > 0 && topicWords.filter((word) => inDraft.has(word)).length / topicWords.length >= REWORDING_SHARE;
    const kind = rewording && !wordsOf(content).some((word) => also.includes(word)) ? 'replace' : 'add';
    return { kind, text: content.charAt(0).toLocaleUpperCase() + content.slice(1) };
}

/** `text` without the pause it begins with ("actually, …", "Moment, …"). */
function afterPause(context: TurnContext, text: string): string {
    return afterWords(text, pausesAtStart(text, turnInfo(context).t)).trim();
}

/**
 * True when an answer without a yes or no carries the message for the one to be written to: after a pause it
 * addresses them ("actually, tell her …", "Moment, sag ihr, dass …"), or a clause of it passes words on
 * ("make it 4 licences, and say it's for the interns", "eigentlich 4 Lizenzen, sag ihr, es ist für …",
 * by the phrases of `emailAdmin:frameMarkers`). A question is none ("should I ask her myself?").
 */
export function carriesMessage(context: TurnContext, text: string): boolean {
    if (asksQuestion(context, text) || wordsOf(text).length < MIN_CONTENT_WORDS) {
        return false;
    }
    const markers = phraseList(turnInfo(context).t, 'emailAdmin:frameMarkers').filter((phrase) => phrase.includes(' '));
    return addressedLeadIn(context, afterPause(context, text)) !== undefined || containsPhrase(text, markers);
}

/** The words that address the draft's recipient at the start of `text` ("tell him", "sagen Sie ihr"), if any. */
export function addressedLeadIn(context: TurnContext, text: string): string | undefined {
    const said = phraseOf(text);
    return phraseList(turnInfo(context).t, 'emailAdmin:leadIns')
        .filter((phrase) => phrase.includes(' ') && beginsWith(said, phrase))
        .sort((a, b) => b.length - a.length)[0];
}


/** A frame longer than this many words before its marker is the person's message, not words to the bot. */
const FRAME_MAX_WORDS = 14;

/** Where the first frame marker (or a colon) of `text` ends, from word `from` on, when the words before it are said to the bot. */
function frameEnd(context: TurnContext, text: string, tokens: readonly WordAt[], from: number): number | undefined {
    const { t } = turnInfo(context);
    const markers = phraseWordList(t, 'emailAdmin:frameMarkers');
    const colon = text.indexOf(':', from < tokens.length ? tokens[from].start : text.length);
    for (let i = from; i < tokens.length && i - from <= FRAME_MAX_WORDS; i++) {
        if (colon >= 0 && colon < tokens[i].start) {
            // "Text: …", "kannst du ihm schreiben: …" name the writing right before the colon; "Der Text auf der Rechnung ist falsch: …" does not.
            return i > from && saidToTheBot(context, tokens.slice(i - 1, i), false) ? colon + 1 : undefined;
        }
        const length = phraseLengthAt(tokens, i, markers);
        if (length > 0) {
            return saidToTheBot(context, tokens.slice(from, i), true) ? tokens[i + length - 1].end : undefined;
        }
    }
    return undefined;
}

/**
 * True when the words before a marker ask the bot to pass something on
 * ("kannst du der bitte ne mail schreiben", "Email Peter and", "Text"): they
 * name writing or telling (`emailAdmin:instructionWords`), or, before a marker
 * that does itself ("tell her", "sag ihm"), are only fillers ("yes please").
 */
function saidToTheBot(context: TurnContext, before: readonly WordAt[], markerInstructs: boolean): boolean {
    const { t } = turnInfo(context);
    const instructions = phraseList(t, 'emailAdmin:instructionWords');
    if (before.some((token) => instructions.includes(token.word))) {
        return true;
    }
    const fillers = frameFillers(t);
    return markerInstructs && before.every((token) => fillers.has(token.word));
}

/** `emailAdmin:frameFillers` with the informal ones people type (`emailAdmin:frameFillersInformal.heard`: "du", "u"), read once per language. */
const frameFillers = perLanguage((t) => new Set([...phraseList(t, 'emailAdmin:frameFillers'), ...phraseList(t, 'emailAdmin:frameFillersInformal.heard')]));

/**
 * The message for the billing contact in what the person wrote, as they wrote
 * it but without the thanks it begins with ("Danke.", "ok thanks") and the
 * words addressed to the bot before it ("kannst du der bitte ne mail
 * schreiben, dass …", "Email Peter and tell him: …", "tell her that …",
 * "Text: …"). `framed` says whether such words were there.
 */
export function mailText(context: TurnContext, text: string): { readonly text: string; readonly framed: boolean } {
    const acknowledgements = phraseWordList(turnInfo(context).t, 'emailAdmin:acknowledgements');
    let content = text.trim();
    let framed = false;
    let cutAny = false;
    // The word that ended the last frame cut off ("dass" in "schreib ihr, dass …"): a clause follows it.
    let marker: string | undefined;
    // The words to the bot cut off, all of them ("can you tell them"): a question mark at the end may be theirs.
    let toBot = '';
    for (let cut = true; cut; ) {
        const tokens = wordsAt(content);
        let from = 0;
        for (let length = phraseLengthAt(tokens, 0, acknowledgements); length > 0; length = phraseLengthAt(tokens, from, acknowledgements)) {
            from += length;
        }
        const end = frameEnd(context, content, tokens, from);
        framed ||= end !== undefined;
        // "Danke für die schnelle Antwort" is the message; "Danke. Wir brauchen …" begins with a thanks of its own.
        const ownSentence = from > 0 && (from === tokens.length || /[.,;!]/u.test(content.slice(tokens[from - 1].end, tokens[from].start)));
        const start = end ?? (ownSentence ? (tokens[from]?.start ?? content.length) : 0);
        cut = start > 0;
        cutAny ||= cut;
        if (cut) {
            marker = end === undefined ? undefined : wordsOf(content.slice(0, end)).at(-1);
            toBot = `${toBot} ${content.slice(0, start)}`;
        }
        content = content.slice(start).replace(/^[\s,.;:!?–-]+/u, '').trim();
    }
    // "Then pls email peter that I need access …": words to the bot that end in "that"/"dass" rather than in a marker of their own.
    const { t, lang } = turnInfo(context);
    const afterThat = framed ? undefined : messageToOthersAfterFrame(() => t, content, lang);
    if (afterThat !== undefined) {
        return { text: afterThat, framed: true };
    }
    // What followed the words to the bot now begins the message: only then its first letter is made a capital.
    return { text: cutAny ? clauseAsMessage(t, marker, statedWhenAskedOfBot(t, toBot, content)) : content, framed };
}

/**
 * True when `text`, a mail's words as taken from an answer, only asks that the mail be marked urgent ("but tell her it's
 * urgent", "aber bitte mit dem Hinweis, dass es eilt"): after words to the bot (`emailAdmin:urgency.leadWords`) at its
 * start, only one of `emailAdmin:urgency.phrases`. Such words are no message: the billing contact would learn nothing.
 */
export function onlyUrgency(context: TurnContext, text: string): boolean {
    const { t } = turnInfo(context);
    const lead = new Set(phraseList(t, 'emailAdmin:urgency.leadWords'));
    const words = wordsOf(text);
    let from = 0;
    while (from < words.length && lead.has(words[from])) {
        from++;
    }
    const rest = words.slice(from).join(' ');
    return rest !== '' && phraseList(t, 'emailAdmin:urgency.phrases').includes(rest);
}
