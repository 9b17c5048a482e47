/**
 * Characters a terminal may act on instead of showing: C0 and C1 controls
 * (escape sequences, carriage return, backspace, bell), DEL, bidirectional
 * overrides and isolates, and the Unicode line and paragraph separators.
 */
const ACTING = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escaped(char: string): string {
    const code = char.charCodeAt(0);
    return NAMED[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/**
 * Text from a customer or a mail, made safe to print on the operator's
 * terminal: every character that would act rather than show is written as
 * an escape (`\x1b`, `\r`, `\u202e`). With `keepLines`, line breaks stay (a
 * mail body), everything else is escaped.
 */
export function printable(text: string, keepLines = false): string {
    return text.replace(ACTING, (char) => (keepLines && char === '\n' ? char : escaped(char)));
}

/** A JSON line that a terminal shows as it is: `JSON.stringify` leaves C1 controls and bidi marks raw, this escapes them too. */
export function printableJson(value: unknown): string {
    return JSON.stringify(value).replace(ACTING, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
