import * as crypto from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import jwt from 'jsonwebtoken';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';

/** The issuer of tokens from Bot Framework channels. */
const CHANNEL_ISSUER = 'https://api.botframework.com';

/** A reply the bot sent to the Teams connector. */
export interface SentActivity {
    readonly conversationId: string;
    readonly authorization: string | undefined;
    readonly activity: {
        type: string;
        text?: string;
        attachments?: Array<{ contentType: string; content: { text?: string; buttons?: Array<{ type: string; title: string; value: string }> } }>;
        suggestedActions?: unknown;
    };
}

/** A Teams member as the connector's members API returns it. */
export interface TeamsMember {
    readonly id: string;
    readonly aadObjectId: string;
    readonly name: string;
    readonly email: string;
    readonly tenantId: string;
}

/**
 * What Azure Bot Service and Teams are to the bot, on loopback: the OpenID
 * metadata and signing keys the bot checks channel tokens with (a local RSA
 * key, endorsed for `msteams`), a token issuer for the tests, and the Teams
 * connector the bot replies to and reads members from (`TeamsInfo`).
 */
export class TeamsStub {
    public readonly sent: SentActivity[] = [];
    public readonly memberLookups: Array<{ conversationId: string; userId: string; authorization: string | undefined }> = [];
    public readonly members = new Map<string, TeamsMember>();
    /** The bearer the bot presents on its calls (from {@link LocalChannelCredentials}). */
    public readonly outboundToken = crypto.randomBytes(16).toString('hex');
    private readonly key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    private readonly server: http.Server;
    private base = '';

    private constructor(private readonly appId: string) {
        this.server = http.createServer((req, res) => this.handle(req, res));
    }

    public static async start(appId: string): Promise<TeamsStub> {
        const stub = new TeamsStub(appId);
        await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
        stub.base = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}`;
        return stub;
    }

    /** Where the bot reads the channel's OpenID metadata (`BOT_OPENID_METADATA_URL`). */
    public get metadataUrl(): string {
        return `${this.base}/v1/.well-known/openidconfiguration`;
    }

    /** The Teams `serviceUrl` of the activities. */
    public get serviceUrl(): string {
        return `${this.base}/teams/`;
    }

    /** A channel token as Azure Bot Service would send it; `overrides` make it wrong in one way. */
    public token(overrides: { audience?: string; serviceUrl?: string; expiresIn?: number; key?: crypto.KeyObject } = {}): string {
        return jwt.sign({ serviceurl: overrides.serviceUrl ?? this.serviceUrl }, overrides.key ?? this.key.privateKey, {
            algorithm: 'RS256',
            keyid: 'local-test-key',
            issuer: CHANNEL_ISSUER,
            audience: overrides.audience ?? this.appId,
            expiresIn: overrides.expiresIn ?? 300
        });
    }

    /** Replies sent to one conversation. */
    public repliesTo(conversationId: string): SentActivity[] {
        return this.sent.filter((s) => s.conversationId === conversationId);
    }

    public async close(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
            const url = new URL(req.url ?? '/', this.base);
            const send = (status: number, value: unknown): void => {
                res.writeHead(status, { 'Content-Type': 'application/json' });
                res.end(JSON.stringify(value));
            };
            if (url.pathname === '/v1/.well-known/openidconfiguration') {
                send(200, { issuer: CHANNEL_ISSUER, jwks_uri: `${this.base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] });
                return;
            }
            if (url.pathname === '/v1/keys') {
                const jwk = this.key.publicKey.export({ format: 'jwk' });
                send(200, { keys: [{ kty: 'RSA', use: 'sig', kid: 'local-test-key', n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
                return;
            }
            const member = /^\/teams\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(url.pathname);
            if (member && req.method === 'GET') {
                const [conversationId, userId] = [decodeURIComponent(member[1]), decodeURIComponent(member[2])];
                this.memberLookups.push({ conversationId, userId, authorization: req.headers.authorization });
                const found = this.members.get(userId);
                send(found ? 200 : 404, found ? { ...found, objectId: found.aadObjectId, userPrincipalName: found.email, userRole: 'user' } : { error: { code: 'MemberNotFoundInConversation' } });
                return;
            }
            const reply = /^\/teams\/v3\/conversations\/([^/]+)\/activities(\/[^/]+)?$/.exec(url.pathname);
            if (reply && req.method === 'POST') {
                this.sent.push({ conversationId: decodeURIComponent(reply[1]), authorization: req.headers.authorization, activity: JSON.parse(body) as SentActivity['activity'] });
                send(200, { id: `reply-${this.sent.length}` });
                return;
            }
            send(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
        });
    }
}

/**
 * Credentials for the bot's own calls to the channel, standing in for the
 * Azure AD app password (no internet in tests): every call carries the stub's
 * bearer token, which the stub records.
 */
export class LocalChannelCredentials extends ServiceClientCredentialsFactory {
    public constructor(private readonly appId: string, private readonly bearer: string) {
        super();
    }

    public async isValidAppId(appId: string): Promise<boolean> {
        return appId === this.appId;
    }

    public async isAuthenticationDisabled(): Promise<boolean> {
        return false;
    }

    public async createCredentials(): Promise<ServiceClientCredentials> {
        const bearer = this.bearer;
        return {
            async signRequest(webResource) {
                webResource.headers.set('Authorization', `Bearer ${bearer}`);
                return webResource;
            }
        };
    }
}
