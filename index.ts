// First: keeps recognizers-text bundles we do not use out of memory (must run before botbuilder-dialogs loads).
import './core/leaveUnusedRecognizersOut';
// Also before the SDK loads: its async methods become native async functions (SDK_NATIVE_ASYNC).
import './nativeAsyncAtEntry';
import { ConfigError, loadConfig, loadDotEnv, readHeapGrowthPercent } from './config';
import { DEFAULT_HEAP_GROWTH_PERCENT, limitHeapGrowth } from './core/heapGrowth';
import { startApp } from './app';
import { getLogger } from './core/logger';

const log = getLogger('index');

async function main(): Promise<void> {
    let config;
    try {
        loadDotEnv();
        config = loadConfig();
        limitHeapGrowth(readHeapGrowthPercent(process.env, DEFAULT_HEAP_GROWTH_PERCENT));
    } catch (err) {
        if (err instanceof ConfigError) {
            process.stderr.write(`${err.message}\n`);
            process.exit(2);
        }
        throw err;
    }
    const app = await startApp(config);
    process.stdout.write(`Billing Contact Assistant listening on http://localhost:${config.port} (local mode: ${config.localMode})\n`);
    const stop = (signal: string): void => {
        log.info('shutting down', { signal, timeoutMs: config.shutdownTimeoutMs });
        // Past the timeout the process exits anyway: a rolling deploy must not wait on a hung turn.
        const deadline = setTimeout(() => {
            log.error('shutdown took longer than SHUTDOWN_TIMEOUT_MS; exiting', { timeoutMs: config.shutdownTimeoutMs });
            process.exit(1);
        }, config.shutdownTimeoutMs);
        deadline.unref();
        app.close().then(
            () => process.exit(0),
            (err: unknown) => {
                log.error('shutdown failed', { error: err });
                process.exit(1);
            }
        );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
    log.error('start failed', { error: err });
    process.exit(1);
});
