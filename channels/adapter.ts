import {
    CallerIdConstants,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    type Activity,
    type ConfigurationBotFrameworkAuthenticationOptions,
    type InvokeResponse,
    type TurnContext
} from 'botbuilder';
import { AuthenticationConstants, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from '../config';
import { ReusingBotFrameworkAuthentication } from '../sdkSpeedups/reusingAuthentication';

/**
 * The CloudAdapter for `/api/messages` (Azure Bot Service, Teams, Emulator),
 * opened up so the route can hand it an activity it has already read and
 * checked, and answer every outcome itself (the stock `process()` answers
 * some bad requests with 500 and internal error text). Named apart from
 * botbuilder's own `BotAdapter`, the base class of every adapter.
 */
export class ChannelAdapter extends CloudAdapter {
    /** Authenticates (JWT when app credentials are set) and runs the turn. */
    public processCheckedActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
        return this.processActivity(authHeader, activity, logic);
    }
}

/**
 * Creates the adapter; without an app id (local mode) it accepts anonymous requests.
 * `credentials` replaces the app-password credentials for the bot's own calls to
 * channels (tests use a local token issuer; production leaves it out).
 */
export function createChannelAdapter(config: Config, onTurnError: (context: TurnContext, error: Error) => Promise<void>, credentials?: ServiceClientCredentialsFactory): ChannelAdapter {
    const auth = new ConfigurationBotFrameworkAuthentication(authSettings(config), credentials);
    const adapter = new ChannelAdapter(new ReusingBotFrameworkAuthentication(auth));
    adapter.onTurnError = onTurnError;
    return adapter;
}

function authSettings(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
    const app = {
        MicrosoftAppId: config.microsoftAppId,
        MicrosoftAppPassword: config.microsoftAppPassword,
        MicrosoftAppTenantId: config.microsoftAppTenantId,
        MicrosoftAppType: config.microsoftAppType
    };
    if (!config.botOpenIdMetadataUrl) {
        return app;
    }
    // With any endpoint given, botbuilder takes none of the public-cloud defaults: name them all, change only the metadata.
    return {
        ...app,
        ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
        ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
        OAuthUrl: AuthenticationConstants.OAuthUrl,
        ToBotFromChannelOpenIdMetadataUrl: config.botOpenIdMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: config.botOpenIdMetadataUrl,
        CallerId: CallerIdConstants.PublicAzureChannel,
        ValidateAuthority: true
    };
}
