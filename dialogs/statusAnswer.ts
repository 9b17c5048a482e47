import type { TurnContext } from 'botbuilder';
import { lastActionOf, recordAction, turnInfo } from '../turn/turn';
import { formatDate } from '../core/dates';
import { STATUS_TRANSITIONS, type ChangeRequestService } from '../services/changeRequestService';
import { containsPhrase, wordsOf } from '../core/words';
import { phraseList } from '../language/phraseLists';
import { asksQuestion } from './prompts/yesNoAnswer';
import type { TFunction } from 'i18next';
import type { ChangeRequest } from '../data/repositories/changeRequestRepository';

/** The action noted when a billing contact was shown a request they can object to: "stop it" afterwards means that one. */
export const OBJECTABLE_SHOWN = 'objectable-request-shown';

/** The action noted when a person was shown an open request they filed themselves: "can I cancel it?" afterwards means that one. */
export const OWN_OPEN_SHOWN = 'own-open-request-shown';

/** The action noted when a billing contact's objection was recorded. */
export const OBJECTED = 'change-request-objected';

/**
 * Tells a verified person where request `reference` stands, or the same "not
 * found" answer for a reference that does not exist and one they may not see.
 */
export async function answerStatus(context: TurnContext, changeRequests: ChangeRequestService, reference: string, userId: string): Promise<void> {
    const { t, lang } = turnInfo(context);
    const request = await changeRequests.visibleTo(reference, userId);
    if (!request) {
        await context.sendActivity(t('requestStatus:notFound'));
        return;
    }
    const newContact = changeRequests.newContactText(request);
    const lines = [
        t('requestStatus:found', {
            reference: request.reference,
            account: request.accountName,
            newContact,
            requester: request.requesterName,
            date: formatDate(lang, request.createdAt),
            status: t(`changeContact:status.${request.status}`)
        }),
        ...replacedLine(t, request, userId),
        t(`changeContact:statusExplanation.${request.status}`, { newContact })
    ];
    if (request.note) {
        lines.push(t('requestStatus:note', { note: request.note }));
    }
    const objectable = request.requesterId !== userId && STATUS_TRANSITIONS[request.status].length > 0;
    if (request.objection) {
        lines.push(t('requestStatus:objected', { name: request.objection.name, date: formatDate(lang, request.objection.at) }));
    } else if (objectable) {
        // A billing contact sees a request filed against them: they may object, in their own words.
        lines.push(t('requestStatus:objectionHint'));
    }
    if (objectable) {
        // "Stop it" right after this answer means this request (once objected to, the answer says it is recorded).
        recordAction(context, OBJECTABLE_SHOWN, request.reference);
    } else if (request.requesterId === userId && STATUS_TRANSITIONS[request.status].length > 0) {
        // "can I cancel it? I changed my mind" right after this answer asks to withdraw this request.
        recordAction(context, OWN_OPEN_SHOWN, request.reference);
    }
    await context.sendActivity(lines.join(' '));
}

/**
 * Whom the request replaces, when it replaces someone: "It would replace you as billing contact." to that person (a billing
 * contact asking after a request filed against them learns it is about them), the name to anyone else; added alongside, that.
 */
function replacedLine(t: TFunction, request: ChangeRequest, userId: string): string[] {
    if (request.addedAlongside) {
        return [t('requestStatus:addedAlongside')];
    }
    const replaced = request.oldContacts.find((c) => c.id === replacedContactId(request));
    if (!replaced) {
        return [];
    }
    return [replaced.id === userId ? t('requestStatus:replacesYou') : t('requestStatus:replacesName', { name: replaced.name })];
}

/** Answers the statuses asked about during a verification that has just succeeded, in the order asked. */
export async function answerPendingStatus(context: TurnContext, changeRequests: ChangeRequestService, userId: string): Promise<void> {
    const { profile } = turnInfo(context);
    const references = profile.pendingReferences ?? [];
    profile.pendingReferences = undefined;
    for (const reference of references) {
        await answerStatus(context, changeRequests, reference, userId);
    }
}

/** The request a billing contact was just shown and may object to, when nothing else happened since. */
export function lastObjectableShown(context: TurnContext): string | undefined {
    return lastActionOf(context, OBJECTABLE_SHOWN);
}

/** The open request of their own a person was just shown, when nothing else happened since. */
export function lastOwnOpenShown(context: TurnContext): string | undefined {
    return lastActionOf(context, OWN_OPEN_SHOWN);
}

/** The request this conversation last showed as objectable or objected to: "this request" in a later objection. */
export function requestInQuestion(context: TurnContext): string | undefined {
    const actions = turnInfo(context).profile.actions ?? [];
    return actions.filter((action) => action.kind === OBJECTABLE_SHOWN || action.kind === OBJECTED).at(-1)?.detail;
}

/**
 * The requests shown as objectable one right after another the last time any was shown (a billing contact told of two
 * requests against the account at once), first shown first; as {@link requestInQuestion}, whatever the bot did after.
 */
export function objectableShownTogether(context: TurnContext): string[] {
    const actions = turnInfo(context).profile.actions ?? [];
    let end = actions.length;
    while (end > 0 && actions[end - 1].kind !== OBJECTABLE_SHOWN && actions[end - 1].kind !== OBJECTED) {
        end--;
    }
    let start = end;
    while (start > 0 && actions[start - 1].kind === OBJECTABLE_SHOWN) {
        start--;
    }
    return actions.slice(start, end).map((action) => action.detail ?? '');
}

/** The billing contact a request would replace: the one it names, or the only one there was; none when it adds alongside. */
export function replacedContactId(request: ChangeRequest): string | undefined {
    if (request.addedAlongside) {
        return undefined;
    }
    return request.replacesContactId ?? (request.oldContacts.length === 1 ? request.oldContacts[0].id : undefined);
}

/** How many requests "the status of my request" lists when the person names none. */
const MAX_LISTED = 3;

/**
 * "What's the status of my request?" from a verified person who names no
 * reference: the one request they filed or that concerns their account in
 * full, several (newest first, at most three) as a list, or that there is none.
 */
export async function answerStatusOfTheirs(context: TurnContext, changeRequests: ChangeRequestService, userId: string): Promise<void> {
    const { t, lang } = turnInfo(context);
    const requests = await changeRequests.concerning(userId, MAX_LISTED);
    if (requests.length === 0) {
        await context.sendActivity(t('requestStatus:noneConcerning'));
        return;
    }
    if (requests.length === 1) {
        await answerStatus(context, changeRequests, requests[0].reference, userId);
        return;
    }
    const lines = requests.map(
        (request) =>
            t('requestStatus:listLine', {
                reference: request.reference,
                account: request.accountName,
                newContact: changeRequests.newContactText(request),
                requester: request.requesterName,
                date: formatDate(lang, request.createdAt),
                status: t(`changeContact:status.${request.status}`)
            }) + (request.objection ? t('requestStatus:listObjected', { name: request.objection.name }) : '')
    );
    await context.sendActivity([t('requestStatus:listIntro'), ...lines, t('requestStatus:listDetails', { first: requests[0].reference })].join('\n'));
}

/** A question this short with a why-word alone ("und warum?", "why?") asks why the request just shown was filed. */
const SHORT_WHY_MAX_WORDS = 4;

/**
 * True for a question who filed a request or why ("wer hat das beantragt?", "who filed it and why?", "und warum?"):
 * a who-word with a word of filing (`requestStatus:origin.filed`), or a why-word (`requestStatus:origin.why`) in a
 * short question or beside a word of filing.
 */
export function asksRequestOrigin(context: TurnContext, text: string): boolean {
    const { t } = turnInfo(context);
    if (!asksQuestion(context, text)) {
        return false;
    }
    const words = wordsOf(text);
    const filed = containsPhrase(text, phraseList(t, 'requestStatus:origin.filed'));
    const who = words.some((word) => phraseList(t, 'main:whoQuestionWords').includes(word));
    const why = containsPhrase(text, phraseList(t, 'requestStatus:origin.why'));
    return (who && filed) || (why && (filed || words.length <= SHORT_WHY_MAX_WORDS));
}

/**
 * Who filed request `reference` and the reason they gave (`requestStatus:origin.answer`), for a person who may see its
 * status (the requester and the account's billing contacts); undefined for anyone else.
 */
export async function requestOriginLine(context: TurnContext, changeRequests: ChangeRequestService, reference: string, userId: string): Promise<string | undefined> {
    const { t, lang } = turnInfo(context);
    const request = await changeRequests.visibleTo(reference, userId);
    return request && t('requestStatus:origin.answer', { requester: request.requesterName, reference: request.reference, date: formatDate(lang, request.createdAt), reason: request.reason });
}
