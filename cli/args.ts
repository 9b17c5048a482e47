/** Parsed `--name value` / `--flag` options and the remaining words. */
export interface ParsedArgs {
    readonly options: Record<string, string | true>;
    readonly words: string[];
}

/** Parses command-line arguments; `--name=value`, `--name value` and `--flag` are accepted. */
export function parseArgs(argv: readonly string[], flags: readonly string[] = []): ParsedArgs {
    const options: Record<string, string | true> = {};
    const words: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            words.push(...argv.slice(i + 1));
            break;
        }
        if (arg.startsWith('--')) {
            const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
            if (inline !== undefined) {
                options[name] = inline;
            } else if (flags.includes(name) || i + 1 >= argv.length) {
                options[name] = true;
            } else {
                options[name] = argv[++i];
            }
        } else {
            words.push(arg);
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
