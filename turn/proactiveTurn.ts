import type { TurnContext } from 'botbuilder';
import type { CallbackReason } from '../data/handoffModel';
import type { Understanding } from '../language/nlu';

/**
 * Activity ids of proactive turns start with this: `proactive-<outbox row>`
 * (CustomerDelivery), or `proactive-<uuid>` for a turn run without the outbox.
 */
export const PROACTIVE_ID_PREFIX = 'proactive-';

/** Arguments of a locale sentence. */
export type TextArgs = Readonly<Record<string, string | number>>;

/**
 * Where the conversation goes on after a hand-back: the main menu asked again,
 * or a task already understood. A part of the main dialog's options, kept here
 * so services can name it without knowing the dialogs.
 */
export interface ResumeAt {
    /** Ask "Can I help with anything else?" instead of the first menu. */
    readonly again?: boolean;
    /** Route this understanding at once instead of showing the menu. */
    readonly understood?: Understanding;
    /** For `talk-to-human`: what the escalation already knows (a callback offer after a timeout). */
    readonly escalate?: { readonly description?: string; readonly callbackReason?: CallbackReason };
}

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
    /**
     * Say a sentence, drop the dialog position and go on at the main menu with these options;
     * with `rateChatWith` (the agent's name), ask once instead whether the chat helped, when not asked before.
     */
    | { readonly kind: 'resume'; readonly key: string; readonly args?: TextArgs; readonly options: ResumeAt; readonly rateChatWith?: string };

const INSTRUCTION = Symbol('billingAssistant.proactiveInstruction');

/** Attaches the instruction to a proactive turn before the bot runs it. */
export function setProactiveInstruction(context: TurnContext, instruction: ProactiveInstruction): void {
    context.turnState.set(INSTRUCTION, instruction);
}

/** The instruction of a proactive turn; undefined for turns a channel started. */
export function proactiveInstruction(context: TurnContext): ProactiveInstruction | undefined {
    return context.turnState.get(INSTRUCTION) as ProactiveInstruction | undefined;
}
