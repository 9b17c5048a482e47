import type { TurnContext } from 'botbuilder';
import { containsPhrase, wordsOf } from '../core/words';
import { phraseList } from '../language/phraseLists';
import { findReference } from '../language/entities';
import type { ChangeRequestService } from '../services/changeRequestService';
import { submittedText } from '../turn/activityText';
import { turnInfo } from '../turn/turn';
import { answerStatus } from './statusAnswer';

/** A follow-up question is short: a longer message asks more than "how long?" and is read as a whole. */
const MAX_FOLLOW_UP_WORDS = 10;

/** The reference of the change request filed last in this conversation, if one was. */
export function filedReference(context: TurnContext): string | undefined {
    return turnInfo(context).profile.actions?.filter((action) => action.kind === 'change-request-filed').pop()?.detail;
}

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

/**
 * Answers "how long will this take?" after a request was filed in this
 * conversation, from what the bot knows: the request's reference and status,
 * that a LogMeIn staff member reviews it (no processing time is promised:
 * the help article gives none), that the requester is emailed when it is
 * decided, and how to ask for its status. A request no longer open gets its
 * status. Returns false when no request was filed here or the person is not
 * verified, so the message is read as usual.
 */
export async function answerHowLong(context: TurnContext, changeRequests: ChangeRequestService): Promise<boolean> {
    const reference = filedReference(context);
    const { profile, t } = turnInfo(context);
    const userId = profile.identity?.userId;
    if (!reference || !userId || !asksHowLong(context, submittedText(context.activity) ?? '')) {
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
