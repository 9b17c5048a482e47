import type { Migration } from './index';

/**
 * The agent desk: every handoff gets a public id that cannot be guessed (the
 * console's URLs and events use it; the integer id stays internal), and every
 * agent an availability (`available` or `away`) that routing respects.
 */
export const migration009: Migration = {
    version: 9,
    name: 'agent_desk',
    sql: `
ALTER TABLE handoffs ADD COLUMN public_id TEXT;
UPDATE handoffs SET public_id = lower(hex(randomblob(16))) WHERE public_id IS NULL;
CREATE UNIQUE INDEX handoffs_public_id ON handoffs (public_id);

ALTER TABLE agents ADD COLUMN availability TEXT NOT NULL DEFAULT 'available' CHECK (availability IN ('available', 'away'));
`,
    postgres: `
ALTER TABLE handoffs ADD COLUMN public_id TEXT;
UPDATE handoffs SET public_id = replace(gen_random_uuid()::text, '-', '') WHERE public_id IS NULL;
CREATE UNIQUE INDEX handoffs_public_id ON handoffs (public_id);

ALTER TABLE agents ADD COLUMN availability TEXT NOT NULL DEFAULT 'available' CHECK (availability IN ('available', 'away'));
`
};
