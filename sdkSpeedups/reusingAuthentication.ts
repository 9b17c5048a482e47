/**
 * SDK speed-up: connector and user-token clients reused across turns.
 *
 * Relies on botbuilder internals (pinned by test/sdkSpeedups/reusingAuthentication.test.ts):
 * `CloudAdapter` asks its `BotFrameworkAuthentication` only through the methods
 * overridden here (each delegates to the wrapped instance), and creates a turn's
 * connector client with the `connectorFactory` of the authentication result or
 * of `createConnectorFactory`, so caching inside the factory takes effect.
 */
import {
    BotFrameworkAuthentication,
    ConnectorFactory,
    JwtTokenValidation,
    type AuthenticateRequestResult,
    type BotFrameworkClient,
    type ClaimsIdentity,
    type ConnectorClient,
    type UserTokenClient
} from 'botframework-connector';
import type { Activity } from 'botframework-schema';

/** A small map that forgets its oldest entry beyond `max`. */
class BoundedCache<T> {
    private readonly entries = new Map<string, T>();

    public constructor(private readonly max: number) {}

    public getOrCreate(key: string, create: () => T): T {
        const found = this.entries.get(key);
        if (found !== undefined) {
            return found;
        }
        const value = create();
        this.entries.set(key, value);
        if (this.entries.size > this.max) {
            this.entries.delete(this.entries.keys().next().value as string);
        }
        return value;
    }

    public delete(key: string): void {
        this.entries.delete(key);
    }
}

/**
 * botbuilder builds a new ConnectorClient (an HTTP pipeline with its
 * policies) and a new UserTokenClient for every incoming activity, which is a
 * good part of a turn's CPU time. Both are made to be reused: this wrapper
 * keeps them per app id and service URL (a bounded number) and otherwise
 * leaves authentication to the wrapped instance.
 */
export class ReusingBotFrameworkAuthentication extends BotFrameworkAuthentication {
    private readonly connectors = new BoundedCache<Promise<ConnectorClient>>(200);
    private readonly tokenClients = new BoundedCache<Promise<UserTokenClient>>(20);
    /** What every {@link ReusingConnectorFactory} asks for a client: one function for all of them. */
    private readonly rememberedConnector = (key: string, create: () => Promise<ConnectorClient>): Promise<ConnectorClient> => this.remembered(this.connectors, key, create);

    public constructor(private readonly inner: BotFrameworkAuthentication) {
        super();
    }

    public override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
        return this.reusingResult(await this.inner.authenticateRequest(activity, authHeader));
    }

    public override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
        return this.reusingResult(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
    }

    public override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
        return this.reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
    }

    public override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
        const key = JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
        return this.remembered(this.tokenClients, key, () => this.inner.createUserTokenClient(claimsIdentity));
    }

    public override createBotFrameworkClient(): BotFrameworkClient {
        return this.inner.createBotFrameworkClient();
    }

    public override getOriginatingAudience(): string {
        return this.inner.getOriginatingAudience();
    }

    public override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
        return this.inner.authenticateChannelRequest(authHeader);
    }

    private reusingResult(result: AuthenticateRequestResult): AuthenticateRequestResult {
        return result.connectorFactory ? { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) } : result;
    }

    private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
        const appId = JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
        return new ReusingConnectorFactory(factory, appId, this.rememberedConnector);
    }

    /** The cached promise for `key`; a failed creation is forgotten so the next turn tries again. */
    private remembered<T>(cache: BoundedCache<Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
        return cache.getOrCreate(key, () => {
            const created = create();
            created.catch(() => cache.delete(key));
            return created;
        });
    }
}

/**
 * The connector factory handed out with every request: clients from the
 * wrapper's cache, by app ID, audience and service URL. One class for all
 * requests: a class written inside {@link ReusingBotFrameworkAuthentication.reusing}
 * was a new class per turn (its own prototype and object shapes, about 13 µs
 * to build, and every call site that met one of them saw a new shape).
 */
class ReusingConnectorFactory extends ConnectorFactory {
    public constructor(
        private readonly factory: ConnectorFactory,
        private readonly appId: string,
        private readonly remembered: (key: string, create: () => Promise<ConnectorClient>) => Promise<ConnectorClient>
    ) {
        super();
    }

    public create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return this.remembered(`${this.appId}|${audience ?? ''}|${serviceUrl}`, () => this.factory.create(serviceUrl, audience));
    }
}
