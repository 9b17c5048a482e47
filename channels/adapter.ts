import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from '../config';

/**
 * The CloudAdapter for `/api/messages` (Azure Bot Service, Teams, Emulator),
 * opened up so the route can hand it an activity it has already read and
 * checked, and answer every outcome itself (the stock `process()` answers
 * some bad requests with 500 and internal error text).
 */
export class BotAdapter extends CloudAdapter {
    /** Authenticates (JWT when app credentials are set) and runs the turn. */
    public processCheckedActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
        return this.processActivity(authHeader, activity, logic);
    }
}

/** Creates the adapter; without an app id (local mode) it accepts anonymous requests. */
export function createBotAdapter(config: Config, onTurnError: (context: TurnContext, error: Error) => Promise<void>): BotAdapter {
    const auth = new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.microsoftAppId,
        MicrosoftAppPassword: config.microsoftAppPassword,
        MicrosoftAppTenantId: config.microsoftAppTenantId,
        MicrosoftAppType: config.microsoftAppType
    });
    const adapter = new BotAdapter(auth);
    adapter.onTurnError = onTurnError;
    return adapter;
}
