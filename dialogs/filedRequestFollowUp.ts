import type { TurnContext } from 'botbuilder';
import { containsPhrase, wordsOf } from '../core/words';
import { phraseList } from '../language/phraseLists';
import { findReference } from '../language/entities';
import type { ChangeRequestService } from '../services/changeRequestService';
import { submittedText } from '../turn/activityText';
import { turnInfo } from '../turn/turn';
import { answerStatus } from './statusAnswer';
import { portalQuestion } from '../language/portalQuestions';

/** A follow-up question is short: a longer message asks more than "how long?" and is read as a whole. */
const MAX_FOLLOW_UP_WORDS = 10;

/**
 * True when the message asks how long the request just filed takes or what
 * happens next ("wie lange dauert das?", "how long will this take?", "when
 * will it be done", "was passiert jetzt?"): a short message holding one of
 * `requestStatus:howLong.heard.phrases`, without a reference (that is a status
 * question of its own) or an address.
 */
export function asksHowLong(context: TurnContext, text: string): boolean {
    const words = wordsOf(text);
    if (words.length === 0 || words.length > MAX_FOLLOW_UP_WORDS || findReference(text) !== undefined || text.includes('@')) {
        return false;
    }
    return containsPhrase(text, phraseList(turnInfo(context).t, 'requestStatus:howLong.heard.phrases'));
}

/** What the bot did that "how long will that take?" may ask about, the latest of them being meant. */
const FOLLOWED_UP: ReadonlySet<string> = new Set(['change-request-filed', 'portal-reset-requested', 'emailed-billing-admin']);

/**
 * Answers "how long will this take?" about the last thing the bot did in this
 * conversation, from what it knows. A change request: its reference and
 * status, that a LogMeIn staff member reviews it (no processing time is
 * promised: the help article gives none), that the requester is emailed when
 * it is decided, and how to ask for its status (a request no longer open gets
 * its status). A portal reset link: when it comes and how long it holds. A
 * mail to the billing contact: that it went out, and that the reply comes
 * straight to the person. Returns false when the bot did none of these here,
 * so the message is read as usual.
 */
export async function answerHowLong(context: TurnContext, changeRequests: ChangeRequestService, linkValidMinutes: number): Promise<boolean> {
    const { profile, t } = turnInfo(context);
    const latest = profile.actions?.filter((action) => FOLLOWED_UP.has(action.kind)).pop();
    if (!latest || !asksHowLong(context, submittedText(context.activity) ?? '')) {
        return false;
    }
    if (latest.kind === 'portal-reset-requested' && portalQuestion(t, submittedText(context.activity) ?? '') === undefined) {
        await context.sendActivity(t('portalReset:howLong', { minutes: linkValidMinutes }));
        return true;
    }
    if (latest.kind === 'portal-reset-requested') {
        // "how long is the link good for?": the reset's own answers (mainDialog) say it.
        return false;
    }
    if (latest.kind === 'emailed-billing-admin') {
        await context.sendActivity(t('emailAdmin:howLong'));
        return true;
    }
    const reference = latest.detail;
    const userId = profile.identity?.userId;
    if (!reference || !userId) {
        return false;
    }
    const request = await changeRequests.visibleTo(reference, userId);
    if (!request || request.status !== 'open') {
        await answerStatus(context, changeRequests, reference, userId);
        return true;
    }
    await context.sendActivity(t('requestStatus:howLong.answer', { reference, newContact: changeRequests.newContactText(request) }));
    return true;
}
