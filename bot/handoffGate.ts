import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import { noteInsight } from '../services/insights/insightsRecorder';
import { offerRatingAfterAgent } from '../dialogs/rating';
import { supportsSuggestedActions } from 'botbuilder-dialogs';
import { phraseOf } from '../core/words';
import { phraseList } from '../language/phraseLists';
import type { MainMenuOptions } from '../dialogs/types';
import type { HandoffService } from '../services/handoffService';
import { submittedText } from '../turn/activityText';
import { conversationKeyOf } from '../turn/conversationKey';
import { proactiveInstruction, type ProactiveInstruction } from '../turn/proactiveTurn';
import type { TranscriptRecorder } from '../turn/transcript';
import { turnInfo } from '../turn/turn';
import type { TurnStage } from './turnPipeline';

/** Channels whose page is Web Chat (the help page): it renders markdown, never HTML. */
const WEB_CHAT_CHANNELS = new Set(['directline', 'webchat']);

/** Drops the dialog position and starts the main dialog with these options; without options, the next message starts it (the bot's). */
export type RestartDialog = (context: TurnContext, options?: MainMenuOptions) => Promise<void>;

/** {@link RestartDialog} for the turn at hand. */
type Restart = (options?: MainMenuOptions) => Promise<void>;

/**
 * The bot's side of the handoff, before any dialog runs: records the
 * transcript; while an agent has the conversation, passes everything the
 * person writes to the agent (state in SQLite, so it holds across restarts);
 * and carries out the bot's own proactive turns (agent messages, queue
 * updates, hand-back) in the person's current language.
 */
export class HandoffGate {
    public constructor(private readonly handoffs: HandoffService, private readonly recorder: TranscriptRecorder) {}

    /** Records what the person and the bot say while the turn runs, and writes it once the turn is saved. */
    public readonly transcriptStage: TurnStage = {
        name: 'transcript',
        enter: async (context) => {
            this.recorder.attach(context, turnInfo(context).conversationKey);
            return 'continue';
        },
        records: (context) => this.recorder.records(context)
    };

    /** The bot's own turns (an agent's line, a queue update, the hand-back) are carried out instead of the dialogs. */
    public proactiveInstructionStage(restart: RestartDialog): TurnStage {
        return {
            name: 'proactive instruction',
            enter: async (context) => {
                const instruction = proactiveInstruction(context);
                if (!instruction) {
                    return 'continue';
                }
                await this.carryOut(context, instruction, (options) => restart(context, options));
                return 'answered';
            }
        };
    }

    /** While an agent has the conversation, what the person writes goes to the agent and the dialogs do not run. */
    public relayStage(restart: RestartDialog): TurnStage {
        return {
            name: 'relay to agent',
            enter: async (context) => ((await this.relayToAgent(context, (options) => restart(context, options))) ? 'answered' : 'continue')
        };
    }

    private async relayToAgent(context: TurnContext, restart: Restart): Promise<boolean> {
        if (context.activity.type !== ActivityTypes.Message) {
            return false;
        }
        const { conversationKey, lang, t } = turnInfo(context);
        const open = await this.handoffs.openFor(conversationKey);
        if (open?.status !== 'active') {
            return false;
        }
        const text = submittedText(context.activity);
        if (text !== undefined && phraseList(t, 'escalate:endChat.words').includes(phraseOf(text))) {
            // The person ends the live chat: the agent is told, the bot takes over again.
            const agentName = await this.handoffs.endByCustomer(open);
            if (agentName !== undefined) {
                noteInsight(context, 'handed-back');
                await context.sendActivity(t('escalate:endChat.ended', { name: agentName }));
                await this.rateOrGoOn(context, agentName, { again: true }, restart);
                return true;
            }
        }
        if (text !== undefined) {
            await this.handoffs.fromCustomer(open, text, TurnContext.getConversationReference(context.activity), lang);
            // Web Chat drops the buttons once the person writes: an empty message (no bubble) brings "end chat" back.
            if (WEB_CHAT_CHANNELS.has(context.activity.channelId ?? '')) {
                await context.sendActivity(this.withButton(context, { type: ActivityTypes.Message }, 'escalate:endChat.button'));
            }
        }
        return true;
    }

    public async typing(context: TurnContext): Promise<void> {
        const open = await this.handoffs.openFor(conversationKeyOf(context.activity));
        if (open?.status === 'active') {
            this.handoffs.customerTyping(open);
        }
    }

    private async carryOut(context: TurnContext, instruction: ProactiveInstruction, restart: Restart): Promise<void> {
        const { t } = turnInfo(context);
        switch (instruction.kind) {
            case 'say':
                await context.sendActivity(this.withButton(context, { type: ActivityTypes.Message, text: t(instruction.key, instruction.args) }, await this.buttonFor(context, instruction.offerEnd === true)));
                return;
            case 'agent-message':
                await context.sendActivity(this.withButton(context, this.agentMessage(context, instruction.agentName, instruction.text), 'escalate:endChat.button'));
                return;
            case 'resume':
                if (instruction.key.startsWith('escalate:handed')) {
                    noteInsight(context, 'handed-back');
                }
                await context.sendActivity(t(instruction.key, instruction.args));
                await this.rateOrGoOn(context, instruction.rateChatWith, instruction.options, restart);
                return;
        }
    }

    /**
     * The end of a live chat: the person is asked once whether the chat with
     * `agentName` helped, and the next message is either that answer or
     * starts the main dialog afresh; in a conversation asked before (or
     * without a name) it goes on at the main dialog with `options`.
     */
    private async rateOrGoOn(context: TurnContext, agentName: string | undefined, options: MainMenuOptions, restart: Restart): Promise<void> {
        if (agentName !== undefined && (await offerRatingAfterAgent(context, agentName))) {
            await restart();
            return;
        }
        await restart(options);
    }

    public async afterLanguageSwitch(context: TurnContext): Promise<boolean> {
        const open = await this.handoffs.openFor(turnInfo(context).conversationKey);
        if (open?.status !== 'active') {
            return false;
        }
        const name = await this.handoffs.agentNameOf(open);
        await context.sendActivity(this.withButton(context, { type: ActivityTypes.Message, text: turnInfo(context).t('escalate:stillWithAgent', { name }) }, 'escalate:endChat.button'));
        return true;
    }

    /**
     * An agent's line. In Web Chat as markdown (bold, lists, links), which the
     * page renders without any HTML of the agent's; a list or heading at the
     * start goes on its own line after the name. Elsewhere plain text.
     */
    private agentMessage(context: TurnContext, agentName: string, text: string): Partial<Activity> {
        const { t } = turnInfo(context);
        if (!WEB_CHAT_CHANNELS.has(context.activity.channelId ?? '')) {
            return { type: ActivityTypes.Message, text: t('escalate:agentMessage', { name: agentName, text }), textFormat: 'plain' };
        }
        const block = /^\s*([-*•+]|\d+[.)]|#+)\s/.test(text);
        return { type: ActivityTypes.Message, text: t('escalate:agentMessage', { name: agentName, text: block ? `\n\n${text}` : text }), textFormat: 'markdown' };
    }

    /**
     * The button under a queue update: "end chat" when asked for, else "leave
     * the queue" while the person waits (Web Chat shows only the newest
     * message's buttons, so each update carries it again).
     */
    private async buttonFor(context: TurnContext, offerEnd: boolean): Promise<string | undefined> {
        if (offerEnd) {
            return 'escalate:endChat.button';
        }
        const open = await this.handoffs.openFor(turnInfo(context).conversationKey);
        return open?.status === 'waiting' ? 'escalate:button.leave' : undefined;
    }

    /** The button `labelKey` under a message, where the channel shows suggested actions. */
    private withButton(context: TurnContext, activity: Partial<Activity>, labelKey: string | undefined): Partial<Activity> {
        if (!labelKey || !supportsSuggestedActions(context.activity.channelId ?? '', 1)) {
            return activity;
        }
        const label = turnInfo(context).t(labelKey);
        return { ...activity, suggestedActions: { actions: [{ type: 'imBack', title: label, value: label }], to: [] } };
    }
}
