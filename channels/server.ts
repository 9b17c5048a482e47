import type { IncomingMessage } from 'http';
import type { Socket } from 'net';
import * as restify from 'restify';
import type { ChannelAdapter } from './adapter';
import type { Config } from '../config';
import { getLogger } from '../core/logger';
import type { Database } from '../data/database';
import type { BillingBot } from '../bot/billingBot';
import { HttpError } from '../web/httpError';
import { createMessagesHandler } from './messagesRoute';
import { sendError } from '../web/sendError';
import { TenantGuard } from './tenantGuard';
import type { ClientAddresses } from '../web/clientAddress';
import type { UpgradeRouter } from './upgradeRouter';

const log = getLogger('channels.server');

/** What the HTTP server serves. */
export interface ServerParts {
    readonly config: Config;
    readonly adapter: ChannelAdapter;
    readonly bot: BillingBot;
    readonly db: Database;
    /** Becomes the server's only upgrade listener; channels add their WebSocket paths to it. */
    readonly upgrades: UpgradeRouter;
    readonly clients: ClientAddresses;
}

/** Idle and slow connections are closed after these times, so they cannot pile up. */
const HEADERS_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 60_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/**
 * The restify server: `GET /healthz`, `POST /api/messages`. Every error a
 * client can cause is answered as JSON; nothing internal leaks.
 */
export function createServer(parts: ServerParts): restify.Server {
    const server = restify.createServer({ name: 'billing-contact-assistant', handleUncaughtExceptions: false });
    server.server.headersTimeout = HEADERS_TIMEOUT_MS;
    server.server.requestTimeout = REQUEST_TIMEOUT_MS;
    server.server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    // Node checks headersTimeout only every 30 s; a connection that never sends a request is closed sooner.
    server.server.on('connection', (socket: Socket) => socket.setTimeout(HEADERS_TIMEOUT_MS));
    server.server.on('request', (req: IncomingMessage) => req.socket.setTimeout(0));
    parts.upgrades.attach(server.server);
    server.pre(restify.plugins.pre.sanitizePath());

    server.get('/healthz', async (_req, res) => {
        try {
            await parts.db.get('SELECT 1');
            res.send(200, { status: 'ok' });
        } catch (err) {
            log.error('health check failed', { error: err });
            res.send(503, { status: 'unavailable' });
        }
    });

    server.post(
        '/api/messages',
        createMessagesHandler({
            adapter: parts.adapter,
            logic: (context) => parts.bot.run(context),
            maxBodyBytes: parts.config.maxBodyBytes,
            loopbackOnly: parts.config.localMode,
            loopbackCallersOnly: parts.config.localMode && !parts.config.localModeAllowRemote,
            clients: parts.clients,
            tenantGuard: parts.config.localMode ? undefined : new TenantGuard(parts.config.microsoftAppTenantId)
        })
    );

    // restify answers unknown routes and wrong methods itself (JSON 404/405); anything thrown ends here.
    server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
        if ((err.statusCode ?? 500) >= 500) {
            sendError(res, err);
            return;
        }
        res.send(err.statusCode ?? 400, new HttpError(err.statusCode ?? 400, err.name.replace(/Error$/, '') || 'BadRequest', err.message).toBody());
        return callback();
    });
    return server;
}
