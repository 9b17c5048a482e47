import type { Migration } from './index';

/**
 * The built-in Direct Line channel: its conversations and every activity in
 * them (the person's and the bot's), numbered per conversation; the number is
 * the Direct Line watermark, so a reloaded page or a restarted bot resumes.
 */
export const migration004: Migration = {
    version: 4,
    name: 'directline',
    sql: `
CREATE TABLE directline_conversations (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL,
    locale     TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_seq   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX directline_conversations_updated ON directline_conversations (updated_at);

CREATE TABLE directline_activities (
    conversation_id TEXT NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    activity_id     TEXT NOT NULL,
    activity        TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;
CREATE INDEX directline_activities_id ON directline_activities (conversation_id, activity_id);
`
};
