/**
 * Imported by the entry points (index.ts, the benchmarks that run the bot in
 * their own process) before anything loads the Bot Framework SDK: installs
 * the rewrite of the SDK's `__awaiter` generators into native async functions
 * (sdkSpeedups/nativeAsync.ts) unless `SDK_NATIVE_ASYNC=false` (in the
 * environment or the project's `.env`, which is only read here, not loaded).
 */
import { ConfigError, loadNativeAsyncSettings, readDotEnv } from './config';
import { installNativeAsync } from './sdkSpeedups/nativeAsync';

try {
    installNativeAsync(loadNativeAsyncSettings({ ...readDotEnv(), ...process.env }));
} catch (err) {
    if (!(err instanceof ConfigError)) {
        throw err;
    }
    // index.ts reports the wrong setting when it loads the whole configuration.
}
