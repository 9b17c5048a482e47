import { parseArgs as parseWithNode } from 'node:util';

/** Parsed `--name value` / `--flag` options and the remaining words. */
export interface ParsedArgs {
    readonly options: Record<string, string | true>;
    readonly words: string[];
}

/**
 * Parses command-line arguments with `node:util`'s parser; `--name=value`,
 * `--name value` and `--flag` are accepted, `--` ends the options. Names in
 * `flags` never take a value; any other option takes the word after it as its
 * value, or is `true` when nothing follows (the commands then explain their usage).
 */
export function parseArgs(argv: readonly string[], flags: readonly string[] = []): ParsedArgs {
    const { tokens } = parseWithNode({ args: [...argv], strict: false, allowPositionals: true, tokens: true });
    const options: Record<string, string | true> = {};
    const words: string[] = [];
    const shortSeen = new Set<number>();
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (token.kind === 'positional') {
            words.push(token.value);
        } else if (token.kind === 'option' && !token.rawName.startsWith('--')) {
            // Only `--name` is an option here; `-5` or `-x` stays a word, as typed (short groups give one token per letter).
            if (!shortSeen.has(token.index)) {
                shortSeen.add(token.index);
                words.push(argv[token.index]);
            }
        } else if (token.kind === 'option') {
            const next = tokens[i + 1];
            if (token.value !== undefined) {
                options[token.name] = token.value;
            } else if (!flags.includes(token.name) && next?.kind === 'positional' && next.index === token.index + 1) {
                options[token.name] = next.value;
                i++;
            } else {
                options[token.name] = true;
            }
        }
    }
    return { options, words };
}

/**
 * A numeric option `--name` between `min` and `max`, `fallback` when absent;
 * anything else is refused through `fail` with a message naming the option.
 */
export function numberOption(options: ParsedArgs['options'], name: string, fallback: number, min: number, max: number, fail: (message: string) => never): number {
    const value = options[name] === undefined ? fallback : Number(options[name]);
    return Number.isFinite(value) && value >= min && value <= max ? value : fail(`--${name} must be a number from ${min} to ${max}`);
}
