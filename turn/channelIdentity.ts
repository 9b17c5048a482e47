import type { TurnContext } from 'botbuilder';
import type { User } from '../data/model';
import type { VerifiedIdentity } from './turn';

/** A person the channel has already signed in, found on file. */
export interface RecognisedPerson {
    readonly user: User;
    /** How the channel knows them (recorded with the identity). */
    readonly method: VerifiedIdentity['method'];
}

/**
 * The hook through which a channel that signs people in (Teams) tells the
 * identify step who is writing, so no one-time code is needed. Dialogs only
 * see this interface, never the channel behind it.
 */
export interface ChannelIdentity {
    /** The person on file behind this turn's sender, or undefined when the channel cannot vouch for one. */
    recognise(context: TurnContext): Promise<RecognisedPerson | undefined>;
}
