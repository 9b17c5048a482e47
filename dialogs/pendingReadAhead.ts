import type { TurnContext } from 'botbuilder';
import type { ChangeRequest } from '../data/repositories/changeRequestRepository';
import type { ChangeRequestService } from '../services/changeRequestService';

/** Where a turn keeps the read begun ahead (one account's: the code turn begins one at most). */
const READ_AHEAD = Symbol('billingAssistant.pendingReadAhead');

type PendingReads = Pick<ChangeRequestService, 'pendingFor'>;

interface ReadAhead {
    readonly accountId: string;
    readonly reading: Promise<ChangeRequest[]>;
}

/**
 * Begins reading the open change requests of `accountId` now, for a step
 * later in the same turn that will ask for them ({@link pendingRequests}):
 * the read then goes along with what the turn waits for meanwhile instead of
 * after it. A read nobody takes costs one statement; its failure is left to
 * the step that takes it.
 */
export function readPendingAhead(context: TurnContext, changeRequests: PendingReads, accountId: string): void {
    const reading = changeRequests.pendingFor(accountId);
    reading.catch(() => undefined);
    context.turnState.set(READ_AHEAD, { accountId, reading } satisfies ReadAhead);
}

/**
 * The open change requests of `accountId`: the read begun ahead in this turn
 * for that account when there is one (taken, so a later ask in the turn
 * reads anew, after whatever the turn filed), else read now.
 */
export function pendingRequests(context: TurnContext, changeRequests: PendingReads, accountId: string): Promise<ChangeRequest[]> {
    const ahead = context.turnState.get(READ_AHEAD) as ReadAhead | undefined;
    if (ahead?.accountId === accountId) {
        context.turnState.delete(READ_AHEAD);
        return ahead.reading;
    }
    return changeRequests.pendingFor(accountId);
}
