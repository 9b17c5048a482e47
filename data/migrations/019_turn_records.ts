import type { Migration } from './index';

/**
 * One door for what a turn writes at its end: its conversation state
 * (`bot_state`: an upsert without eTag check, the eTag chosen by the writer)
 * and the rows it appends (its transcript lines, its insight events):
 * `turn_records`, a view whose INSTEAD OF triggers put each row into its own
 * table, so a turn writes them all in one statement
 * (`data/repositories/turnRecords.ts`, `data/sqliteStorage.ts`) instead of
 * one per table. `target` names the table; the other columns are the table's
 * own, in the order each trigger lists them (a row naming another target
 * is ignored). The tables keep their own triggers (a transcript keeps its
 * last 40 lines).
 */
export const migration019: Migration = {
    version: 19,
    name: 'turn_records',
    sql: `
CREATE VIEW turn_records AS
SELECT NULL AS target, NULL AS c1, NULL AS c2, NULL AS c3, NULL AS c4, NULL AS c5, NULL AS at WHERE 0;

CREATE TRIGGER turn_records_bot_state INSTEAD OF INSERT ON turn_records WHEN NEW.target = 'bot_state' BEGIN
    INSERT INTO bot_state (key, etag, data, updated_at) VALUES (NEW.c1, NEW.c3, NEW.c2, NEW.at)
        ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at;
END;

CREATE TRIGGER turn_records_transcripts INSTEAD OF INSERT ON turn_records WHEN NEW.target = 'transcripts' BEGIN
    INSERT INTO transcripts (conversation_key, at, sender, text) VALUES (NEW.c1, NEW.at, NEW.c2, NEW.c3);
END;

CREATE TRIGGER turn_records_insight_events INSTEAD OF INSERT ON turn_records WHEN NEW.target = 'insight_events' BEGIN
    INSERT INTO insight_events (conversation, door, lang, kind, detail, at) VALUES (NEW.c1, NEW.c2, NEW.c3, NEW.c4, NEW.c5, NEW.at);
END;
`,
    postgres: `
CREATE VIEW turn_records AS
SELECT NULL::text AS target, NULL::text AS c1, NULL::text AS c2, NULL::text AS c3, NULL::text AS c4, NULL::text AS c5, NULL::bigint AS at WHERE false;

CREATE FUNCTION turn_records_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.target = 'bot_state' THEN
        INSERT INTO bot_state (key, etag, data, updated_at) VALUES (NEW.c1, NEW.c3::bigint, NEW.c2, NEW.at)
            ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at;
    ELSIF NEW.target = 'transcripts' THEN
        INSERT INTO transcripts (conversation_key, at, sender, text) VALUES (NEW.c1, NEW.at, NEW.c2, NEW.c3);
    ELSIF NEW.target = 'insight_events' THEN
        INSERT INTO insight_events (conversation, door, lang, kind, detail, at) VALUES (NEW.c1, NEW.c2, NEW.c3, NEW.c4, NEW.c5, NEW.at);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER turn_records_insert INSTEAD OF INSERT ON turn_records FOR EACH ROW EXECUTE FUNCTION turn_records_insert();
`
};
