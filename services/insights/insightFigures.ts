import type { HandoffTimes, InsightDoor, InsightEvent, InsightFilter, InsightRepository } from '../../data/repositories/insightRepository';
import { doorOf, type TaskKind } from './insightsRecorder';

/** The tasks in the order the view lists them. */
export const TASK_KINDS: readonly TaskKind[] = ['billing-role', 'admin-mail', 'change-request', 'portal-reset', 'topic'];

/** The billing-role cases (b/d, a corporate account's non-contact, counts as d). */
export const CASES = ['a', 'b', 'c', 'd'] as const;

/** The figures of one period (or one day of it). */
export interface InsightTotals {
    readonly conversations: number;
    /** Conversations with a completed task and no escalation or callback. */
    readonly contained: number;
    readonly escalated: number;
    readonly callbacks: number;
    /** Conversations left in the middle of a task for longer than the abandonment setting. */
    readonly abandoned: number;
    readonly verified: number;
    readonly closings: number;
    /** Share of conversations (0–1; 0 without conversations). */
    readonly containmentRate: number;
    readonly escalationRate: number;
    readonly abandonmentRate: number;
    readonly tasksStarted: Readonly<Record<TaskKind, number>>;
    readonly tasksCompleted: Readonly<Record<TaskKind, number>>;
    readonly cases: Readonly<Record<(typeof CASES)[number], number>>;
    readonly ratingsUp: number;
    readonly ratingsDown: number;
    /** Share of thumbs up among the ratings (null without ratings). */
    readonly satisfaction: number | null;
    /** Of the ratings, those given after a live chat with an agent (at its end or at a later goodbye). */
    readonly ratingsAfterPersonUp: number;
    readonly ratingsAfterPersonDown: number;
    /** Share of thumbs up among the ratings after a live chat (null without such ratings). */
    readonly satisfactionAfterPerson: number | null;
    /** Share of thumbs up among the ratings of conversations no agent chatted in (null without such ratings). */
    readonly satisfactionBotAlone: number | null;
    readonly notUnderstood: number;
    /** Milliseconds from the first message to the first answer (a case told or a topic answered); null without any. */
    readonly medianFirstAnswerMs: number | null;
    /** Milliseconds from the first message to the first completed task; null without any. */
    readonly medianCompletedTaskMs: number | null;
    readonly handoffs: number;
    /** Milliseconds from entering the queue to an agent taking the chat. */
    readonly medianQueueWaitMs: number | null;
    /** Milliseconds from an agent taking the chat to its end. */
    readonly medianHandlingMs: number | null;
}

/** A not-understood message and how often it (masked, lower-cased) came. */
export interface NotUnderstoodEntry {
    readonly text: string;
    readonly count: number;
    readonly reason: string;
    readonly intent: string;
    /** The classifier's best score, rounded to two places. */
    readonly score: number;
    readonly lang: 'de' | 'en';
    readonly lastAt: number;
}

/** What `GET /agent/api/insights` returns. */
export interface InsightReport {
    readonly from: string;
    readonly to: string;
    readonly door: InsightDoor | null;
    readonly language: 'de' | 'en' | null;
    readonly totals: InsightTotals;
    /** One entry per UTC day of the period, by the day a conversation began. */
    readonly days: ReadonlyArray<{ readonly day: string } & InsightTotals>;
    readonly notUnderstood: readonly NotUnderstoodEntry[];
    readonly comments: ReadonlyArray<{ readonly at: number; readonly rating: 'up' | 'down'; readonly lang: 'de' | 'en'; readonly text: string }>;
}

const DAY_MS = 24 * 3600_000;
/** The most days one report covers. */
export const MAX_REPORT_DAYS = 366;
const LIST_LIMIT = 200;

/** One conversation, folded from its events. */
interface Folded {
    readonly door: InsightDoor;
    lang: 'de' | 'en';
    readonly startedAt: number;
    lastMessageAt: number;
    escalated: boolean;
    callback: boolean;
    verified: boolean;
    closing: boolean;
    notUnderstood: number;
    rating?: 'up' | 'down';
    /** An agent's live chat ended before the rating (handed back, or ended by the person). */
    ratedAfterPerson: boolean;
    chattedWithPerson: boolean;
    firstAnswerAt?: number;
    firstCompletedAt?: number;
    caseTold?: (typeof CASES)[number];
    readonly started: Partial<Record<TaskKind, number>>;
    readonly completed: Partial<Record<TaskKind, number>>;
    /** A task begun and not done, escalated or closed since. */
    openTask: boolean;
    lastAt: number;
}

/** The median of `values`, rounded to whole milliseconds; null when empty. */
export function median(values: readonly number[]): number | null {
    if (values.length === 0) {
        return null;
    }
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return Math.round(sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

function isTask(detail: string | null): detail is TaskKind {
    return detail !== null && (TASK_KINDS as readonly string[]).includes(detail);
}

function fold(events: readonly InsightEvent[]): Folded {
    const first = events[0];
    const f: Folded = {
        door: first.door,
        lang: first.lang,
        startedAt: first.at,
        lastMessageAt: first.at,
        escalated: false,
        callback: false,
        verified: false,
        closing: false,
        notUnderstood: 0,
        ratedAfterPerson: false,
        chattedWithPerson: false,
        started: {},
        completed: {},
        openTask: false,
        lastAt: first.at
    };
    for (const e of events) {
        f.lastAt = e.at;
        f.lang = e.lang;
        switch (e.kind) {
            case 'message':
                f.lastMessageAt = e.at;
                break;
            case 'verified':
                f.verified = true;
                break;
            case 'case':
                if (e.detail === 'a' || e.detail === 'b' || e.detail === 'c' || e.detail === 'd') {
                    f.caseTold ??= e.detail;
                }
                f.firstAnswerAt ??= e.at;
                break;
            case 'task-started':
                if (isTask(e.detail)) {
                    f.started[e.detail] = (f.started[e.detail] ?? 0) + 1;
                    f.openTask = e.detail !== 'topic';
                }
                break;
            case 'task-completed':
                if (isTask(e.detail)) {
                    f.completed[e.detail] = (f.completed[e.detail] ?? 0) + 1;
                    f.firstCompletedAt ??= e.at;
                    if (e.detail === 'topic') {
                        f.firstAnswerAt ??= e.at;
                    }
                    f.openTask = false;
                }
                break;
            case 'escalated':
                f.escalated = true;
                f.openTask = false;
                break;
            case 'callback':
                f.callback = true;
                f.openTask = false;
                break;
            case 'closing':
                f.closing = true;
                f.openTask = false;
                break;
            case 'rating':
                if (e.detail === 'up' || e.detail === 'down') {
                    f.rating = e.detail;
                    f.ratedAfterPerson = f.chattedWithPerson;
                }
                break;
            case 'handed-back':
                f.chattedWithPerson = true;
                break;
            case 'not-understood':
                f.notUnderstood += 1;
                break;
        }
    }
    return f;
}

function zeroTasks(): Record<TaskKind, number> {
    return { 'billing-role': 0, 'admin-mail': 0, 'change-request': 0, 'portal-reset': 0, topic: 0 };
}

function rate(part: number, whole: number): number {
    return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

/** Share of thumbs up; null without ratings. */
function satisfactionOf(up: number, down: number): number | null {
    return up + down === 0 ? null : rate(up, up + down);
}

/** The figures of some conversations and handoffs; `now` decides what counts as abandoned. */
export function totalsOf(conversations: readonly Folded[], handoffs: readonly HandoffTimes[], now: number, abandonAfterMs: number): InsightTotals {
    const tasksStarted = zeroTasks();
    const tasksCompleted = zeroTasks();
    const cases = { a: 0, b: 0, c: 0, d: 0 };
    let contained = 0;
    let escalated = 0;
    let callbacks = 0;
    let abandoned = 0;
    let verified = 0;
    let closings = 0;
    let up = 0;
    let down = 0;
    let upAfterPerson = 0;
    let downAfterPerson = 0;
    let notUnderstood = 0;
    const firstAnswers: number[] = [];
    const completedTasks: number[] = [];
    for (const c of conversations) {
        for (const kind of TASK_KINDS) {
            tasksStarted[kind] += c.started[kind] ?? 0;
            tasksCompleted[kind] += c.completed[kind] ?? 0;
        }
        if (c.caseTold) {
            cases[c.caseTold] += 1;
        }
        const helpedByPerson = c.escalated || c.callback;
        if (helpedByPerson) {
            escalated += c.escalated ? 1 : 0;
            callbacks += c.callback ? 1 : 0;
        } else if (c.firstCompletedAt !== undefined) {
            contained += 1;
        }
        if (c.openTask && now - c.lastMessageAt >= abandonAfterMs) {
            abandoned += 1;
        }
        verified += c.verified ? 1 : 0;
        closings += c.closing ? 1 : 0;
        up += c.rating === 'up' ? 1 : 0;
        down += c.rating === 'down' ? 1 : 0;
        upAfterPerson += c.ratedAfterPerson && c.rating === 'up' ? 1 : 0;
        downAfterPerson += c.ratedAfterPerson && c.rating === 'down' ? 1 : 0;
        notUnderstood += c.notUnderstood;
        if (c.firstAnswerAt !== undefined) {
            firstAnswers.push(c.firstAnswerAt - c.startedAt);
        }
        if (c.firstCompletedAt !== undefined) {
            completedTasks.push(c.firstCompletedAt - c.startedAt);
        }
    }
    const n = conversations.length;
    const accepted = handoffs.filter((h) => h.acceptedAt !== null);
    return {
        conversations: n,
        contained,
        escalated,
        callbacks,
        abandoned,
        verified,
        closings,
        containmentRate: rate(contained, n),
        escalationRate: rate(escalated, n),
        abandonmentRate: rate(abandoned, n),
        tasksStarted,
        tasksCompleted,
        cases,
        ratingsUp: up,
        ratingsDown: down,
        satisfaction: satisfactionOf(up, down),
        ratingsAfterPersonUp: upAfterPerson,
        ratingsAfterPersonDown: downAfterPerson,
        satisfactionAfterPerson: satisfactionOf(upAfterPerson, downAfterPerson),
        satisfactionBotAlone: satisfactionOf(up - upAfterPerson, down - downAfterPerson),
        notUnderstood,
        medianFirstAnswerMs: median(firstAnswers),
        medianCompletedTaskMs: median(completedTasks),
        handoffs: handoffs.length,
        medianQueueWaitMs: median(accepted.map((h) => (h.acceptedAt as number) - h.createdAt)),
        medianHandlingMs: median(accepted.filter((h) => h.closedAt !== null).map((h) => (h.closedAt as number) - (h.acceptedAt as number)))
    };
}

/** UTC day of a time, `YYYY-MM-DD`. */
export function dayOf(at: number): string {
    return new Date(at).toISOString().slice(0, 10);
}

/**
 * Computes the supervisor view's figures from the events: conversations are
 * counted in the period (and on the day) they began, with all their events.
 */
export class InsightFigures {
    public constructor(private readonly repository: InsightRepository, private readonly abandonAfterMs: number) {}

    public async report(filter: InsightFilter, now: number): Promise<InsightReport> {
        const events = await this.repository.eventsOfConversationsStartedIn(filter);
        const byConversation = new Map<string, InsightEvent[]>();
        for (const e of events) {
            const list = byConversation.get(e.conversation) ?? [];
            list.push(e);
            byConversation.set(e.conversation, list);
        }
        const conversations = [...byConversation.values()]
            .map(fold)
            .filter((c) => (!filter.door || c.door === filter.door) && (!filter.lang || c.lang === filter.lang));
        const handoffs = (await this.repository.handoffs(filter)).filter((h) => (!filter.door || doorOf(h.channelId) === filter.door) && (!filter.lang || h.lang === filter.lang));
        const days: Array<{ day: string } & InsightTotals> = [];
        for (let start = filter.from; start < filter.to; start += DAY_MS) {
            const end = Math.min(start + DAY_MS, filter.to);
            days.push({
                day: dayOf(start),
                ...totalsOf(
                    conversations.filter((c) => c.startedAt >= start && c.startedAt < end),
                    handoffs.filter((h) => h.createdAt >= start && h.createdAt < end),
                    now,
                    this.abandonAfterMs
                )
            });
        }
        const grouped = new Map<string, NotUnderstoodEntry>();
        for (const row of await this.repository.unplaced(filter, 5000)) {
            const key = row.text.trim().toLowerCase();
            const known = grouped.get(key);
            grouped.set(
                key,
                known
                    ? { ...known, count: known.count + 1 }
                    : { text: row.text.trim(), count: 1, reason: row.reason, intent: row.intent, score: Math.round(row.score * 100) / 100, lang: row.lang, lastAt: row.at }
            );
        }
        const notUnderstood = [...grouped.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, LIST_LIMIT);
        const comments = (await this.repository.comments(filter, LIST_LIMIT)).map((c) => ({ at: c.at, rating: c.rating, lang: c.lang, text: c.text }));
        return {
            from: new Date(filter.from).toISOString(),
            to: new Date(filter.to).toISOString(),
            door: filter.door ?? null,
            language: filter.lang ?? null,
            totals: totalsOf(conversations, handoffs, now, this.abandonAfterMs),
            days,
            notUnderstood,
            comments
        };
    }
}

/** Fields of a day in the CSV, in order. */
const CSV_FIELDS: ReadonlyArray<[string, (t: InsightTotals) => number | string | null]> = [
    ['conversations', (t) => t.conversations],
    ['contained', (t) => t.contained],
    ['containment_rate', (t) => t.containmentRate],
    ['escalated', (t) => t.escalated],
    ['escalation_rate', (t) => t.escalationRate],
    ['callbacks', (t) => t.callbacks],
    ['abandoned', (t) => t.abandoned],
    ['abandonment_rate', (t) => t.abandonmentRate],
    ['verified', (t) => t.verified],
    ['closings', (t) => t.closings],
    ...TASK_KINDS.map((k): [string, (t: InsightTotals) => number] => [`completed_${k}`, (t) => t.tasksCompleted[k]]),
    ...CASES.map((c): [string, (t: InsightTotals) => number] => [`case_${c}`, (t) => t.cases[c]]),
    ['ratings_up', (t) => t.ratingsUp],
    ['ratings_down', (t) => t.ratingsDown],
    ['satisfaction', (t) => t.satisfaction],
    ['ratings_after_person_up', (t) => t.ratingsAfterPersonUp],
    ['ratings_after_person_down', (t) => t.ratingsAfterPersonDown],
    ['satisfaction_after_person', (t) => t.satisfactionAfterPerson],
    ['satisfaction_bot_alone', (t) => t.satisfactionBotAlone],
    ['not_understood', (t) => t.notUnderstood],
    ['median_first_answer_ms', (t) => t.medianFirstAnswerMs],
    ['median_completed_task_ms', (t) => t.medianCompletedTaskMs],
    ['handoffs', (t) => t.handoffs],
    ['median_queue_wait_ms', (t) => t.medianQueueWaitMs],
    ['median_handling_ms', (t) => t.medianHandlingMs]
];

/** A CSV cell: quoted when needed, and a leading =, +, - or @ defused so no spreadsheet runs it as a formula. */
function cell(value: number | string | null): string {
    if (value === null) {
        return '';
    }
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
        text = `'${text}`;
    }
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV: one row per day and a total row, then the not-understood list. */
export function reportCsv(report: InsightReport): string {
    const lines = [['day', ...CSV_FIELDS.map(([name]) => name)].join(',')];
    for (const day of report.days) {
        lines.push([day.day, ...CSV_FIELDS.map(([, get]) => cell(get(day)))].join(','));
    }
    lines.push(['total', ...CSV_FIELDS.map(([, get]) => cell(get(report.totals)))].join(','));
    lines.push('');
    lines.push('not_understood_text,count,reason,guessed_intent,score,language');
    for (const entry of report.notUnderstood) {
        lines.push([cell(entry.text), entry.count, entry.reason, entry.intent, entry.score, entry.lang].join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
}
