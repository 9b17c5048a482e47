import type { Lang } from '../core/language';
import type { ConversationProfile } from '../turn/turn';
import type { HandoffContext, TranscriptLine } from '../data/handoffModel';
import type { UserRepository } from '../data/repositories/userRepository';
import type { BillingRoleService } from './billingRoleService';
import { hideCodes } from '../turn/transcript';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * A flag emoji made of tag characters (kept whole, first alternative), or one
 * invisible character: a control character other than tab and line breaks, or
 * a format character (bidi overrides, isolates and marks, zero-width spaces,
 * byte order mark, tags) other than the zero-width (non-)joiner that emoji and
 * some scripts need.
 */
const HIDDEN = /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|(?![\t\n\r\u200C\u200D])[\p{Cc}\p{Cf}]/gu;

/**
 * `text` without invisible control and format characters, so what an agent
 * sees is what was written: a bidi override (U+202E) cannot turn text around,
 * an isolate cannot hide part of it. Letters, emoji and line breaks stay.
 */
export function withoutHiddenCharacters(text: string): string {
    return text.replace(HIDDEN, (match: string, flag: string | undefined) => flag ?? '');
}

/**
 * Masks every email address in `text` except `keep` (the person's own):
 * `anna.mueller@x.example` → `a***@x.example`.
 */
export function maskOtherEmails(text: string, keep?: string): string {
    const own = keep?.toLowerCase();
    return text.replace(EMAIL, (email) => (email.toLowerCase() === own ? email : `${email[0]}***@${email.slice(email.indexOf('@') + 1)}`));
}

/**
 * A text the person wrote, as agents may see it: one-time codes hidden, every
 * email address but `keep` (the person's own) masked, invisible characters
 * removed. The handoff description, the callback note and every message the
 * person writes while waiting or chatting with an agent go through here (the
 * transcript through {@link HandoffSnapshot.history}).
 */
export function safeForAgents(text: string, keep?: string): string {
    return maskOtherEmails(hideCodes(withoutHiddenCharacters(text)), keep);
}

/**
 * What agents get to see when a conversation comes to them: who the person is
 * (if verified), their account and billing role, what the bot did, and the
 * conversation so far with other people's emails masked and one-time codes hidden.
 */
export class HandoffSnapshot {
    public constructor(private readonly users: UserRepository, private readonly billingRole: BillingRoleService) {}

    public async context(profile: ConversationProfile, lang: Lang, channelId: string, reason: string): Promise<HandoffContext> {
        const base = { lang, channelId, reason, actions: [...(profile.actions ?? [])] };
        const identity = profile.identity;
        const user = identity ? await this.users.get(identity.userId) : undefined;
        if (!identity || !user) {
            return base;
        }
        const withIdentity = { ...base, identity: { userId: user.id, name: user.name, email: user.email, method: identity.method } };
        const answer = identity.accountId ? await this.billingRole.evaluate(user.id, identity.accountId) : undefined;
        if (!answer) {
            return withIdentity;
        }
        return {
            ...withIdentity,
            account: { id: answer.account.id, name: answer.account.name, type: answer.account.type },
            billingRole: { case: answer.case, isAdmin: answer.membership.isAdmin, isBillingContact: answer.membership.isBillingContact }
        };
    }

    /** The conversation so far, safe to show: emails of others masked, codes the person typed hidden, no invisible characters. */
    public history(lines: readonly TranscriptLine[], ownEmail?: string): TranscriptLine[] {
        return lines.map((line) => ({
            ...line,
            text: line.from === 'customer' ? safeForAgents(line.text, ownEmail) : maskOtherEmails(withoutHiddenCharacters(line.text), ownEmail)
        }));
    }
}
