import type { TurnContext } from 'botbuilder';
import { formatDate } from '../core/dates';
import type { ChangeRequestService } from '../services/changeRequestService';
import { recordAction, turnInfo } from '../turn/turn';
import { offerNext } from './actions';
import { renderText } from './prompts/localizedPrompt';
import { OBJECTED, objectableShownTogether, replacedContactId, requestInQuestion } from './statusAnswer';
import type { TaskResult } from './types';
import { conjunctionList } from '../core/listFormat';

/** How many open requests are named when the person did not say which one they object to. */
const MAX_NAMED = 3;

/** "Which of these do you object to?" with `references`; that none is open when there are none. */
async function askWhich(context: TurnContext, references: readonly string[]): Promise<void> {
    const { t, lang } = turnInfo(context);
    const list = conjunctionList(lang).format(references);
    await context.sendActivity(references.length === 0 ? t('requestStatus:objectionNothingOpen') : t('requestStatus:objectionWhich', { references: list, first: references[0] }));
}

/**
 * "Damit bin ich nicht einverstanden" right after the bot showed several requests against the account at once
 * (`shown`): the one of them that would replace the objector, when only one would; else the open ones of them, to ask
 * which. Undefined when fewer than two were shown together (the last one shown is meant) or none of them is open.
 */
async function requestMeant(changeRequests: ChangeRequestService, shown: readonly string[], userId: string): Promise<string | string[] | undefined> {
    if (shown.length < 2) {
        return undefined;
    }
    const open = (await changeRequests.objectableBy(userId)).filter((request) => shown.includes(request.reference));
    const replacingThem = open.filter((request) => replacedContactId(request) === userId);
    if (replacingThem.length === 1) {
        return replacingThem[0].reference;
    }
    if (open.length === 1) {
        return open[0].reference;
    }
    return open.length === 0 ? undefined : open.slice(0, MAX_NAMED).map((request) => request.reference);
}

/**
 * A verified billing contact objects to a change request filed against them
 * (issue 12): the request `reference`, or, without one, the one open request of
 * their accounts. Says what happened in one message; a recorded objection
 * offers a person (the requester and the admins are mailed by the service).
 */
export async function answerObjections(context: TurnContext, changeRequests: ChangeRequestService, references: readonly string[], userId: string, words?: string): Promise<TaskResult | undefined> {
    // "I object to both, …": each is answered; only the last offers a person.
    for (const reference of references.slice(0, -1)) {
        await answerObjection(context, changeRequests, reference, userId, words, false);
    }
    return answerObjection(context, changeRequests, references.at(-1), userId, words, true);
}

/**
 * One objection (see {@link answerObjections}); `last` false says what happened without offering a person
 * (a later one of the same message does).
 */
async function answerObjection(context: TurnContext, changeRequests: ChangeRequestService, reference: string | undefined, userId: string, words: string | undefined, last: boolean): Promise<TaskResult | undefined> {
    const result = await objectOnce(context, changeRequests, reference, userId, words, last);
    if (!last && result?.followUp) {
        const { t, lang } = turnInfo(context);
        await context.sendActivity(renderText(t, lang, result.followUp.text));
        return undefined;
    }
    return result;
}

async function objectOnce(context: TurnContext, changeRequests: ChangeRequestService, reference: string | undefined, userId: string, words: string | undefined, last: boolean): Promise<TaskResult | undefined> {
    const { t, lang } = turnInfo(context);
    if (!reference) {
        const meant = await requestMeant(changeRequests, objectableShownTogether(context), userId);
        if (Array.isArray(meant)) {
            await askWhich(context, meant);
            return undefined;
        }
        reference = meant ?? requestInQuestion(context);
    }
    if (!reference) {
        const open = await changeRequests.objectableBy(userId);
        if (open.length !== 1) {
            const references = open.slice(0, MAX_NAMED).map((r) => r.reference);
            await askWhich(context, references);
            return undefined;
        }
        reference = open[0].reference;
    }
    const outcome = await changeRequests.object(reference, userId, words);
    switch (outcome.kind) {
        case 'not-found':
            await context.sendActivity(t('requestStatus:notFound'));
            return undefined;
        case 'own-request':
            return offerNext({ key: 'requestStatus:objectionOwnRequest', args: { reference: outcome.request.reference } }, ['talk-to-human', 'thanks']);
        case 'decided':
            return offerNext(
                { key: 'requestStatus:objectionDecided', args: { reference: outcome.request.reference, status: t(`changeContact:status.${outcome.request.status}`) } },
                ['talk-to-human', 'thanks']
            );
        case 'already': {
            const objection = outcome.request.objection;
            const date = formatDate(lang, objection?.at ?? outcome.request.updatedAt);
            const key = objection?.userId === userId ? 'requestStatus:objectionAlready' : 'requestStatus:objectionAlreadyOther';
            await context.sendActivity(t(key, { reference: outcome.request.reference, date, name: objection?.name ?? '' }));
            return undefined;
        }
        case 'recorded': {
            recordAction(context, OBJECTED, outcome.request.reference);
            // Who was mailed, by name ("Jonas Weber was notified"): the objector, an admin too, is not told that "the admins" were.
            const args = { reference: outcome.request.reference, informed: conjunctionList(lang).format(outcome.informed), count: Math.max(1, outcome.informed.length) };
            if (!last) {
                await context.sendActivity(t('requestStatus:objectionRecordedBrief', args));
                return undefined;
            }
            return offerNext({ key: 'requestStatus:objectionRecorded', args }, ['talk-to-human', 'thanks'], { askedFirst: true });
        }
    }
}
