/**
 * The second baseline of `npm run bench`: the bot a team would write instead
 * of ours, in the shape of Microsoft's core-bot sample without its NLU. A
 * `ComponentDialog` holds one waterfall over three prompts (text, number,
 * confirm), run by `DialogSet` on every turn; conversation and user state live
 * in `MemoryStorage` and are saved after each turn. The same seven inputs as
 * our billing conversation walk through it (see `WaterfallScenario`), in
 * English and German; a client without a locale gets the language of its
 * first message, as in our bot. Started as its own process by the benchmark.
 */
import * as restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, UserState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
    ComponentDialog,
    ConfirmPrompt,
    DialogSet,
    DialogTurnStatus,
    NumberPrompt,
    TextPrompt,
    WaterfallDialog,
    type DialogState,
    type PromptValidatorContext,
    type WaterfallStepContext
} from 'botbuilder-dialogs';
import { WATERFALL_TEXTS } from './lib/waterfallTexts';


const TEXT = 'text';
const CODE = 'code';
const CONFIRM = 'confirm';
const FLOW = 'flow';

/** Enough to tell the benchmark's German first message from its English one. */
const GERMAN = /\b(wer|ist|mein|ich|bitte)\b|[äöüß]/i;

interface Profile {
    email?: string;
    conversations?: number;
}

/** The conversation of the benchmark as one waterfall over three prompts. */
class BillingDialog extends ComponentDialog {
    public constructor(private readonly profile: StatePropertyAccessor<Profile>) {
        super('billing');
        this.addDialog(new TextPrompt(TEXT));
        this.addDialog(new NumberPrompt(CODE, async (prompt: PromptValidatorContext<number>) => prompt.recognized.succeeded && Number.isInteger(prompt.recognized.value) && String(prompt.recognized.value).length === 6));
        this.addDialog(new ConfirmPrompt(CONFIRM, undefined, 'en-us'));
        this.addDialog(
            new WaterfallDialog(FLOW, [
                async (step) => step.prompt(TEXT, WATERFALL_TEXTS.askEmail),
                async (step) => {
                    const profile = await this.profile.get(step.context, {});
                    profile.email = String(step.result);
                    return step.prompt(CODE, { prompt: WATERFALL_TEXTS.askCode, retryPrompt: WATERFALL_TEXTS.retryCode });
                },
                async (step) => step.prompt(CONFIRM, WATERFALL_TEXTS.offerEmail),
                async (step) => (step.result === true ? step.prompt(TEXT, WATERFALL_TEXTS.askMessage) : this.finish(step, WATERFALL_TEXTS.notSent)),
                async (step) => {
                    (step.values as { message?: string }).message = String(step.result);
                    return step.prompt(CONFIRM, WATERFALL_TEXTS.confirmSend);
                },
                async (step) => this.finish(step, step.result === true ? WATERFALL_TEXTS.sent : WATERFALL_TEXTS.notSent)
            ])
        );
        this.initialDialogId = FLOW;
    }

    private async finish(step: WaterfallStepContext, text: string) {
        await step.context.sendActivity(text);
        return step.endDialog();
    }
}

/** Runs the dialog on every message and saves both states after the turn, as core-bot's `DialogBot` does. */
class DialogBot extends ActivityHandler {
    public constructor(conversationState: ConversationState, userState: UserState) {
        super();
        const dialogState = conversationState.createProperty<DialogState>('DialogState');
        const locale = conversationState.createProperty<string>('locale');
        const dialogs = new DialogSet(dialogState);
        dialogs.add(new BillingDialog(userState.createProperty<Profile>('Profile')));
        this.onMembersAdded(async (context, next) => {
            for (const member of context.activity.membersAdded ?? []) {
                if (member.id !== context.activity.recipient.id) {
                    await context.sendActivity(WATERFALL_TEXTS.welcome);
                }
            }
            await next();
        });
        this.onMessage(async (context, next) => {
            // A client without a locale: the first words decide, kept for the conversation (the prompts recognise by locale).
            context.activity.locale ??= await locale.get(context, GERMAN.test(context.activity.text ?? '') ? 'de-de' : 'en-us');
            const dc = await dialogs.createContext(context);
            const result = await dc.continueDialog();
            if (result.status === DialogTurnStatus.empty) {
                await dc.beginDialog('billing');
            }
            await next();
        });
        this.onDialog(async (context: TurnContext, next) => {
            await conversationState.saveChanges(context, false);
            await userState.saveChanges(context, false);
            await next();
        });
    }
}

const storage = new MemoryStorage();
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new DialogBot(new ConversationState(storage), new UserState(storage));

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
});
server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 3981), process.env.HOST ?? '127.0.0.1');
