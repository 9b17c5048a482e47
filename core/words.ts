/** The words of a text in lower case, split at everything that is no letter or digit ("What's" → "what", "s"). */
export function wordsOf(text: string): string[] {
    return text.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}
