/**
 * `values` as one JSON text for a statement that reads it with `json_each`
 * (one statement text however many values), each string made well-formed
 * first: a lone surrogate (half of a UTF-16 pair, as a hostile or broken
 * client may send) becomes U+FFFD, as binding the string as a parameter of
 * its own stores it. Through JSON, SQLite would decode `\ud800` into bytes
 * that are not UTF-8: a key would then match no stored row, and text copied
 * to PostgreSQL would be refused.
 */
export function jsonParameter(values: unknown): string {
    const text = JSON.stringify(values);
    // JSON.stringify writes a lone surrogate as an escape (`\ud800`) and nothing else as one, so without such an escape in
    // the text every string was well-formed: no second pass over the strings (a turn write's text is tens of kilobytes).
    // A backslash typed before "ud800" also matches; the second pass then changes nothing.
    return LONE_SURROGATE_ESCAPE.test(text) ? JSON.stringify(values, (_key, value: unknown) => (typeof value === 'string' ? wellFormed(value) : value)) : text;
}

/** How JSON.stringify writes a lone surrogate, U+D800 to U+DFFF. */
const LONE_SURROGATE_ESCAPE = /\\ud[89a-f]/;

/** `text` as SQLite stores it when bound as a parameter: each lone surrogate as U+FFFD. */
export function wellFormed(text: string): string {
    return text.replace(/\p{Cs}/gu, '\uFFFD');
}
