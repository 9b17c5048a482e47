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
                await context.sendActivity(this.withEndButton(context, { type: ActivityTypes.Message, text: t(instruction.key, instruction.args) }, instruction.offerEnd === true));
                return;
            case 'agent-message':
                // Plain text: what an agent types is never rendered as markdown or HTML.
                await context.sendActivity(
                    this.withEndButton(context, { type: ActivityTypes.Message, text: t('escalate:agentMessage', { name: instruction.agentName, text: instruction.text }), textFormat: 'plain' }, true)
                );
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
        await context.sendActivity(this.withEndButton(context, { type: ActivityTypes.Message, text: turnInfo(context).t('escalate:stillWithAgent', { name }) }, true));
        return true;
    }

    /** The "end chat" button under a message of the live chat, where the channel shows suggested actions. */
    private withEndButton(context: TurnContext, activity: Partial<Activity>, offer: boolean): Partial<Activity> {
        if (!offer || !supportsSuggestedActions(context.activity.channelId ?? '', 1)) {
            return activity;
        }
        const label = turnInfo(context).t('escalate:endChat.button');
        return { ...activity, suggestedActions: { actions: [{ type: 'imBack', title: label, value: label }], to: [] } };
    }
}
