import type { Intent, Understanding } from '../language/nlu';
import type { CallbackReason } from '../data/handoffModel';
import type { LocalizedText, PromptButton } from './prompts/localizedPrompt';

/** Options of the main menu waterfall. */
export interface MainMenuOptions {
    /** First turn: greet before anything else. */
    readonly welcome?: boolean;
    /** Shown again after a finished task ("Can I help with anything else?"). */
    readonly again?: boolean;
    /** A bare "yes" to "anything else?": one short line asks what it is, with the menu. */
    readonly sure?: boolean;
    /** After "start over". */
    readonly restart?: boolean;
    /** Already understood (the first message had a clear intent): route it without showing the menu. */
    readonly understood?: Understanding;
    /** Further requests of the message that started `understood`, in order: each is taken up when the one before ends. */
    readonly queue?: readonly Intent[];
    /** `understood` was taken from the queue: it was asked in an earlier message. */
    readonly queued?: boolean;
    /** The message the queued requests were asked in: a change request finds its new contact and reason in it. */
    readonly queuedText?: string;
    /** Options for the escalation when `understood` is `talk-to-human` (a callback offer after a timeout). */
    readonly escalate?: EscalateOptions;
    /** After a task: this question and these buttons (values are intents) instead of the menu's. */
    readonly followUp?: FollowUp;
    /** The follow-up is shown again after a question the bot could not answer: another one is met with a person offered. */
    readonly unanswered?: boolean;
    /** `understood` was asked in the message that declined the last task's offer: that offer is not made again. */
    readonly offerDeclined?: boolean;
    /** With `change-billing-contact`: the request just declined at its summary, taken back ({@link ChangeContactOptions.resume}). */
    readonly resumeChange?: unknown;
    /** With `who-is-billing-contact`: the member asked about in a follow-up ("Und Klaus Bergmann?"), as {@link BillingRoleOptions.holderAsked}. */
    readonly holderAsked?: string;
    /**
     * The words of a mail drafted at once, to the billing contacts `recipientIds` (all when none): one that corrects the mail
     * just sent (`ConversationProfile.sentMail`), or one declined and taken back at once (`ConversationProfile.declinedMail`).
     */
    readonly mailToDraft?: { readonly message: string; readonly recipientIds?: readonly string[]; readonly urgent?: boolean };
    /** The user ID a correction right after a reset link names ("no wait, i meant pbrooks"): a link is asked for it, though one was just asked for. */
    readonly correctedLogin?: string;
}

/** Options of the escalate dialog. */
export interface EscalateOptions {
    /** Why the person comes to customer service (`asked`, `verification-locked`); shown to agents. */
    readonly reason?: string;
    /** Already known description: the one-line question is skipped. */
    readonly description?: string;
    /** Go straight to the callback offer, for this reason. */
    readonly callbackReason?: CallbackReason;
}

/** A question with buttons whose values are intents, shown by the main menu after a task ("Reset my portal password?"). */
export interface FollowUp {
    readonly text: LocalizedText;
    readonly buttons: readonly PromptButton[];
}

/** What a task dialog hands back to the main menu: go on with another intent, or offer next steps. */
export interface TaskResult {
    readonly next?: Intent;
    /** The message that chose {@link next} declined the task's offer first ("nein, doch nicht. wer ist zuständig?"): `next` answers without making it again. */
    readonly offerDeclined?: boolean;
    readonly followUp?: FollowUp;
}

/** Options of the request-status dialog. */
export interface RequestStatusOptions {
    /** The reference, when the person typed it already. */
    readonly reference?: string;
    /** The person objects to the request (a current billing contact, issue 12) instead of asking where it stands. */
    readonly objection?: boolean;
    /** Further references objected to in the same message ("I object to both, BC-… and BC-…"). */
    readonly moreReferences?: readonly string[];
    /** The objector's own words, quoted in the mails about the objection. */
    readonly words?: string;
}

/** Options of the portal password-reset dialog. */
export interface PortalResetOptions {
    /** Asking again (after explaining where the user ID is): no introduction. */
    readonly again?: boolean;
    /** The user ID, when the person named it already ("my username is pbrooks"). */
    readonly login?: string;
    /** The person plainly asked for a new link ("send it again"): one sent earlier in the conversation does not stop it. */
    readonly fresh?: boolean;
}

/** Options of the change-request dialog. */
export interface ChangeContactOptions {
    /** The message that started the request ("Kontakt ändern, auf Lea Fischer"): a member it names becomes the new contact. */
    readonly question?: string;
    /** The new contact named instead at whom they replace ("nein, doch nicht ich, sondern Peter Krause"): taken, no introduction again. */
    readonly instead?: string;
    /** A request declined at its summary and taken back at once (`ConversationProfile.declinedChange`): its summary again, when still true to the account. */
    readonly resume?: unknown;
}

/** Options of the identify dialog. */
export interface IdentifyOptions {
    /** Why the bot asks, shown before the email question. */
    readonly reason?: 'billing-role';
    /** Only prove who the person is (a status question needs no account); ends with the user id. */
    readonly verifyOnly?: boolean;
    /** The question that started the task: an account it names ("… bei Northwind?") is chosen after the code. */
    readonly question?: string;
    /** The task has just said why it verifies ("I can only tell the status … to the person who filed it"): no second reason. */
    readonly saidWhy?: boolean;
}

/** A verified person and the account the conversation is about. */
export interface IdentifyResult {
    readonly userId: string;
    readonly accountId: string;
}

/** Options of the billing-role dialog. */
export interface BillingRoleOptions {
    /** What the person asked; `email-billing-admin` goes straight to the email. */
    readonly intent: Intent;
    /** The same message asked for more, taken up next: answer without offering a next step. */
    readonly moreAsked?: boolean;
    /** The message that asked for the email ("email peter that we need 5 more licences"): its words go into the mail, also after the verification. */
    readonly askedWith?: string;
    /** The message itself when `askedWith` put it after "that"/"dass"/":" ("We need 5 more licences"). */
    readonly askedMessage?: string;
    /** `email-billing-admin` came from a question about writing ("can I contact them?"): the mail is offered, not its text asked. */
    readonly offerFirst?: boolean;
    /** The same message declined this offer just before it asked again: answer without making the offer again. */
    readonly offerDeclined?: boolean;
    /** A question whether a named person holds the role ("Is Sarah also a billing contact?"): that member is said to be one or not, first. */
    readonly holderAsked?: string;
}

/** Options of the email-the-billing-admin dialog. */
export interface EmailAdminOptions {
    readonly userId: string;
    readonly accountId: string;
    /** The message, when the person said it already ("ja, schreib ihr, dass …"): shown back for a yes, not asked. */
    readonly message?: string;
    /** The draft of {@link message} was shown already: only "Shall I send it?" is asked again. */
    readonly shown?: boolean;
    /** The billing contacts the person named ("Schreiben Sie bitte Maria, …"): the mail goes to them only; all when none. */
    readonly recipientIds?: readonly string[];
    /** The last answer was only a yes or no: the question is asked again in words that say so, one message. */
    readonly onlyAnswered?: boolean;
    /** Said at the offer of the mail to correct whom to write to ("nein, stattdessen an jonas"): read as at the message's question. */
    readonly correction?: string;
    /** The mail was asked to be marked urgent ("yes but tell her it's urgent"): its subject says so. */
    readonly urgent?: boolean;
}
