import type { SqlValue } from '../database';

/**
 * How one person is found across the tables. Built by the personal-data
 * service from an email address; hashes are keyed (see `SecretBox.hash`), as
 * the tables store them, so no address needs to be stored in clear to be found.
 */
export interface PersonKeys {
    /** The address, trimmed and lower-cased. */
    readonly email: string;
    /** Their directory id, when they are a directory user. */
    readonly userId: string | null;
    /** The address as verification codes store it. */
    readonly emailTarget: string;
    /** Their portal login as the bot's reset requests store it; null without a login. */
    readonly resetTarget: string | null;
    /** Their portal login as the portal's reset links store it; null without a login. */
    readonly loginHash: string | null;
    /** Keys (`channel:conversation`) of the conversations that are theirs. */
    readonly conversations: readonly string[];
    /** What stands for them where a record stays (audit log, other people's requests). */
    readonly marker: string;
}

/** The name a record keeps where the person's name was. */
export const ERASED_NAME = '(erased)';

const CONVERSATIONS = '(SELECT value FROM json_each($conversations))';

/** The person's own audit entries: about them as a user, or done in their conversations. */
const AUDIT_ABOUT = `actor = 'user:' || $user OR subject = 'user:' || $user
    OR actor IN (SELECT 'conversation:' || value FROM json_each($conversations))
    OR subject IN (SELECT 'conversation:' || value FROM json_each($conversations))
    OR ($user IS NOT NULL AND instr(details, json_quote($user)) > 0)`;

/**
 * Which rows of each table are only the person's (erasing deletes them), in
 * an order that deletes children before parents. Table names are constants,
 * never input; the conditions use the parameters of {@link bindPerson}.
 */
export const OWN_ROWS = {
    verification_codes: 'user_id = $user OR target_hash = $emailTarget',
    portal_reset_requests: 'target_hash = $resetTarget',
    portal_reset_tokens: 'user_id = $user OR login_hash = $loginHash',
    outbox: 'to_address = $email COLLATE NOCASE OR reply_to = $email COLLATE NOCASE',
    callback_requests: `email = $email COLLATE NOCASE OR conversation_key IN ${CONVERSATIONS}`,
    // What the bot was to send them on its own (agent messages among it).
    proactive_deliveries: `conversation_key IN ${CONVERSATIONS}`,
    handoff_messages: `handoff_id IN (SELECT id FROM handoffs WHERE conversation_key IN ${CONVERSATIONS})`,
    handoffs: `conversation_key IN ${CONVERSATIONS}`,
    transcripts: `conversation_key IN ${CONVERSATIONS}`,
    // Masked, but free text all the same: what they wrote that the bot could not place, and their rating's comment.
    insight_unplaced: `conversation_key IN ${CONVERSATIONS}`,
    insight_comments: `conversation_key IN ${CONVERSATIONS}`,
    conversation_references: `conversation_key IN ${CONVERSATIONS}`,
    // The built-in Direct Line channel's id is `directline` (DIRECT_LINE_CHANNEL_ID); its activities go with the conversation.
    directline_activities: `'directline:' || conversation_id IN ${CONVERSATIONS}`,
    directline_conversations: `'directline:' || id IN ${CONVERSATIONS}`,
    bot_state: `key IN (SELECT value FROM json_each($stateKeys)) OR (json_valid(data) AND json_extract(data, '$.profile.identity.userId') = $user)`,
    memberships: 'user_id = $user',
    portal_logins: 'user_id = $user',
    users: 'id = $user'
} as const;

/** A table with rows only the person has. */
export type OwnTable = keyof typeof OWN_ROWS;

/**
 * Rows other people need for their records, and how the person is taken out
 * of them (replaced by their marker and {@link ERASED_NAME}).
 */
export const SHARED_ROWS = {
    'change_requests (filed by them)': {
        where: 'requester_id = $user',
        set: 'requester_id = $marker, requester_name = $erasedName, conversation_key = $marker'
    },
    'change_requests (naming them as new contact)': {
        where: 'new_contact_user_id = $user OR new_contact_email = $email COLLATE NOCASE',
        set: 'new_contact_user_id = NULL, new_contact_name = $erasedName, new_contact_email = NULL'
    },
    'change_requests (naming them as old contact)': {
        where: "EXISTS (SELECT 1 FROM json_each(old_contacts) c WHERE json_extract(c.value, '$.id') = $user)",
        set: `old_contacts = (SELECT json_group_array(CASE WHEN json_extract(c.value, '$.id') = $user THEN json_object('id', $marker, 'name', $erasedName) ELSE json(c.value) END)
                                FROM json_each(old_contacts) c),
              replaces_contact_id = CASE WHEN replaces_contact_id = $user THEN $marker ELSE replaces_contact_id END`
    },
    'change_requests (objected to by them)': {
        where: 'objected_by_id = $user',
        set: 'objected_by_id = $marker, objected_by_name = $erasedName'
    },
    audit_log: {
        where: AUDIT_ABOUT,
        set: `actor = CASE WHEN actor = 'user:' || $user OR actor IN (SELECT 'conversation:' || value FROM json_each($conversations)) THEN $marker ELSE actor END,
              subject = CASE WHEN subject = 'user:' || $user OR subject IN (SELECT 'conversation:' || value FROM json_each($conversations)) THEN $marker ELSE subject END,
              details = CASE WHEN $user IS NOT NULL AND instr(details, json_quote($user)) > 0 THEN replace(details, json_quote($user), json_quote($marker)) ELSE details END`
    }
} as const;

/** A kind of shared row the person is taken out of. */
export type SharedRows = keyof typeof SHARED_ROWS;

/**
 * Tables that hold nothing about a customer, each with the reason. Every
 * table of the schema is in {@link OWN_ROWS}, in {@link SHARED_ROWS} or here
 * (a test checks it), so a new table cannot escape export and erasure unnoticed.
 */
export const TABLES_WITHOUT_CUSTOMER_DATA: Readonly<Record<string, string>> = {
    accounts: 'company accounts: names and types, no person',
    agents: 'support staff, not customers',
    agent_sessions: 'support staff sessions',
    agent_login_failures: 'support staff sign-in attempts',
    meta: 'settings of the database itself',
    directory_version: 'a counter of directory changes, no row of anyone',
    insight_events: 'what happened in conversations as kinds and short codes (door, language, case a-d, task), under a keyed hash of the conversation: no address, name, code or free text',
    schema_migrations: 'applied migrations',
    jobs: 'when each background job is next due',
    rate_windows: 'rate-limit counters for one window, under a hash of the address or conversation, swept after it'
};

/** The person's own audit entries, and earlier entries already under their marker (exports, erasures). */
export const AUDIT_ROWS = `${AUDIT_ABOUT} OR actor = $marker OR subject = $marker`;

/** The conversation-state key botbuilder's ConversationState uses for a conversation key. */
export function stateKeyOf(conversationKey: string): string {
    const colon = conversationKey.indexOf(':');
    return `${conversationKey.slice(0, colon)}/conversations/${conversationKey.slice(colon + 1)}/`;
}

/**
 * The named parameters a statement about the person uses, and only those
 * (sqlite3 refuses a parameter the statement does not name).
 */
export function bindPerson(sql: string, keys: PersonKeys): Record<string, SqlValue> {
    const all: Record<string, SqlValue> = {
        $user: keys.userId,
        $email: keys.email,
        $emailTarget: keys.emailTarget,
        $resetTarget: keys.resetTarget,
        $loginHash: keys.loginHash,
        $conversations: JSON.stringify(keys.conversations),
        $stateKeys: JSON.stringify(keys.conversations.map(stateKeyOf)),
        $marker: keys.marker,
        $erasedName: ERASED_NAME
    };
    return Object.fromEntries(Object.entries(all).filter(([name]) => new RegExp(`\\${name}\\b`).test(sql)));
}
