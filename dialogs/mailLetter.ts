import type { TFunction } from 'i18next';
import { phraseLengthAt, wordsAt, wordsOf } from '../core/words';
import { phraseWordList } from '../language/phraseLists';

/** Words after a salutation's own up to its comma: a name at most ("Hallo Anna Müller,", "Sehr geehrte Frau Müller,"). */
const SALUTATION_NAME_WORDS = 3;

/** Words after a sign-off's own: a name or a few more of thanks ("Danke, Lea", "Thanks in advance"); more is a sentence. */
const SIGN_OFF_MORE_WORDS = 4;

/** The person's message as the mail holds it: its body, and their sign-off apart ("Viele Grüße Lea"), if they wrote one. */
interface Letter {
    readonly body: string;
    readonly signOff?: string;
}

/**
 * The person's message as it stands in the mail to the billing contact: without their own salutation ("Hallo,",
 * "Hi Anna,": `emailAdmin:salutation.heard` and a name at most, before a comma), since the mail greets the billing contact
 * already, and with their sign-off ("Danke, Lea", "Viele Grüße Lea": `identify:signOffs` as the last sentence) on a
 * line of its own, closing the message. Their words are otherwise as written.
 */
export function asLetter(t: TFunction, text: string): string {
    return letterText(letterOf(t, text));
}

/** `added` after the words of `previous`, before its sign-off; a sign-off of `added` ("… Danke, Lea") takes that one's place. */
export function withAdded(t: TFunction, previous: string, added: string): string {
    const before = letterOf(t, previous);
    const after = letterOf(t, added);
    return letterText({ body: `${before.body}\n\n${after.body}`, signOff: after.signOff ?? before.signOff });
}

function letterText(letter: Letter): string {
    return letter.signOff === undefined ? letter.body : `${letter.body}\n\n${letter.signOff}`;
}

function letterOf(t: TFunction, text: string): Letter {
    const body = withoutSalutation(t, text.trim());
    // The last sentence, after a full stop, a question or exclamation mark or a line break.
    const last = /(?:[.!?]\s+|\n\s*)([^.!?\n]+[.!?]?)$/u.exec(body);
    if (!last || !signsOff(t, last[1])) {
        return { body };
    }
    return { body: body.slice(0, last.index + last[0].length - last[1].length).trim(), signOff: last[1].trim() };
}

/** True when `sentence` is a sign-off: a phrase of `identify:signOffs` and a name or a few words more. */
function signsOff(t: TFunction, sentence: string): boolean {
    const words = wordsOf(sentence);
    return phraseWordList(t, 'identify:signOffs').some((phrase) => phrase.every((word, i) => words[i] === word) && words.length - phrase.length <= SIGN_OFF_MORE_WORDS);
}

/** `text` without the salutation it opens with, the rest beginning with a capital; as it is when there is none or nothing follows it. */
function withoutSalutation(t: TFunction, text: string): string {
    const words = wordsAt(text);
    const own = phraseLengthAt(words, 0, phraseWordList(t, 'emailAdmin:salutation.heard'));
    for (let end = own; own > 0 && end <= own + SALUTATION_NAME_WORDS && end < words.length; end++) {
        if (/[,!:\n–-]/u.test(text.slice(words[end - 1].end, words[end].start))) {
            const rest = text.slice(words[end].start);
            return rest.charAt(0).toLocaleUpperCase() + rest.slice(1);
        }
    }
    return text;
}
