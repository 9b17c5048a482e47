import type { IncomingMessage } from 'http';
import type { TurnContext } from 'botbuilder';
import type { ChannelAdapter } from './adapter';
import type { Request, Response } from 'restify';
import { checkActivity, isLoopbackUrl } from './activityGuard';
import { isLoopbackAddress, type ClientAddresses } from '../web/clientAddress';
import { HttpError } from '../web/httpError';
import { readJsonBody } from '../web/jsonBody';
import { sendError } from '../web/sendError';
import type { TenantGuard } from './tenantGuard';

/** What `POST /api/messages` needs. */
export interface MessagesRouteOptions {
    readonly adapter: ChannelAdapter;
    readonly logic: (context: TurnContext) => Promise<void>;
    readonly maxBodyBytes: number;
    /** Local mode: only loopback service URLs, so the bot never calls out to an address a stranger chose. */
    readonly loopbackOnly: boolean;
    /** Local mode: only callers on this machine (the client address as {@link ClientAddresses} sees it); others get 403. */
    readonly loopbackCallersOnly: boolean;
    readonly clients: ClientAddresses;
    /** With app credentials: refuses tokens naming a tenant botbuilder would add to its issuer list. */
    readonly tenantGuard?: TenantGuard;
}

/**
 * `POST /api/messages`: reads and checks the activity, then hands it to the
 * adapter (which checks the JWT when app credentials are set). Every refusal is
 * a JSON 4xx; an unexpected failure is a JSON 500 without internals.
 */
export function createMessagesHandler(options: MessagesRouteOptions): (req: Request, res: Response) => Promise<void> {
    return async (req, res) => {
        try {
            // Without channel authentication anyone who can reach the port could act in any conversation.
            if (options.loopbackCallersOnly && !isLoopbackAddress(options.clients.of(req as unknown as IncomingMessage))) {
                throw new HttpError(403, 'LocalModeLoopbackOnly', 'In local mode (no MicrosoftAppId) only callers on this machine may use /api/messages.');
            }
            const body = await readJsonBody(req as unknown as IncomingMessage, options.maxBodyBytes);
            const activity = checkActivity(body);
            if (options.loopbackOnly && !isLoopbackUrl(activity.serviceUrl)) {
                throw new HttpError(400, 'ServiceUrlNotAllowed', 'In local mode the bot only answers loopback service URLs (localhost, 127.0.0.1, ::1).');
            }
            const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
            options.tenantGuard?.check(authHeader);
            const invokeResponse = await options.adapter.processCheckedActivity(authHeader, activity, options.logic);
            const status = invokeResponse?.status ?? 200;
            if (status >= 400 && isBotbuilderError(invokeResponse?.body)) {
                throw refusedInvoke(status, invokeResponse?.body);
            }
            if (invokeResponse?.body !== undefined) {
                res.send(status, invokeResponse.body);
            } else {
                res.send(status);
            }
        } catch (err) {
            sendError(res, err);
        }
    };
}

/** botbuilder's own error of an invoke (`application/vnd.microsoft.error`), or none at all. */
function isBotbuilderError(body: unknown): boolean {
    return body === undefined || body === null || (body as { type?: unknown }).type === 'application/vnd.microsoft.error';
}

/**
 * An invoke the bot refused (botbuilder's checks: `adaptiveCard/action` without
 * a value 400, an invoke it does not handle 501), as the project's JSON error.
 */
function refusedInvoke(status: number, body: unknown): HttpError {
    const value = (body as { value?: { code?: unknown; message?: unknown } } | undefined)?.value;
    if (typeof value?.code === 'string' && typeof value.message === 'string') {
        return new HttpError(status, value.code, value.message);
    }
    return status === 501 ? new HttpError(501, 'NotImplemented', 'The bot does not handle this invoke.') : new HttpError(status, 'InvokeRefused', 'The bot refused the invoke.');
}

