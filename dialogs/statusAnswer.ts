import type { TurnContext } from 'botbuilder';
import { turnInfo } from '../turn/turn';
import { formatDate } from '../core/dates';
import type { ChangeRequestService } from '../services/changeRequestService';

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
        t(`changeContact:statusExplanation.${request.status}`, { newContact })
    ];
    if (request.note) {
        lines.push(t('requestStatus:note', { note: request.note }));
    }
    await context.sendActivity(lines.join(' '));
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
