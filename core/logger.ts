import { createHash } from 'crypto';

/** Severity of a log line, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Fields attached to a log line. Values are serialised as JSON. */
export type LogFields = Record<string, unknown>;

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)/g;

/** Masks every email address in a string: `anna@x.example` → `a***@x.example`. */
export function maskEmails(text: string): string {
    return text.replace(EMAIL, (_match, first: string, domain: string) => `${first}***@${domain}`);
}

/**
 * Fields that carry a conversation id: knowing one is enough to act in that
 * conversation (Web Chat, local mode), so logs carry a pseudonym instead,
 * the same for the same id, so lines of one conversation still group.
 */
const CONVERSATION_FIELDS: ReadonlySet<string> = new Set(['conversation', 'conversationId', 'conversationKey', 'activityId', 'replyToId']);

/** `c:` and the first 12 hex digits of the SHA-256 of a conversation id (or key, or activity id). */
export function conversationPseudonym(id: string): string {
    return `c:${createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 12)}`;
}

/** Where log lines go; replaced in tests to capture them. */
export type LogSink = (line: string) => void;

let sink: LogSink = (line) => process.stderr.write(line + '\n');
let threshold: number = LEVELS.info;

/** Sets the global minimum level and optionally the sink. */
export function configureLogging(level: LogLevel, newSink?: LogSink): void {
    threshold = LEVELS[level];
    if (newSink) {
        sink = newSink;
    }
}

/**
 * A named logger writing one JSON line per event. Email addresses in messages
 * and string fields are masked, so logs never carry other people's addresses;
 * conversation ids are replaced by their {@link conversationPseudonym}.
 */
export class Logger {
    public constructor(private readonly name: string) {}

    public debug(message: string, fields?: LogFields): void {
        this.write('debug', message, fields);
    }

    public info(message: string, fields?: LogFields): void {
        this.write('info', message, fields);
    }

    public warn(message: string, fields?: LogFields): void {
        this.write('warn', message, fields);
    }

    public error(message: string, fields?: LogFields): void {
        this.write('error', message, fields);
    }

    private write(level: LogLevel, message: string, fields?: LogFields): void {
        if (LEVELS[level] < threshold) {
            return;
        }
        const safe: LogFields = {};
        for (const [key, value] of Object.entries(fields ?? {})) {
            safe[key] = CONVERSATION_FIELDS.has(key) && typeof value === 'string' ? conversationPseudonym(value) : sanitize(value);
        }
        sink(JSON.stringify({ time: new Date().toISOString(), level, logger: this.name, message: maskEmails(message), ...safe }));
    }
}

function sanitize(value: unknown): unknown {
    if (typeof value === 'string') {
        return maskEmails(value);
    }
    if (value instanceof Error) {
        return maskEmails(value.stack ?? value.message);
    }
    return value;
}

/** Returns a logger named after its component, e.g. `data.database`. */
export function getLogger(name: string): Logger {
    return new Logger(name);
}
