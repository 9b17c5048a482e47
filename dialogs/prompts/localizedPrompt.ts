import { ActivityTypes, InputHints, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { noteNotUnderstood } from '../../services/insights/insightsRecorder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { submittedText } from '../../turn/activityText';
import { renderChoices } from '../../turn/choiceRendering';
import { phraseList } from '../../language/phraseLists';
import { noteTold, turnInfo } from '../../turn/turn';
import { containsPhrase, hasPhrase, phraseOf, wordsOf } from '../../core/words';
import { asksQuestion, yesNoAnswer } from './yesNoAnswer';
import { conjunctionList } from '../../core/listFormat';
import { whereToSeeAnswer } from '../whereToSee';
import type { TFunction } from 'i18next';

/** From this many answers a prompt could not use, its retry also mentions help and cancel: the same re-prompt is never shown twice in a row. */
const FAILURES_BEFORE_HINT = 2;

/** The label of the button that asks for a person: clicked, its words are a request for a person, taken before any prompt. */
const PERSON_LABEL = 'actions:talk-to-human';

/** What a prompt counts in its own state. */
interface PromptAttempts {
    failures?: number;
    /** Questions asked at this prompt that the bot could not answer: from the second on, a person is offered, not the same words again. */
    questions?: number;
    /** Set once the question was shown: showing it again (after help, a language switch) uses {@link LocalizedPromptOptions.againText}. */
    shown?: boolean;
    /** The retry's words for this one answer, set by the validator ({@link retryWith}): why the answer chose nothing, and the question again. */
    retryNote?: LocalizedText;
}

/** Makes the retry after the answer being validated say `text` (why it chose nothing, and the question again) instead of the prompt's retry text. */
export function retryWith(state: object, text: LocalizedText): void {
    (state as PromptAttempts).retryNote = text;
}

/** A free-text answer of at most this many words may be a button's synonym inside a few words ("skip it please"); a longer one is text. */
const SHORT_ANSWER_WORDS = 3;

/** A sentence by locale key, rendered in the conversation's language when shown. */
export interface LocalizedText {
    readonly key: string;
    /** A list of names is joined in the language the text is shown in ("Klaus und Maria", "Klaus and Maria"). */
    readonly args?: Readonly<Record<string, string | number | readonly string[]>>;
}

/** `text` rendered with `t` in `lang`, lists in its args joined as that language joins them. */
export function renderText(t: (key: string, args?: Record<string, string | number>) => string, lang: string, text: LocalizedText): string {
    if (!text.args) {
        return t(text.key);
    }
    const list = conjunctionList(lang);
    return t(text.key, Object.fromEntries(Object.entries(text.args).map(([name, value]) => [name, typeof value === 'object' ? list.format(value) : value])));
}

/** A button of a prompt. `label` is a locale key unless `literal` (names of accounts or people). */
export interface PromptButton {
    readonly value: string;
    readonly label: string;
    readonly literal?: boolean;
    /** Locale key of a list of other words that mean this button ("resend", "nochmal senden"). */
    readonly synonyms?: string;
    /** Locale key of words that mean this button only as the whole answer ("me", "ich"): inside a sentence they say nothing of it. */
    readonly alone?: string;
    /** A bare yes or no (any phrasing: "ja bitte", "klar", "nope") chooses this button. */
    readonly answers?: 'yes' | 'no';
}

/**
 * Options of every prompt of the bot. Only keys are stored in the dialog state,
 * so a prompt shown again after a language switch (or a restart) is rendered in
 * the conversation's current language.
 */
export interface LocalizedPromptOptions extends PromptOptions {
    readonly text: LocalizedText;
    readonly retryText?: LocalizedText;
    /** The question when it is shown again after an interruption, without a one-off lead-in ("Let's start over."). */
    readonly againText?: LocalizedText;
    readonly buttons?: readonly PromptButton[];
    /** A free-text answer (a message): only short commands may interrupt it. */
    readonly freeText?: boolean;
    /** Nothing the person gave would be lost by leaving here (an offer, the first question of a task): a goodbye ends without asking. */
    readonly nothingToLose?: boolean;
    /** Said before a goodbye that closes at once here, though the task is not finished ("nothing was filed"): nothing is asked first. */
    readonly closingNote?: string;
    /** Said when a no answers this question in a message that also says goodbye ("no thanks, bye"): what the no leaves undone ("nothing was sent"). */
    readonly declinedNote?: string;
    /** What help ("keine Ahnung", "help") says at this question instead of the general help in a task. */
    readonly helpText?: LocalizedText;
    /** A yes/no about a draft: "add: …" or "instead: …" answer it too (a no that carries the draft's new words). */
    readonly amends?: boolean;
    /** A typed full name that matches no button ("eva schulz" for a person not listed) chooses the button with this value. */
    readonly nameChooses?: string;
    /** Words for the recipient ("tell him …", "sag ihr, dass …", `emailAdmin:leadIns`) choose the button with this value: they carry a message to pass on. */
    readonly messageChooses?: string;
    /** The question also takes the person's matter in words ("Shall customer service email you?" → "it is about a double charge"): a statement about a topic is that matter. */
    readonly takesMatter?: boolean;
    /** The question itself offers a person ("Shall I put you through?"): another question it cannot answer gets no button for one. */
    readonly offersPerson?: boolean;
    /** Customer service will write to the person (a callback is being set up): a question it cannot answer is one for them, no "talk to a person". */
    readonly personComing?: boolean;
    /** Why nobody can chat now (nobody free, outside the chat's hours): said to a bare "why not now?" ({@link asksWhyNotNow}) before the question again. */
    readonly whyNotNow?: LocalizedText;
    /** A reason for changing the billing contact that names one of `names` ("peter is retiring") chooses the button with this `value`: the change it gives the reason for. */
    readonly reasonChooses?: { readonly value: string; readonly names: readonly string[] };
    /** One of `names` removed and another kept ("klaus soll raus, nur noch maria", `main:removalWords`) chooses the button with this `value`. */
    readonly keepChooses?: { readonly value: string; readonly names: readonly string[] };
}

/** Passes localized options where botbuilder expects `PromptOptions` (object literals would fail its union type). */
export function localized(options: LocalizedPromptOptions): PromptOptions {
    return options;
}

/** Renders a button's label in the turn's language. */
export function buttonLabel(context: TurnContext, button: PromptButton): string {
    return button.literal ? button.label : turnInfo(context).t(button.label);
}

/**
 * The button the person chose: its value typed, its label, one of its
 * synonyms as the whole answer or inside it ("bitte nochmal senden"), or a
 * bare yes or no for the button that {@link PromptButton.answers} it.
 */
export function matchButton(context: TurnContext, buttons: readonly PromptButton[], text: string, freeText = false): PromptButton | undefined {
    const named = namedButton(context, buttons, text, freeText);
    if (named || !buttons.some((button) => button.answers)) {
        return named;
    }
    const yes = yesNoAnswer(context, text, 'whole');
    return yes === undefined ? undefined : buttons.find((button) => button.answers === (yes ? 'yes' : 'no'));
}

/**
 * The button `text` names. In a free-text answer a synonym counts only as the
 * whole answer or inside a short one: "no code arrives at mike@…" is a
 * description, not "no" for "Skip".
 */
function namedButton(context: TurnContext, buttons: readonly PromptButton[], text: string, freeText: boolean): PromptButton | undefined {
    const said = phraseOf(text);
    const { t } = turnInfo(context);
    // "what would the person do?" asks about a button's words, it does not choose it.
    const inside = (!freeText || said.split(' ').length <= SHORT_ANSWER_WORDS) && !asksQuestion(context, text);
    return buttons.find(
        (button) =>
            button.value === text ||
            phraseOf(buttonLabel(context, button)) === said ||
            (button.synonyms !== undefined && phraseList(t, button.synonyms).some((synonym) => synonym === said || (inside && hasPhrase(said, synonym)))) ||
            (button.alone !== undefined && phraseList(t, button.alone).includes(said))
    );
}

/**
 * Base of the bot's prompts: renders {@link LocalizedPromptOptions} with the
 * turn's `t`, as suggested actions or card buttons depending on the channel
 * (ChoiceFactory decides), and hands recognition to the subclass.
 */
export abstract class LocalizedPrompt<T> extends Prompt<T> {
    /**
     * @param takes answers the recognizer fails but the dialog takes ("der Name ist Max Meier, nicht Max Mayer" at
     * "Shall I file this request?"): no interruption reads them as another request.
     */
    protected constructor(dialogId: string, validator?: PromptValidator<T>, private readonly takes?: (context: TurnContext, text: string) => boolean) {
        super(dialogId, validator);
    }

    protected async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
        const spec = options as LocalizedPromptOptions;
        const { t, lang } = turnInfo(context);
        const attempts = state as PromptAttempts;
        const again = !isRetry && attempts.shown === true && spec.againText !== undefined;
        attempts.shown = true;
        // A question the prompt cannot use is no wrong answer: the bot says it cannot answer it here and asks its own question again.
        // "why not now" without a question mark asks too, where the question says why nobody can chat (`whyNotNow`).
        const said = submittedText(context.activity) ?? '';
        const whyNotNow = isRetry && spec.whyNotNow !== undefined && asksWhyNotNow(t, said) ? spec.whyNotNow : undefined;
        const questioned = isRetry && (whyNotNow !== undefined || asksQuestion(context, said));
        const note = isRetry && !questioned ? attempts.retryNote : undefined;
        delete attempts.retryNote;
        let text = renderText(t, lang, note ?? (isRetry && spec.retryText && !questioned ? spec.retryText : again && spec.againText ? spec.againText : spec.text));
        // "wo sehe ich das?" after an answer: where to see who the billing contact is, then the question again.
        const whereToSee = questioned ? whereToSeeAnswer(context, said) : undefined;
        // "Warum nicht sofort?" when nobody is free (`whyNotNow`): answered, then the question again; no question left unanswered.
        if (whereToSee) {
            text = `${whereToSee} ${renderText(t, lang, spec.text)}`;
        } else if (questioned && !whyNotNow) {
            attempts.questions = (attempts.questions ?? 0) + 1;
        }
        // Another question it cannot answer here: not the same re-prompt again, but a person offered with a button of its own.
        const askedAgain = questioned && !whereToSee && !whyNotNow && (attempts.questions ?? 0) > 1;
        if (whyNotNow) {
            text = `${renderText(t, lang, whyNotNow)} ${text}`;
        } else if (questioned && spec.personComing && askedWhenTheyWrite(t, said)) {
            // "when will they get back to me?" while a callback is set up: as soon as they can, no time promised.
            text = `${t('common:personComing.when')} ${text}`;
        } else if (askedAgain && spec.personComing) {
            text = `${t('common:questionNotAnswered')} ${t('common:questionForCustomerService')} ${text}`;
        } else if (askedAgain) {
            text = `${spec.offersPerson ? t('common:questionNotAnsweredEither') : t('common:questionNotAnsweredAgain', { person: t(PERSON_LABEL) })} ${text}`;
        } else if (questioned && !whereToSee) {
            text = `${t('common:questionNotAnswered')} ${t(spec.personComing ? 'common:questionForCustomerService' : 'common:questionToPerson')} ${text}`;
        }
        if (isRetry && sentOnlyFiles(context.activity)) {
            text = `${t('common:textOnly')} ${text}`;
        }
        if (isRetry && !questioned) {
            // Words this question could not use may still tell a later task something ("peter is retiring" at the offer is the reason of the change then asked for).
            noteTold(context, said);
            // A real question is no failed answer: it never earns the "stuck" hint. A retry is shown exactly once per answer the prompt could not use.
            attempts.failures = (attempts.failures ?? 0) + 1;
            if (attempts.failures >= FAILURES_BEFORE_HINT) {
                // Twice an answer this question could not use: kept (masked) for the team to review.
                const understood = turnInfo(context).understanding;
                noteNotUnderstood(context, 'reprompted', said, understood?.intent ?? 'none', understood?.score ?? 0);
                text = `${text} ${t('common:stuckHint')}`;
            }
        }
        const buttons = spec.buttons ?? [];
        const person = askedAgain && !spec.offersPerson && !buttons.some((button) => button.value === 'talk-to-human') ? [{ value: 'talk-to-human', label: PERSON_LABEL }] : [];
        await context.sendActivity(this.render(context, text, [...buttons, ...person]));
    }

    protected async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<T>> {
        const activity = context.activity;
        const text = activity.type === ActivityTypes.Message ? submittedText(activity) : undefined;
        return text === undefined ? { succeeded: false } : this.recognize(context, text, options as LocalizedPromptOptions, state);
    }

    /**
     * True when `text` is a proper answer to this prompt, so that "nein" at a
     * yes/no question is an answer and not taken as "cancel".
     */
    public async accepts(context: TurnContext, text: string, options: LocalizedPromptOptions): Promise<boolean> {
        return (await this.recognize(context, text, options, {})).succeeded || (this.takes?.(context, text) ?? false);
    }

    /** Turns the person's text into a value; `succeeded: false` re-prompts with the retry text. */
    protected abstract recognize(context: TurnContext, text: string, options: LocalizedPromptOptions, state: object): Promise<PromptRecognizerResult<T>>;

    private render(context: TurnContext, text: string, buttons: readonly PromptButton[]): Partial<Activity> {
        if (buttons.length === 0) {
            return MessageFactory.text(text, text, InputHints.ExpectingInput);
        }
        return renderChoices(
            context,
            text,
            buttons.map((button) => buttonLabel(context, button))
        );
    }
}

/** A message with pictures or files but no words: the person learns that only text reaches the bot. */
function sentOnlyFiles(activity: Partial<Activity>): boolean {
    return activity.type === ActivityTypes.Message && (activity.attachments?.length ?? 0) > 0 && submittedText(activity) === undefined;
}

/**
 * True when `text` only asks why (not now): a why-word first (`common:whyNotNow.why`: "warum", "why", "how come") and no other word
 * than those of asking why nobody is there now (`common:whyNotNow.words`: "nicht", "sofort", "niemand", "now", "right", "nobody").
 * Such a question asks about what the bot just said, not about a topic of the article.
 */
export function asksWhyNotNow(t: TFunction, text: string): boolean {
    const said = phraseOf(text);
    const why = phraseList(t, 'common:whyNotNow.why').find((one) => said === one || said.startsWith(`${one} `));
    if (why === undefined) {
        return false;
    }
    const allowed = new Set(phraseList(t, 'common:whyNotNow.words'));
    return wordsOf(said.slice(why.length)).every((word) => allowed.has(word));
}

/** True when a question asks when customer service will answer (`requestStatus:howLong.heard.phrases`, `common:personComing.heard`). */
function askedWhenTheyWrite(t: TFunction, text: string): boolean {
    return containsPhrase(text, phraseList(t, 'requestStatus:howLong.heard.phrases')) || containsPhrase(text, phraseList(t, 'common:personComing.heard'));
}
