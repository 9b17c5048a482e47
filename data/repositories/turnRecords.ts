import type { Queryable, SqlValue } from '../database';
import { jsonParameter } from '../jsonParameter';
import type { TranscriptLine } from '../handoffModel';
import type { InsightEvent } from './insightRepository';
import { TRANSCRIPT_KEEP_LINES } from './transcriptRepository';

/** A row a turn appends once its state is saved: a line of its transcript or one of its insight events. */
export type TurnRecord =
    | { readonly target: 'transcripts'; readonly conversationKey: string; readonly line: TranscriptLine }
    | { readonly target: 'insight_events'; readonly event: InsightEvent };

/** A value of a turn record's row: what JSON carries as SQL would bind it (no blobs). */
type RecordValue = string | number | null;

/** Rows per statement (seven parameters each, far below SQLite's limit). */
export const ROWS_PER_STATEMENT = 200;

/**
 * Writes the rows a turn appends after its save (transcript lines, insight
 * events) in one statement (on SQLite even the state's own write, see
 * `SqliteStorage`), through the `turn_records` view of migration 019
 * whose trigger puts each into its table: one round trip to the database
 * instead of one per table. A transcript's lines beyond the last
 * {@link TRANSCRIPT_KEEP_LINES} of the turn are left out (the table keeps
 * no more anyway).
 */
export class TurnRecordWriter {
    public constructor(private readonly db: Queryable) {}

    public async write(records: readonly TurnRecord[]): Promise<void> {
        await writeTurnRecords(this.db, records);
    }
}

/** A conversation state item written with a turn's records (`SqliteStorage`): no eTag check, its new eTag chosen by the writer. */
export interface StateRecord {
    readonly key: string;
    readonly data: string;
    readonly etag: number;
    readonly at: number;
}

/**
 * Writes `records` through `turn_records`, and first `state` when given (one
 * item or several; of one key twice the later wins), in one statement (more
 * only beyond {@link ROWS_PER_STATEMENT} rows, the states always in the first).
 */
export async function writeTurnRecords(db: Queryable, records: readonly TurnRecord[], state?: StateRecord | readonly StateRecord[]): Promise<void> {
    const kept = keepLastLines(records);
    const states: readonly StateRecord[] = state === undefined ? [] : 'key' in state ? [state as StateRecord] : (state as readonly StateRecord[]);
    let start = 0;
    do {
        const batch = kept.slice(start, start + Math.max(1, ROWS_PER_STATEMENT - (start === 0 ? states.length : 0)));
        const params: RecordValue[] = [];
        if (start === 0) {
            for (const item of states) {
                params.push('bot_state', item.key, item.data, item.etag, null, null, item.at);
            }
        }
        for (const record of batch) {
            if (record.target === 'transcripts') {
                params.push('transcripts', record.conversationKey, record.line.from, record.line.text, null, null, record.line.at);
            } else {
                const e = record.event;
                params.push('insight_events', e.conversation, e.door, e.lang, e.kind, e.detail, e.at);
            }
        }
        if (params.length > 0) {
            await db.run(...turnRecordsInsert(db.dialect, params));
        }
        start += batch.length;
    } while (start < kept.length);
}

/**
 * On SQLite, the rows inserted from one JSON array of rows (`json_each`):
 * one statement text, and so one prepared statement, however many rows —
 * a text per row count would keep up to `STATEMENTS_KEPT` prepared
 * statements of up to {@link ROWS_PER_STATEMENT} rows (8.5 MiB for 128 of
 * them) and prepare anew each count that was pushed out. `->>` gives each
 * value its SQL type (text, integer, NULL), as a bound parameter would
 * ({@link jsonParameter}: text as binding stores it).
 */
const INSERT_FROM_JSON =
    'INSERT INTO turn_records (target, c1, c2, c3, c4, c5, at) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(?)';

/** The statement and parameters that insert `params` (seven a row) into `turn_records`. */
function turnRecordsInsert(dialect: Queryable['dialect'], params: readonly RecordValue[]): [string, SqlValue[]] {
    if (dialect === 'sqlite') {
        const rows: RecordValue[][] = [];
        for (let i = 0; i < params.length; i += 7) {
            rows.push(params.slice(i, i + 7));
        }
        return [INSERT_FROM_JSON, [jsonParameter(rows)]];
    }
    return [`INSERT INTO turn_records (target, c1, c2, c3, c4, c5, at) VALUES ${Array.from({ length: params.length / 7 }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`, [...params]];
}

/** The records with, per conversation, only the last {@link TRANSCRIPT_KEEP_LINES} transcript lines. */
function keepLastLines(records: readonly TurnRecord[]): readonly TurnRecord[] {
    const lines = new Map<string, number>();
    for (const record of records) {
        if (record.target === 'transcripts') {
            lines.set(record.conversationKey, (lines.get(record.conversationKey) ?? 0) + 1);
        }
    }
    if ([...lines.values()].every((n) => n <= TRANSCRIPT_KEEP_LINES)) {
        return records;
    }
    const skip = new Map([...lines].map(([key, n]) => [key, Math.max(0, n - TRANSCRIPT_KEEP_LINES)]));
    return records.filter((record) => {
        if (record.target !== 'transcripts') {
            return true;
        }
        const left = skip.get(record.conversationKey) ?? 0;
        skip.set(record.conversationKey, left - 1);
        return left <= 0;
    });
}
