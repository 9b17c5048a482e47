/**
 * A list of word patterns (`main:outOfScopeWords`), read once when the
 * classifier is trained, not at every message: a phrase stands in a message as
 * whole words, "strom*" also begins a longer word, "*steuer" also ends one,
 * "^bist du" begins the message.
 */
export class WordPatterns {
    private constructor(
        /** Phrases of one word: one of the message's words. */
        private readonly words: ReadonlySet<string>,
        /** Phrases of several words, as whole words somewhere in the message. */
        private readonly phrases: readonly string[],
        /** `^…`: the message begins with these words. */
        private readonly openings: readonly string[],
        /** Word patterns: a word that is the core, or begins (`core*`) or ends (`*core`) with it. */
        private readonly partial: ReadonlyArray<{ readonly core: string; readonly begins: boolean; readonly ends: boolean }>
    ) {}

    /** The patterns as words joined by single spaces, with their marks (`^`, a leading or trailing `*`); a pattern without letters matches nothing. */
    public static of(patterns: readonly string[]): WordPatterns {
        const words = new Set<string>();
        const phrases: string[] = [];
        const openings: string[] = [];
        const partial: Array<{ core: string; begins: boolean; ends: boolean }> = [];
        for (const pattern of patterns) {
            const core = pattern.replace(/^[*^]|\*$/gu, '');
            if (core === '') {
                continue;
            }
            const begins = pattern.endsWith('*');
            const ends = pattern.startsWith('*');
            if (pattern.startsWith('^')) {
                openings.push(` ${core} `);
            } else if (begins || ends) {
                partial.push({ core, begins, ends });
            } else if (core.includes(' ')) {
                phrases.push(` ${core} `);
            } else {
                words.add(core);
            }
        }
        return new WordPatterns(words, phrases, openings, partial);
    }

    /** True when one of the patterns stands in `said` (a message's words: lower case, no marks). Plain loops: it runs at every message. */
    public mentionedIn(said: readonly string[]): boolean {
        for (const word of said) {
            if (this.words.has(word)) {
                return true;
            }
            for (const { core, begins, ends } of this.partial) {
                if (word === core || (begins && word.startsWith(core)) || (ends && word.endsWith(core))) {
                    return true;
                }
            }
        }
        if (this.phrases.length === 0 && this.openings.length === 0) {
            return false;
        }
        const text = ` ${said.join(' ')} `;
        for (const phrase of this.phrases) {
            if (text.includes(phrase)) {
                return true;
            }
        }
        for (const opening of this.openings) {
            if (text.startsWith(opening)) {
                return true;
            }
        }
        return false;
    }
}
