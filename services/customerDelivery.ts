import type { TurnContext } from 'botbuilder';
import type { ProactiveMessenger } from '../channels/proactive';
import { KeyedMutex } from '../core/mutex';
import { getLogger } from '../core/logger';
import { setProactiveInstruction, type ProactiveInstruction } from '../bot/proactiveTurn';
import type { ConversationReferenceRepository } from '../data/repositories/conversationReferenceRepository';

const log = getLogger('services.customerDelivery');

/**
 * Brings the bot's own messages to a person (agent messages, queue updates,
 * hand-back): runs a proactive turn through the conversation's own channel
 * ({@link ProactiveMessenger} with the stored reference), in which the bot
 * carries out a {@link ProactiveInstruction} under its usual one-turn-at-a-time
 * lock. Deliveries to one conversation keep their order.
 *
 * Never await a delivery inside a turn: two turns awaiting each other's
 * conversation would wait forever. Turns start deliveries and move on.
 */
export class CustomerDelivery {
    private readonly order = new KeyedMutex();

    public constructor(
        private readonly messenger: ProactiveMessenger,
        private readonly references: ConversationReferenceRepository,
        private readonly runTurn: (context: TurnContext) => Promise<void>
    ) {}

    /** Delivers the instruction; resolves true when it was carried out, false (logged) when not. */
    public deliver(conversationKey: string, instruction: ProactiveInstruction): Promise<boolean> {
        return this.order.run(conversationKey, async () => {
            try {
                const reference = await this.references.get(conversationKey);
                if (!reference) {
                    log.warn('no conversation reference stored; message not delivered', { conversation: conversationKey, kind: instruction.kind });
                    return false;
                }
                await this.messenger.continueConversation(reference, async (context) => {
                    setProactiveInstruction(context, instruction);
                    await this.runTurn(context);
                });
                return true;
            } catch (err) {
                log.error('proactive delivery failed', { conversation: conversationKey, kind: instruction.kind, error: err });
                return false;
            }
        });
    }

    /** Resolves when every delivery started so far has finished (tests, shutdown). */
    public async idle(): Promise<void> {
        await this.order.idle();
    }
}
