import { HttpError } from '../../web/httpError';
import type { DirectLineGrant, DirectLineTokens } from './directLineTokens';
import type { DirectLineConversation, DirectLineStore } from './directLineStore';

/** Who is calling: the holder of the Direct Line secret, or of a token for one conversation and user. */
export type DirectLineCaller = { readonly kind: 'secret' } | { readonly kind: 'token'; readonly grant: DirectLineGrant };

/** Conversation ids this channel hands out (22 base64url characters); others are refused before any lookup. */
const CONVERSATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The access rules of the built-in Direct Line, shared by the REST routes and
 * the WebSocket stream: the secret opens everything; a token opens only its
 * own conversation (403 for any other), and a missing or forged credential
 * gets 401, an expired token 403 (directlinejs then refreshes or reconnects).
 */
export class DirectLineAuth {
    public constructor(private readonly tokens: DirectLineTokens, private readonly store: DirectLineStore) {}

    /** The caller of a request from its `Authorization: Bearer …` header. */
    public fromHeader(authorization: string | undefined): DirectLineCaller {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
        if (!match) {
            throw new HttpError(401, 'Unauthorized', 'An "Authorization: Bearer <secret or token>" header is required.');
        }
        return this.fromCredential(match[1]);
    }

    /** The caller presenting `credential` (the secret or a token). */
    public fromCredential(credential: string): DirectLineCaller {
        if (this.tokens.isSecret(credential)) {
            return { kind: 'secret' };
        }
        const check = this.tokens.verify(credential);
        if (check.ok) {
            return { kind: 'token', grant: check.grant };
        }
        if (check.problem === 'expired') {
            throw new HttpError(403, 'TokenExpired', 'The token has expired. Refresh it before it expires, or get a new one.');
        }
        throw new HttpError(401, 'InvalidToken', 'The token is not valid.');
    }

    /** The token grant of the caller. @throws 403 for the secret where only a token makes sense. */
    public requireToken(caller: DirectLineCaller): DirectLineGrant {
        if (caller.kind !== 'token') {
            throw new HttpError(403, 'TokenRequired', 'This operation needs a token, not the secret.');
        }
        return caller.grant;
    }

    /** @throws 403 unless the caller holds the secret. */
    public requireSecret(caller: DirectLineCaller): void {
        if (caller.kind !== 'secret') {
            throw new HttpError(403, 'SecretRequired', 'This operation needs the Direct Line secret.');
        }
    }

    /**
     * The conversation the caller may use. The token's conversation is checked
     * before the lookup, so a token says nothing about other conversations.
     * @throws 403 for another conversation's token, 404 for an unknown conversation.
     */
    public async conversation(caller: DirectLineCaller, conversationId: string): Promise<DirectLineConversation> {
        if (caller.kind === 'token' && caller.grant.conversationId !== conversationId) {
            throw new HttpError(403, 'WrongConversation', 'The token is not valid for this conversation.');
        }
        const conversation = CONVERSATION_ID.test(conversationId) ? await this.store.conversation(conversationId) : undefined;
        if (!conversation) {
            throw new HttpError(404, 'ConversationNotFound', 'There is no such conversation.');
        }
        return conversation;
    }

    /** The user the caller speaks as in `conversation`: the token's, or (with the secret) the conversation's. */
    public userOf(caller: DirectLineCaller, conversation: DirectLineConversation): string {
        return caller.kind === 'token' ? caller.grant.userId : conversation.userId;
    }
}
