import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botframework-schema';
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
        MicrosoftAppType: config.microsoftAppType,
        ...(config.botOpenIdMetadata ? publicCloudWithMetadata(config.botOpenIdMetadata) : {})
    });
    const adapter = new BotAdapter(auth);
    adapter.onTurnError = onTurnError;
    return adapter;
}

/**
 * The public cloud's settings with another OpenID metadata URL. botbuilder
 * takes any one of these settings as "all are given", so the rest must be
 * spelled out or tokens from the channel are never accepted.
 */
function publicCloudWithMetadata(metadataUrl: string): Record<string, string | boolean> {
    return {
        ValidateAuthority: true,
        ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
        ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
        OAuthUrl: AuthenticationConstants.OAuthUrl,
        CallerId: CallerIdConstants.PublicAzureChannel,
        ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl
    };
}
