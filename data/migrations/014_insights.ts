import type { Migration } from './index';

/**
 * Insights for the support team (issue 17). `insight_events` holds what
 * happened in a conversation as kinds and short codes only, under a keyed
 * hash of the conversation (no address, name, code or free text), so the
 * figures outlive the person's erasure. The masked messages the bot could not
 * place and the comments of ratings are free text: they keep the
 * conversation key, so a person's export and erasure reach them.
 */
export const migration014: Migration = {
    version: 14,
    name: 'insights',
    sql: `
CREATE TABLE insight_events (
    id           INTEGER PRIMARY KEY,
    conversation TEXT NOT NULL,
    door         TEXT NOT NULL CHECK (door IN ('webchat', 'teams', 'other')),
    lang         TEXT NOT NULL CHECK (lang IN ('de', 'en')),
    kind         TEXT NOT NULL,
    detail       TEXT,
    at           INTEGER NOT NULL
);
CREATE INDEX insight_events_at ON insight_events (at);
CREATE INDEX insight_events_conversation ON insight_events (conversation, at);

CREATE TABLE insight_unplaced (
    id               INTEGER PRIMARY KEY,
    conversation_key TEXT NOT NULL,
    door             TEXT NOT NULL CHECK (door IN ('webchat', 'teams', 'other')),
    lang             TEXT NOT NULL CHECK (lang IN ('de', 'en')),
    reason           TEXT NOT NULL CHECK (reason IN ('out-of-scope', 'low-confidence', 'reprompted')),
    text             TEXT NOT NULL,
    intent           TEXT NOT NULL,
    score            REAL NOT NULL,
    at               INTEGER NOT NULL
);
CREATE INDEX insight_unplaced_at ON insight_unplaced (at);
CREATE INDEX insight_unplaced_conversation ON insight_unplaced (conversation_key);

CREATE TABLE insight_comments (
    id               INTEGER PRIMARY KEY,
    conversation_key TEXT NOT NULL,
    door             TEXT NOT NULL CHECK (door IN ('webchat', 'teams', 'other')),
    lang             TEXT NOT NULL CHECK (lang IN ('de', 'en')),
    rating           TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    text             TEXT NOT NULL,
    at               INTEGER NOT NULL
);
CREATE INDEX insight_comments_at ON insight_comments (at);
CREATE INDEX insight_comments_conversation ON insight_comments (conversation_key);

ALTER TABLE agents ADD COLUMN supervisor INTEGER NOT NULL DEFAULT 0;
`
};
