import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { recognizeChoices, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { cultureOf } from '../../core/language';
import { perLanguage, phraseList } from '../../language/phraseLists';
import { mayBeName } from '../../language/personName';
import { turnInfo } from '../../turn/turn';
import { containsPhrase, sentencesOf, wordsOf } from '../../core/words';
import { wishesToWriteToSomeone } from '../../language/writeWish';
import { buttonLabel, LocalizedPrompt, matchButton, type LocalizedPromptOptions } from './localizedPrompt';
import { addressedLeadIn, carriesMessage, leadingAnswer } from '../answerContent';
import { asksToForward, correctsStory } from '../forwardedStory';
import { reasonInRequest } from '../../language/reasonInRequest';
import { asksQuestion, onlyAnswerPhrases } from './yesNoAnswer';

/**
 * One of the buttons, chosen by clicking, typing its label, its number as the
 * whole answer ("2", "the second one", "Nummer 2"), or words of one label only
 * ("Lea", "die Lea" for "Lea Fischer"). Returns the button's value.
 */
export class PickPrompt extends LocalizedPrompt<string> {
    public constructor(dialogId: string, validator?: PromptValidator<string>, takes?: (context: TurnContext, text: string) => boolean) {
        super(dialogId, validator, takes);
    }

    protected async recognize(context: TurnContext, text: string, options: LocalizedPromptOptions): Promise<PromptRecognizerResult<string>> {
        const buttons = options.buttons ?? [];
        const exact = matchButton(context, buttons, text);
        if (exact) {
            return { succeeded: true, value: exact.value };
        }
        const choices = buttons.map((b) => ({ value: b.value, synonyms: [buttonLabel(context, b)] }));
        // "the taylor one", "für taylr consulting bitte": a name (of an account or a person) said in a sentence, typos forgiven, before any number in it.
        const named = namedInSentence(buttons.filter((b) => b.literal).map((b) => ({ value: b.value, synonyms: [buttonLabel(context, b)] })), text);
        if (named) {
            return { succeeded: true, value: named };
        }
        // "das zweite", "the last one": a button by its place in the list.
        const place = byPlace(turnInfo(context).t, text, buttons.length);
        if (place !== undefined) {
            return { succeeded: true, value: buttons[place].value };
        }
        const found = recognizeChoices(text, choices, { locale: cultureOf(turnInfo(context).lang), allowPartialMatches: false });
        const best = found[0];
        if (best) {
            // A number counts only as the whole answer: "the other one" holds "one" but picks nothing.
            const around = phraseList(turnInfo(context).t, 'common:numberFillers');
            return numberInSentence(text, best, choices.map((choice) => choice.synonyms[0]), around) ? { succeeded: false } : { succeeded: true, value: best.resolution.value };
        }
        const byWords = onlyLabelWith(choices, text, phraseList(turnInfo(context).t, 'common:pickFillers'));
        if (byWords) {
            return { succeeded: true, value: byWords };
        }
        // "nee warte, nicht november sondern oktober", "make it 4" at the offer to write, after the person told the matter: the mail, its words corrected.
        if (options.messageChooses && (await correctsStory(context, text))) {
            return { succeeded: true, value: options.messageChooses };
        }
        // "Nein, keine Mail. Also …", "ja schreib ihr bitte, dass …": the yes or no chooses; the dialog reads the rest.
        const lead = buttons.some((button) => button.answers) ? leadingAnswer(context, text) : undefined;
        const answered = lead && buttons.find((button) => button.answers === (lead.value ? 'yes' : 'no'));
        if (answered) {
            return { succeeded: true, value: answered.value };
        }
        // "tell him the card on file expired", "leiten Sie das weiter", "actually, tell her …": a message for the one the offer would write to.
        // "kann ich der Person ne Nachricht schicken? es geht darum, dass …": asked whether one may write to them, the mail is chosen.
        if (options.messageChooses && (addressedLeadIn(context, text) || asksToForward(context, text) || carriesMessage(context, text) || asksToWrite(context, text))) {
            return { succeeded: true, value: options.messageChooses };
        }
        const { t } = turnInfo(context);
        // "peter is retiring" at the offer to email or to file a change: the reason of the change, which the change request keeps.
        // It names the one it is about: "where can i see that myself" is no reason.
        if (options.reasonChooses && namesAny(text, options.reasonChooses.names) && !asksQuestion(context, text) && reasonInRequest(text, t, options.reasonChooses.names) !== undefined) {
            return { succeeded: true, value: options.reasonChooses.value };
        }
        // "remove Klaus, Maria stays": one of the current contacts kept, the other removed; the dialog reads whom.
        const removal = [...phraseList(t, 'main:removalWords.remove'), ...phraseList(t, 'main:removalWords.out')];
        if (options.keepChooses && namesAny(text, options.keepChooses.names) && containsPhrase(text, removal) && containsPhrase(text, phraseList(t, 'main:removalWords.stays'))) {
            return { succeeded: true, value: options.keepChooses.value };
        }
        // A full name, or an address given for a new person ("neuer kontakt soll max mustermann sein, max@firma.de").
        // "nein danke" is two words of letters, but a no, not a name.
        const newPerson = (fullName(text, [...phraseList(t, 'common:pickFillers'), ...phraseList(t, 'common:numberFillers')]) && mayBeName(text, t) && !onlyAnswerPhrases(context, text)) || /\S@\S+\.\S/u.test(text);
        return options.nameChooses && newPerson
            ? { succeeded: true, value: options.nameChooses }
            : { succeeded: false };
    }
}

/** True when `text` has a word of one of `names` ("peter" for "Peter Brooks"). */
function namesAny(text: string, names: readonly string[]): boolean {
    const said = new Set(wordsOf(text));
    return names.some((name) => wordsOf(name).some((word) => said.has(word)));
}

/** Words of a name this long say which one is meant ("Taylor", "Northwind"); shorter ones ("AG", "Ltd", "&") do not. */
const NAME_WORD_MIN = 4;

/** A name word this long may be mistyped by one letter ("taylr", "nortwind") and still name it. */
const TYPO_MIN = 5;

/**
 * The value of the one literal choice (an account's or person's name) that
 * the sentence names by a word only its label has, with one typo forgiven in
 * longer words; undefined when it names none or several ("Taylor, not
 * Northwind" is left to the rest of the prompt).
 */
function namedInSentence(choices: readonly { value: string; synonyms: string[] }[], text: string): string | undefined {
    if (choices.length < 2) {
        return undefined;
    }
    const said = wordsOf(text);
    const labels = choices.map((choice) => wordsOf(choice.synonyms[0] ?? '').filter((word) => word.length >= NAME_WORD_MIN));
    const named = choices.filter((_, i) => {
        const own = labels[i].filter((word) => !labels.some((other, j) => j !== i && other.includes(word)));
        return own.some((word) => said.some((typed) => sameWord(typed, word)));
    });
    return named.length === 1 ? named[0].value : undefined;
}

/** True when `typed` is `word`, or one letter off (left out, added, changed or swapped) for words of {@link TYPO_MIN} letters or more. */
function sameWord(typed: string, word: string): boolean {
    if (typed === word) {
        return true;
    }
    if (word.length < TYPO_MIN || typed.length < TYPO_MIN - 1 || Math.abs(typed.length - word.length) > 1) {
        return false;
    }
    return editDistance(typed, word) <= 1;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}

/** Words a typed full name has ("Eva Schulz", "Hans-Peter de Vries"). */
const NAME_WORDS = { min: 2, max: 4 } as const;

/** True when `text` is written like a person's full name: two to four words of letters, none of them a filler ("the other one"). */
function fullName(text: string, fillers: readonly string[]): boolean {
    const words = text.trim().split(/\s+/u);
    return (
        words.length >= NAME_WORDS.min &&
        words.length <= NAME_WORDS.max &&
        words.every((word) => /^\p{L}[\p{L}'’.-]*$/u.test(word)) &&
        !wordsOf(text).some((word) => fillers.includes(word))
    );
}

/** Words of at least this many letters count on their own ("Lea"); shorter ones ("a", "of") say nothing. */
const MIN_WORD = 3;

/**
 * The value of the one choice whose label holds every word of the answer,
 * when the answer is nothing but such words ("Lea", "Fischer", "Müller
 * Design"). An answer with any other word is left to the rest of the dialog,
 * so a sentence that happens to share a word with a label is not taken as a
 * pick.
 */
function onlyLabelWith(choices: readonly { value: string; synonyms: string[] }[], text: string, fillers: readonly string[]): string | undefined {
    const answer = wordsOf(text).filter((word) => !fillers.includes(word));
    if (answer.length === 0 || answer.some((word) => word.length < MIN_WORD)) {
        return undefined;
    }
    const matching = choices.filter((choice) => {
        const label = new Set(wordsOf(choice.synonyms[0] ?? ''));
        return answer.every((word) => label.has(word));
    });
    return matching.length === 1 ? matching[0].value : undefined;
}

/** The places a button can be named by (`common:ordinalWords`): the first five, and the last. */
const PLACES = ['1', '2', '3', '4', '5', 'last'] as const;

/** Per language, once: the words around a place that say nothing, and each ordinal word with its place. */
const placeWords = perLanguage((t) => ({
    fillers: new Set([...phraseList(t, 'common:pickFillers'), ...phraseList(t, 'common:numberFillers')]),
    places: new Map(PLACES.flatMap((place) => phraseList(t, `common:ordinalWords.${place}`).map((word) => [word, place] as const)))
}));

/**
 * "das zweite", "die letzte bitte", "nimm das erste Konto": the index of the
 * button named by its place among `count`, the ordinal word the whole answer
 * but for filler words. botbuilder-dialogs' recognizer reads English ordinals
 * ("the second one"), no German ones.
 */
function byPlace(t: TFunction, text: string, count: number): number | undefined {
    const place = placeIn(t, text, placeWords(t).fillers, false);
    const index = place === undefined ? -1 : place === 'last' ? count - 1 : place - 1;
    return index >= 0 && index < count ? index : undefined;
}

/** Per language, once: the words around a number or place that say nothing ("Nummer", "option", "bitte"). */
const numberFillers = perLanguage((t) => new Set(phraseList(t, 'common:numberFillers')));

/**
 * "die vierte", "Nummer 4", "4", "option 4 please": the place of a button named by it, an ordinal word
 * (`common:ordinalWords`) or a number alone but for `common:numberFillers` (1-based, or `last`); for buttons that are
 * no pick of a person (the menu), where a channel without buttons shows them as a numbered list.
 */
export function placeNamed(t: TFunction, text: string): number | 'last' | undefined {
    return placeIn(t, text, numberFillers(t), true);
}

/** The place the one word of `text` that is no filler names: an ordinal word, or with `digits` a number (1-based, or `last`). */
function placeIn(t: TFunction, text: string, fillers: ReadonlySet<string>, digits: boolean): number | 'last' | undefined {
    const answer = wordsOf(text).filter((word) => !fillers.has(word));
    if (answer.length !== 1) {
        return undefined;
    }
    const place = digits && /^\d{1,2}$/.test(answer[0]) ? answer[0] : placeWords(t).places.get(answer[0]);
    return place === undefined ? undefined : place === 'last' ? 'last' : Number(place);
}

/**
 * True when the choice the recognizer `found` is a number or ordinal with
 * other words around it than `allowed` ones ("the second one", "Nummer 2").
 */
function numberInSentence(text: string, found: { readonly start: number; readonly end: number; readonly text: string }, labels: readonly string[], allowed: readonly string[]): boolean {
    const labelWords = new Set(labels.flatMap(wordsOf));
    if (wordsOf(found.text).every((word) => labelWords.has(word))) {
        return false;
    }
    const around = wordsOf(`${text.slice(0, found.start)} ${text.slice(found.end + 1)}`);
    return around.some((word) => !allowed.includes(word) && !labelWords.has(word));
}

/**
 * True when the message's first sentence wishes to write to someone ("kann ich der Person ne Nachricht schicken?",
 * "can I send them a message?"), whatever follows it ("es geht darum, dass …"): at an offer to write, the mail.
 */
export function asksToWrite(context: TurnContext, text: string): boolean {
    return wishesToWriteToSomeone(sentencesOf(text)[0] ?? text, turnInfo(context).t);
}
