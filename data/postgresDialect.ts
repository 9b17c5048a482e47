/**
 * The one place that knows how PostgreSQL differs from the SQLite dialect the
 * repositories write their statements in:
 *
 * - parameters: `?` and `$name` become `$1`, `$2`, … (a name used twice is one parameter);
 * - `INSERT OR IGNORE INTO …` becomes `INSERT INTO … ON CONFLICT DO NOTHING`;
 * - the id of an inserted row (SQLite's `lastID`): `RETURNING id` is added to an
 *   INSERT into a table whose `id` is an identity column (`RETURNING rowid AS id`
 *   where only the `rowid` of migration 013 is one);
 * - an alias in mixed case (`AS createdAt`) is quoted, as PostgreSQL would fold it to lower case;
 * - a subquery in FROM or JOIN without an alias gets one, and a JOIN without
 *   ON gets `ON true` (PostgreSQL 15 requires both, SQLite neither);
 * - types: `INTEGER PRIMARY KEY` (SQLite's rowid) is a `BIGINT` identity, every
 *   other `INTEGER` a `BIGINT` (times are epoch milliseconds), `BLOB` is `BYTEA`;
 *   BIGINT, NUMERIC and BOOLEAN results come back as JavaScript numbers (a
 *   comparison is 1 or 0, as in SQLite);
 * - the SQLite functions the repositories use (`json_extract`, `json_each`,
 *   `json_valid`, `json_type`, `json_quote`, `json_object`, `json_group_array`,
 *   `json`, `instr`) and the `NOCASE` collation exist as SQL functions and an
 *   ICU collation of the same names ({@link POSTGRES_COMPAT});
 * - triggers and table rebuilds differ in kind: a migration carries its own
 *   PostgreSQL text for them (`Migration.postgres`).
 */
import { types as pgTypes, type CustomTypesConfig } from 'pg';

/** A statement translated for PostgreSQL, and how to order its parameters. */
export interface PostgresStatement {
    readonly text: string;
    /** For `$name` parameters: the names in the order of `$1`, `$2`, …; undefined for positional `?`. */
    readonly names?: readonly string[];
    /** Whether the statement returns the inserted row's id for `lastId`. */
    readonly returnsId: boolean;
}

/**
 * Translates one statement of the SQLite dialect. `identityTables` maps each
 * table with a generated key to that column (`id`, else `rowid`): an INSERT
 * into them reports the new key.
 */
export function translateStatement(sql: string, identityTables: ReadonlyMap<string, string>): PostgresStatement {
    let text = '';
    let positional = 0;
    const names: string[] = [];
    let i = 0;
    while (i < sql.length) {
        const c = sql[i];
        if (c === "'" || c === '"') {
            const end = closingQuote(sql, i);
            text += sql.slice(i, end);
            i = end;
        } else if (c === '-' && sql[i + 1] === '-') {
            const end = sql.indexOf('\n', i);
            i = end < 0 ? sql.length : end;
        } else if (c === '?') {
            text += `$${++positional}`;
            i++;
        } else if (c === '$' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
            const name = /^\$[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))?.[0] ?? '$';
            let index = names.indexOf(name);
            if (index < 0) {
                index = names.push(name) - 1;
            }
            text += `$${index + 1}`;
            i += name.length;
        } else {
            text += c;
            i++;
        }
    }
    if (positional > 0 && names.length > 0) {
        throw new Error(`translateStatement(): a statement mixes ? and $name parameters: ${sql}`);
    }
    text = aliasSubqueries(text);
    text = text.replace(/\bAS\s+([A-Za-z_][A-Za-z0-9_]*)\b/g, (whole, alias: string) => (/[a-z]/.test(alias) && /[A-Z]/.test(alias) ? `AS "${alias}"` : whole));
    if (/^\s*INSERT\s+OR\s+REPLACE\b/i.test(text)) {
        throw new Error('translateStatement(): INSERT OR REPLACE has no PostgreSQL equivalent; write INSERT … ON CONFLICT (…) DO UPDATE');
    }
    const ignore = /^\s*INSERT\s+OR\s+IGNORE\s+INTO\b/i.test(text);
    if (ignore) {
        text = text.replace(/^\s*INSERT\s+OR\s+IGNORE\s+INTO\b/i, 'INSERT INTO');
    }
    const returning = /\bRETURNING\b/i.exec(text);
    if (ignore) {
        text = returning ? `${text.slice(0, returning.index)}ON CONFLICT DO NOTHING ${text.slice(returning.index)}` : `${text.trimEnd()} ON CONFLICT DO NOTHING`;
    }
    const table = /^\s*INSERT\s+INTO\s+([A-Za-z_][A-Za-z0-9_]*)/i.exec(text)?.[1]?.toLowerCase();
    const identity = table === undefined || returning ? undefined : identityTables.get(table);
    const returnsId = identity !== undefined;
    if (identity !== undefined) {
        text = `${text.trimEnd()} RETURNING ${identity === 'id' ? 'id' : `${identity} AS id`}`;
    }
    return { text, names: names.length > 0 ? names : undefined, returnsId };
}

/** Words that may follow a subquery where its alias would be: the subquery has none. */
const NOT_AN_ALIAS = new Set(['ORDER', 'WHERE', 'GROUP', 'LIMIT', 'LEFT', 'RIGHT', 'INNER', 'OUTER', 'FULL', 'JOIN', 'CROSS', 'ON', 'USING', 'UNION', 'EXCEPT', 'INTERSECT', 'HAVING', 'WINDOW', 'RETURNING']);

/** Gives each subquery in FROM or JOIN an alias when it has none, and a JOIN without a condition `ON true`. */
function aliasSubqueries(sql: string): string {
    let out = sql;
    let counter = 0;
    const opener = /\b(FROM|JOIN)\s*\(/gi;
    let match: RegExpExecArray | null;
    while ((match = opener.exec(out)) !== null) {
        const open = match.index + match[0].length - 1;
        const close = matchingParen(out, open);
        if (close < 0) {
            break;
        }
        let after = close + 1;
        const word = /^\s*(?:AS\s+)?([A-Za-z_][A-Za-z0-9_]*)/i.exec(out.slice(after));
        if (!word || NOT_AN_ALIAS.has(word[1].toUpperCase())) {
            const alias = ` AS subquery_${++counter}`;
            out = `${out.slice(0, after)}${alias}${out.slice(after)}`;
            after += alias.length;
        } else {
            after += word[0].length;
        }
        if (match[1].toUpperCase() === 'JOIN' && !/^\s*(ON|USING)\b/i.test(out.slice(after))) {
            out = `${out.slice(0, after)} ON true${out.slice(after)}`;
        }
        opener.lastIndex = open + 1;
    }
    return out;
}

/** The index of the `)` closing the `(` at `open` (quoted text skipped), or -1. */
function matchingParen(sql: string, open: number): number {
    let depth = 0;
    let i = open;
    while (i < sql.length) {
        const c = sql[i];
        if (c === "'" || c === '"') {
            i = closingQuote(sql, i);
            continue;
        }
        if (c === '(') {
            depth++;
        } else if (c === ')' && --depth === 0) {
            return i;
        }
        i++;
    }
    return -1;
}

/** The index just past the quoted string or identifier starting at `start` (a doubled quote continues it). */
function closingQuote(sql: string, start: number): number {
    const quote = sql[start];
    let i = start + 1;
    while (i < sql.length) {
        if (sql[i] === quote) {
            if (sql[i + 1] === quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i++;
    }
    return sql.length;
}

/** The values of `params` in the order of the translated statement's `$1`, `$2`, …. */
export function orderParams(statement: PostgresStatement, params: readonly unknown[] | Readonly<Record<string, unknown>>): unknown[] {
    if (Array.isArray(params)) {
        return [...(params as unknown[])];
    }
    const named = params as Readonly<Record<string, unknown>>;
    return (statement.names ?? []).map((name) => {
        if (name in named) {
            return named[name];
        }
        if (name.slice(1) in named) {
            return named[name.slice(1)];
        }
        throw new Error(`a value for ${name} is missing`);
    });
}

/**
 * A schema script of SQLite's dialect (tables, indexes, columns) in
 * PostgreSQL's: the rowid key as an identity, INTEGER as BIGINT, BLOB as BYTEA.
 * Triggers and rebuilds are not translated: a migration with them carries its
 * own PostgreSQL text.
 */
export function translateSchema(sql: string): string {
    if (/\bCREATE\s+TRIGGER\b|\bPRAGMA\b|json_each|randomblob/i.test(sql)) {
        throw new Error('translateSchema(): this script needs its own PostgreSQL text (Migration.postgres)');
    }
    return sql
        .replace(/\bINTEGER\s+PRIMARY\s+KEY\b/gi, 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')
        .replace(/\bINTEGER\b/gi, 'BIGINT')
        .replace(/\bBLOB\b/gi, 'BYTEA')
        .replace(/\)\s*WITHOUT\s+ROWID/gi, ')');
}

const BIGINT = 20;
const NUMERIC = 1700;
const BOOLEAN = 16;

/** Result types as the repositories expect them from SQLite: numbers for BIGINT, NUMERIC and BOOLEAN. */
export const RESULT_TYPES: CustomTypesConfig = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === BIGINT || oid === NUMERIC) {
            return (value: string) => Number(value);
        }
        if (oid === BOOLEAN) {
            return (value: string) => (value === 't' ? 1 : 0);
        }
        return pgTypes.getTypeParser(oid, format);
    }) as CustomTypesConfig['getTypeParser']
};

/**
 * SQLite's functions and collation the repositories use, for PostgreSQL, in
 * the database's schema. Run (again) on every start under the migration lock;
 * each is replaced, so a corrected definition takes effect.
 */
export const POSTGRES_COMPAT = `
DO $do$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'nocase' AND collnamespace = current_schema()::regnamespace) THEN
        CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
    END IF;
END $do$;

-- '$.a.b' or '$.a[0]' as a jsonb path.
CREATE OR REPLACE FUNCTION sqlite_json_path(path text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE(array_agg(part ORDER BY n), '{}')
      FROM regexp_split_to_table(regexp_replace(regexp_replace(substr(path, 2), '\\[(\\d+)\\]', '.\\1', 'g'), '^\\.', ''), '\\.') WITH ORDINALITY AS p(part, n)
     WHERE part <> ''
$$;

CREATE OR REPLACE FUNCTION json_valid(t text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    PERFORM t::jsonb;
    RETURN t IS NOT NULL;
EXCEPTION WHEN others THEN
    RETURN false;
END $$;

-- A text at the path unquoted, a number or boolean as text, an object or array as JSON text, JSON null as NULL.
CREATE OR REPLACE FUNCTION json_extract(t text, path text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(v) = 'null' THEN NULL WHEN jsonb_typeof(v) = 'string' THEN v #>> '{}' ELSE v::text END
      FROM (SELECT t::jsonb #> sqlite_json_path(path) AS v) x
$$;

CREATE OR REPLACE FUNCTION json_type(t text, path text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE jsonb_typeof(v) WHEN 'string' THEN 'text' WHEN 'number' THEN CASE WHEN v::text ~ '^-?\\d+$' THEN 'integer' ELSE 'real' END
                                WHEN 'boolean' THEN v::text ELSE jsonb_typeof(v) END
      FROM (SELECT t::jsonb #> sqlite_json_path(path) AS v) x
$$;

CREATE OR REPLACE FUNCTION json_each(t text) RETURNS TABLE (key bigint, value text) LANGUAGE sql IMMUTABLE AS $$
    SELECT n - 1, CASE WHEN jsonb_typeof(e) = 'string' THEN e #>> '{}' WHEN jsonb_typeof(e) = 'null' THEN NULL ELSE e::text END
      FROM jsonb_array_elements(t::jsonb) WITH ORDINALITY AS a(e, n)
$$;

CREATE OR REPLACE FUNCTION json_quote(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_jsonb(t)::text
$$;

CREATE OR REPLACE FUNCTION json(t text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT t::jsonb
$$;

CREATE OR REPLACE FUNCTION json_object(k1 text, v1 text, k2 text, v2 text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object(k1, v1, k2, v2)
$$;

CREATE OR REPLACE FUNCTION sqlite_json_group_array_step(acc jsonb, v jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT acc || jsonb_build_array(v)
$$;

DO $do$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'json_group_array' AND pronamespace = current_schema()::regnamespace) THEN
        CREATE AGGREGATE json_group_array(jsonb) (SFUNC = sqlite_json_group_array_step, STYPE = jsonb, INITCOND = '[]');
    END IF;
END $do$;

CREATE OR REPLACE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT strpos(haystack, needle)
$$;
`;
