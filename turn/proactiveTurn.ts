import type { TurnContext } from 'botbuilder';
import type { MainMenuOptions } from '../dialogs/types';

/**
 * Activity ids of proactive turns start with this: `proactive-<outbox row>`
 * (CustomerDelivery), or `proactive-<uuid>` for a turn run without the outbox.
 */
export const PROACTIVE_ID_PREFIX = 'proactive-';

/** Arguments of a locale sentence. */
export type TextArgs = Readonly<Record<string, string | number>>;

/**
 * What a turn the bot runs on its own (see CustomerDelivery) is to do in the
 * conversation. It travels in the turn state, never in the activity, so no
 * client can forge one.
 */
export type ProactiveInstruction =
    /** Tell the person a sentence (queue position, "an agent joined"), in their language; `offerEnd` adds the "end chat" button. */
    | { readonly kind: 'say'; readonly key: string; readonly args?: TextArgs; readonly offerEnd?: boolean }
    /** Pass on an agent's message, with the agent's name and the "end chat" button. */
    | { readonly kind: 'agent-message'; readonly agentName: string; readonly text: string }
    /** Say a sentence, drop the dialog position and go on at the main menu with these options. */
    | { readonly kind: 'resume'; readonly key: string; readonly args?: TextArgs; readonly options: MainMenuOptions };

const INSTRUCTION = Symbol('billingAssistant.proactiveInstruction');

/** Attaches the instruction to a proactive turn before the bot runs it. */
export function setProactiveInstruction(context: TurnContext, instruction: ProactiveInstruction): void {
    context.turnState.set(INSTRUCTION, instruction);
}

/** The instruction of a proactive turn; undefined for turns a channel started. */
export function proactiveInstruction(context: TurnContext): ProactiveInstruction | undefined {
    return context.turnState.get(INSTRUCTION) as ProactiveInstruction | undefined;
}
