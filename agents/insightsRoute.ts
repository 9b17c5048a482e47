import type { Request, Response } from 'restify';
import { HttpError } from '../web/httpError';
import type { InsightDoor, InsightFilter } from '../data/repositories/insightRepository';
import type { AgentSessionView } from '../services/agentDirectory';
import { MAX_REPORT_DAYS, reportCsv, type InsightFigures } from '../services/insights/insightFigures';
import { sendJson } from './agentHttp';

const DAY_MS = 24 * 3600_000;
/** The period shown when none is asked for: the last seven days, today included. */
const DEFAULT_DAYS = 7;
const DOORS: readonly InsightDoor[] = ['webchat', 'teams', 'other'];

/** A `YYYY-MM-DD` day (UTC midnight) or a full ISO time; @throws 400. */
function parseTime(name: string, text: string): number {
    const at = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(text) ? Date.parse(text) : NaN;
    if (!Number.isFinite(at)) {
        throw new HttpError(400, 'InvalidQuery', `"${name}" must be a day (YYYY-MM-DD) or an ISO time with zone.`);
    }
    return at;
}

function queryValue(req: Request, name: string): string | undefined {
    const url = new URL(req.url ?? '/', 'http://x');
    const all = url.searchParams.getAll(name);
    if (all.length > 1) {
        throw new HttpError(400, 'InvalidQuery', `"${name}" may be given once.`);
    }
    const value = all[0];
    return value === undefined || value === '' ? undefined : value;
}

/**
 * The filter of a request: `from` (inclusive) and `to` (a day: up to its end;
 * default the last seven days up to today), `door` and `language`.
 * @throws 400 for anything else.
 */
export function insightFilterOf(req: Request, now: number): { filter: InsightFilter; format: 'json' | 'csv' } {
    const toText = queryValue(req, 'to');
    const fromText = queryValue(req, 'from');
    const today = Math.floor(now / DAY_MS) * DAY_MS;
    // A day as "to" means up to the end of that day.
    const to = toText === undefined ? today + DAY_MS : parseTime('to', toText) + (/^\d{4}-\d{2}-\d{2}$/.test(toText) ? DAY_MS : 0);
    const from = fromText === undefined ? to - DEFAULT_DAYS * DAY_MS : parseTime('from', fromText);
    if (from >= to) {
        throw new HttpError(400, 'InvalidQuery', '"from" must be before "to".');
    }
    if (to - from > MAX_REPORT_DAYS * DAY_MS) {
        throw new HttpError(400, 'InvalidQuery', `A report covers at most ${MAX_REPORT_DAYS} days.`);
    }
    const door = queryValue(req, 'door');
    if (door !== undefined && !(DOORS as readonly string[]).includes(door)) {
        throw new HttpError(400, 'InvalidQuery', `"door" must be one of ${DOORS.join(', ')}.`);
    }
    const language = queryValue(req, 'language');
    if (language !== undefined && language !== 'de' && language !== 'en') {
        throw new HttpError(400, 'InvalidQuery', '"language" must be de or en.');
    }
    const format = queryValue(req, 'format') ?? 'json';
    if (format !== 'json' && format !== 'csv') {
        throw new HttpError(400, 'InvalidQuery', '"format" must be json or csv.');
    }
    return { filter: { from, to, door: door as InsightDoor | undefined, lang: language }, format };
}

/** `GET /agent/api/insights`: the supervisor view's figures as JSON or CSV; 403 for agents who are not supervisors. */
export function insightsHandler(figures: InsightFigures, now: () => number) {
    return async (req: Request, res: Response, session: AgentSessionView): Promise<void> => {
        if (!session.agent.supervisor) {
            throw new HttpError(403, 'NotSupervisor', 'Only supervisors see the insights.');
        }
        const { filter, format } = insightFilterOf(req, now());
        const report = await figures.report(filter, now());
        if (format === 'json') {
            sendJson(res, 200, report);
            return;
        }
        const body = reportCsv(report);
        res.header('Cache-Control', 'no-store');
        res.header('Content-Type', 'text/csv; charset=utf-8');
        res.header('Content-Disposition', `attachment; filename="insights-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv"`);
        res.sendRaw(200, body);
    };
}
