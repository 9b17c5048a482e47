import * as restify from 'restify';
import type { BotAdapter } from './adapter';
import type { Config } from '../config';
import { getLogger } from '../core/logger';
import type { Database } from '../data/database';
import type { BillingBot } from '../bot/billingBot';
import { HttpError } from './httpError';
import { createMessagesHandler, sendError } from './messagesRoute';
import { TenantGuard } from './tenantGuard';

const log = getLogger('channels.server');

/** What the HTTP server serves. */
export interface ServerParts {
    readonly config: Config;
    readonly adapter: BotAdapter;
    readonly bot: BillingBot;
    readonly db: Database;
}

/**
 * The restify server: `GET /healthz`, `POST /api/messages`. Every error a
 * client can cause is answered as JSON; nothing internal leaks.
 */
export function createServer(parts: ServerParts): restify.Server {
    const server = restify.createServer({ name: 'billing-contact-assistant', handleUncaughtExceptions: false });
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
