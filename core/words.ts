/** The words of a text in lower case, split at everything that is no letter or digit ("What's" → "what", "s"). */
export function wordsOf(text: string): string[] {
    return text.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** A text as a phrase to compare: its words, lower case, joined by single spaces ("Nein, danke!" → "nein danke"). */
export function phraseOf(text: string): string {
    return wordsOf(text).join(' ');
}
