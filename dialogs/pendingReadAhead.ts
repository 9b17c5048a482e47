import type { TurnContext } from 'botbuilder';
import type { ChangeRequest } from '../data/repositories/changeRequestRepository';
import type { ChangeRequestService } from '../services/changeRequestService';

/** Where a turn keeps the reads begun ahead, by account id. */
const READS_AHEAD = Symbol('billingAssistant.pendingReadAhead');

type PendingReads = Pick<ChangeRequestService, 'pendingFor'>;

/**
 * Begins reading the open change requests of `accountId` now, for a step
 * later in the same turn that will ask for them ({@link pendingRequests}):
 * the read then goes along with what the turn waits for meanwhile instead of
 * after it. A read nobody takes costs one statement; its failure is left to
 * the step that takes it.
 */
export function readPendingAhead(context: TurnContext, changeRequests: PendingReads, accountId: string): void {
    let reads = context.turnState.get(READS_AHEAD) as Map<string, Promise<ChangeRequest[]>> | undefined;
    if (!reads) {
        reads = new Map();
        context.turnState.set(READS_AHEAD, reads);
    }
    if (!reads.has(accountId)) {
        const reading = changeRequests.pendingFor(accountId);
        reading.catch(() => undefined);
        reads.set(accountId, reading);
    }
}

/**
 * The open change requests of `accountId`: the read begun ahead in this turn
 * when there is one (taken, so a later ask in the turn reads anew, after
 * whatever the turn filed), else read now.
 */
export function pendingRequests(context: TurnContext, changeRequests: PendingReads, accountId: string): Promise<ChangeRequest[]> {
    const reads = context.turnState.get(READS_AHEAD) as Map<string, Promise<ChangeRequest[]>> | undefined;
    const ahead = reads?.get(accountId);
    if (ahead) {
        reads?.delete(accountId);
        return ahead;
    }
    return changeRequests.pendingFor(accountId);
}
