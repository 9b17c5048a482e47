/** What a command's argument check returns: the command, a request for help, or what was wrong. */
export type Checked<C> = C | { readonly kind: 'help' } | string;

/**
 * Runs an operator command: wrong arguments print what was wrong and the usage
 * (exit code 2), `--help` prints the usage, anything else runs `work`. An
 * error ends with its message and exit code 1, never a stack trace.
 */
export function runOperatorCommand<C extends { readonly kind: string }>(name: string, usage: string, check: (argv: readonly string[]) => Checked<C>, work: (command: C) => Promise<void>): void {
    const run = async (): Promise<void> => {
        const command = check(process.argv.slice(2));
        if (typeof command === 'string') {
            process.stderr.write(`${name}: ${command}\n${usage}\n`);
            process.exitCode = 2;
            return;
        }
        if (command.kind === 'help') {
            process.stdout.write(usage + '\n');
            return;
        }
        await work(command as C);
    };
    run().catch((err: unknown) => {
        process.stderr.write(`${name}: ${(err as Error).message}\n`);
        process.exitCode = 1;
    });
}
