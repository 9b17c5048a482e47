import { BoundedMemo } from '../core/boundedMemo';

/** Words shorter than this are never mended: too many short words lie one slip from each other ("shown", "show"; "bin", "ein"). */
const SHORTEST_MENDED = 6;
/** From this length two slips are mended ("abrechungskontackt"); shorter words one ("passiert" is no "passwort"). */
const TWO_SLIPS_FROM = 10;
/** A training word is taken for a slip made on purpose when a word one slip from it is used this many times as often. */
const TRAINED_SLIP_RATIO = 3;
/** Words read (one per different word of six letters or more): bounded however many different words people type. */
const MENDINGS_KEPT = 4000;

/**
 * Mends the slips of typing in a message's words before the classifier reads
 * them. A word the bot does not know (no word of either language's training
 * phrases, nor a form of one: `meantAsWritten`) that lies one slip — a letter
 * left out, added, changed, or two swapped — from a word of the language's
 * training phrases ("contct" → "contact", "aendenr" → "aendern"), two slips
 * for long words, is read as that word; of several as near, the one the
 * phrases use most. First and last letters must match ({@link
 * mayHaveSlippedFrom}). A word with a digit, a short word, or one as near to
 * two words used equally often is left as it is: guessing there would change
 * what people said. Only the classifier's reading uses the mended words;
 * names, addresses and numbers are taken from the message as written.
 */
export class TypoMender {
    /** The language's words by length, for the candidates of a word. */
    private readonly byLength = new Map<number, string[]>();
    private readonly mendings = new BoundedMemo<string, string>(MENDINGS_KEPT);

    /**
     * `targets`: the words a slip is mended to (the language's training
     * words, with how often its phrases use each);
     * `meantAsWritten`: true for a word (lower case) to leave as it is.
     */
    public constructor(private readonly targets: ReadonlyMap<string, number>, private readonly meantAsWritten: (word: string) => boolean) {
        for (const word of targets.keys()) {
            if (word.length >= SHORTEST_MENDED - 1 && !/\d/u.test(word)) {
                const list = this.byLength.get(word.length) ?? [];
                list.push(word);
                this.byLength.set(word.length, list);
            }
        }
    }

    /** `text` with each mistyped word replaced by the word meant (lower case); the rest as it stands. */
    public mend(text: string): string {
        return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
            const lower = word.toLocaleLowerCase();
            if (lower.length < SHORTEST_MENDED || /\p{N}/u.test(lower)) {
                return word;
            }
            const meant = this.mendings.get(lower, (said) => (this.meantAsWritten(said) ? said : this.nearest(said)));
            return meant === lower ? word : meant;
        });
    }

    /** The word within reach of `word` with the fewest slips, then the most uses; `word` itself when none is, or two tie. */
    private nearest(word: string): string {
        const most = word.length >= TWO_SLIPS_FROM ? 2 : 1;
        let best = most + 1;
        let found: string | undefined;
        let ambiguous = false;
        for (let length = word.length - most; length <= word.length + most; length++) {
            for (const candidate of this.byLength.get(length) ?? []) {
                if (!mayHaveSlippedFrom(word, candidate)) {
                    continue;
                }
                const slips = slipsBetween(word, candidate, Math.min(most, best));
                if (slips > most || slips > best) {
                    continue;
                }
                const uses = this.targets.get(candidate) ?? 0;
                const foundUses = found === undefined ? -1 : (this.targets.get(found) ?? 0);
                if (slips < best || uses > foundUses) {
                    best = slips;
                    found = candidate;
                    ambiguous = false;
                } else if (uses === foundUses) {
                    ambiguous = true;
                }
            }
        }
        return found !== undefined && !ambiguous ? found : word;
    }
}

/**
 * The training words without the slips of typing their phrases carry on
 * purpose, to teach the classifier a common mistake ("abrechungskontakt"
 * beside "abrechnungskontakt"): a word of {@link TWO_SLIPS_FROM} letters or
 * more that lies one slip from a word the phrases use at least
 * {@link TRAINED_SLIP_RATIO} times as often. Left out, such a word is no
 * longer known, so a message that has it is read with the word meant; the
 * shorter words near each other are real ones ("contract", "contact").
 */
export function withoutTrainedSlips(counts: ReadonlyMap<string, number>): Map<string, number> {
    const long = [...counts.entries()].filter(([word]) => word.length >= TWO_SLIPS_FROM && !/\d/u.test(word));
    const slip = ([word, uses]: [string, number]): boolean =>
        long.some(([other, otherUses]) => otherUses >= TRAINED_SLIP_RATIO * uses && mayHaveSlippedFrom(word, other) && slipsBetween(word, other, 1) <= 1);
    const slips = new Set(long.filter(slip).map(([word]) => word));
    return new Map([...counts].filter(([word]) => !slips.has(word)));
}

/**
 * Whether `word` may be `candidate` mistyped, not another word or another
 * form of it: a slip rarely hits the first letter ("wollte" is no "sollte"),
 * and a word that ends otherwise is mostly another form ("erklaert",
 * "erklaeren"), unless its last two letters are just swapped ("aendenr").
 */
function mayHaveSlippedFrom(word: string, candidate: string): boolean {
    if (candidate[0] !== word[0] || candidate.startsWith(word) || word.startsWith(candidate)) {
        return false;
    }
    const [last, beforeLast] = [word.at(-1), word.at(-2)];
    return candidate.at(-1) === last || (candidate.at(-1) === beforeLast && candidate.at(-2) === last);
}

/**
 * The slips of typing between two words (optimal string alignment: a letter
 * left out, added or changed, or two neighbours swapped, each counts one);
 * `most + 1` as soon as it is sure to be more than `most`.
 */
export function slipsBetween(a: string, b: string, most: number): number {
    if (Math.abs(a.length - b.length) > most) {
        return most + 1;
    }
    // Three rows of the edit-distance table: two back (for a swap), the last one, this one.
    let twoBack: number[] = [];
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        let rowLeast = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, twoBack[j - 2] + 1);
            }
            row.push(value);
            rowLeast = Math.min(rowLeast, value);
        }
        if (rowLeast > most) {
            return most + 1;
        }
        twoBack = previous;
        previous = row;
    }
    return Math.min(previous[b.length], most + 1);
}
