import { AuthenticationError } from 'botframework-connector';
import type { Response } from 'restify';
import { getLogger } from '../core/logger';
import { HttpError } from './httpError';

const log = getLogger('channels.messages');

/** Errors of jsonwebtoken that reach a route unwrapped from the Bot Framework token check. */
const JWT_ERRORS: ReadonlySet<string> = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** Answers with the JSON error for `err`; unknown errors are logged and answered as a plain 500. */
export function sendError(res: Response, err: unknown): void {
    if (res.headersSent) {
        return;
    }
    if (err instanceof HttpError) {
        // One line, no stack: a refused request is the client's mistake, not the bot's.
        log.info('request refused', { status: err.status, code: err.code });
        res.send(err.status, err.toBody());
        return;
    }
    // jsonwebtoken's own errors (bad signature, expired) reach here unwrapped from the token check.
    if (err instanceof AuthenticationError || (err as { statusCode?: number }).statusCode === 401 || JWT_ERRORS.has((err as Error).name)) {
        log.info('request refused', { status: 401, code: 'Unauthorized' });
        res.send(401, new HttpError(401, 'Unauthorized', 'A valid Bot Framework token is required.').toBody());
        return;
    }
    log.error('request failed', { error: err });
    res.send(500, new HttpError(500, 'InternalError', 'The bot could not process the request.').toBody());
}
