import { escapeRegExp } from '../../core/words';
/** What stands where an email address was. */
export const MASKED_EMAIL = '[email]';
/** What stands where digits were (codes, references, phone numbers, user ids with digits). */
export const MASKED_NUMBER = '#';
/** What stands where a name of a person in the directory was. */
export const MASKED_NAME = '[name]';

const EMAIL = /[^\s@()<>[\]]+\s*(?:@|\(at\)|\[at\])\s*[^\s@()<>[\]]+/giu;
const DIGITS = /\d+(?:[\s./-]?\d+)*/gu;
/** A name part shorter than this is not masked on its own (it would hide ordinary words). */
const MIN_NAME_PART = 3;


/**
 * Hides emails (also written with "(at)"), digits, and the names of the
 * people in the directory (whole names and each part) in a message kept for
 * the support team. Word boundaries are Unicode-aware ("Müller").
 */
export function maskText(text: string, names: readonly string[]): string {
    let masked = text.replace(EMAIL, MASKED_EMAIL).replace(DIGITS, MASKED_NUMBER);
    const parts = new Set<string>();
    for (const name of names) {
        const trimmed = name.trim();
        if (trimmed.length >= MIN_NAME_PART) {
            parts.add(trimmed);
        }
        for (const part of trimmed.split(/[\s-]+/u)) {
            if (part.length >= MIN_NAME_PART) {
                parts.add(part);
            }
        }
    }
    // Longest first, so "Anna Schmidt" goes as one before "Anna" would.
    for (const part of [...parts].sort((a, b) => b.length - a.length)) {
        masked = masked.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part)}(?![\\p{L}\\p{N}])`, 'giu'), MASKED_NAME);
    }
    return masked;
}
