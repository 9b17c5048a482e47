import type { Migration } from './index';

/**
 * The transcript agents see on escalation, moved out of the conversation
 * state into its own table: one row per line, the newest 40 per conversation
 * kept by a trigger, so a turn appends its lines in one statement and the
 * state a turn reads, hashes and writes stays small. Transcripts already in
 * stored states move over (the conversation key is `channel:conversation`,
 * the state key `channel/conversations/conversation/`), then leave the state.
 */
export const migration005: Migration = {
    version: 5,
    name: 'transcripts',
    sql: `
CREATE TABLE transcripts (
    id               INTEGER PRIMARY KEY,
    conversation_key TEXT NOT NULL,
    at               INTEGER NOT NULL,
    sender           TEXT NOT NULL CHECK (sender IN ('customer', 'bot')),
    text             TEXT NOT NULL
);
CREATE INDEX transcripts_conversation ON transcripts (conversation_key, id);

CREATE TRIGGER transcripts_keep_last AFTER INSERT ON transcripts BEGIN
    DELETE FROM transcripts
     WHERE conversation_key = NEW.conversation_key
       AND id < (SELECT id FROM transcripts WHERE conversation_key = NEW.conversation_key ORDER BY id DESC LIMIT 1 OFFSET 39);
END;

INSERT INTO transcripts (conversation_key, at, sender, text)
SELECT substr(s.key, 1, instr(s.key, '/conversations/') - 1) || ':' || substr(s.key, instr(s.key, '/conversations/') + 15, length(s.key) - instr(s.key, '/conversations/') - 15),
       json_extract(line.value, '$.at'), json_extract(line.value, '$.from'), json_extract(line.value, '$.text')
  FROM bot_state s, json_each(s.data, '$.transcript') line
 WHERE s.key LIKE '%/conversations/%/'
   AND json_valid(s.data) AND json_type(s.data, '$.transcript') = 'array'
   AND json_type(line.value, '$.at') IN ('integer', 'real')
   AND json_extract(line.value, '$.from') IN ('customer', 'bot')
   AND json_type(line.value, '$.text') = 'text'
 ORDER BY s.key, line.key;

UPDATE bot_state SET data = json_remove(data, '$.transcript'), etag = etag + 1
 WHERE json_valid(data) AND json_type(data, '$.transcript') IS NOT NULL;
`
};
