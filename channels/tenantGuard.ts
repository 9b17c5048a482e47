import { ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import { HttpError } from '../web/httpError';

const TENANT_IN_ISSUER = /\/([0-9a-fA-F-]{36})\//;

/**
 * Keeps forged tokens from growing botbuilder's issuer list. botframework-connector's
 * `EmulatorValidation.isTokenFromEmulator` decodes every bearer token without
 * verifying it and, for a `tid` claim it has not seen, pushes four issuer URLs
 * into the module-wide `ToBotFromBotOrEmulatorTokenValidationParameters.issuer`
 * array, for ever: each forged tenant id costs memory and makes every later
 * check slower. The guard answers 401 before botbuilder sees a token whose
 * `tid` is neither one botbuilder trusts out of the box nor our own tenant;
 * such a token could only have passed as an Emulator token of a foreign tenant.
 */
export class TenantGuard {
    private readonly known: ReadonlySet<string>;

    public constructor(ownTenantId: string) {
        const known = new Set<string>();
        for (const issuer of ToBotFromBotOrEmulatorTokenValidationParameters.issuer ?? []) {
            const tenant = TENANT_IN_ISSUER.exec(`${issuer}/`)?.[1];
            if (tenant) {
                known.add(tenant.toLowerCase());
            }
        }
        if (ownTenantId !== '') {
            known.add(ownTenantId.toLowerCase());
        }
        this.known = known;
    }

    /** @throws HttpError 401 when the bearer token names an unknown tenant. */
    public check(authHeader: string): void {
        const token = /^Bearer\s+(\S+)$/.exec(authHeader)?.[1];
        const payload = token ? decodePayload(token) : undefined;
        if (!payload || !('tid' in payload)) {
            return;
        }
        const tid = payload.tid;
        if (typeof tid !== 'string' || !this.known.has(tid.toLowerCase())) {
            throw new HttpError(401, 'Unauthorized', 'A valid Bot Framework token is required.');
        }
    }
}

/** The claims of a JWT, unverified; undefined when it is not one. */
function decodePayload(token: string): Record<string, unknown> | undefined {
    const part = token.split('.')[1];
    if (!part) {
        return undefined;
    }
    try {
        const payload: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
        return payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
    } catch {
        return undefined;
    }
}
