import type { Intent, Understanding } from '../bot/nlu';
import type { CallbackReason } from '../data/handoffModel';

/** Options of the main menu waterfall. */
export interface MainMenuOptions {
    /** First turn: greet before anything else. */
    readonly welcome?: boolean;
    /** Shown again after a finished task ("Can I help with anything else?"). */
    readonly again?: boolean;
    /** After "start over". */
    readonly restart?: boolean;
    /** Already understood (the first message had a clear intent): route it without showing the menu. */
    readonly understood?: Understanding;
    /** Options for the escalation when `understood` is `talk-to-human` (a callback offer after a timeout). */
    readonly escalate?: EscalateOptions;
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

/** Options of the identify dialog. */
export interface IdentifyOptions {
    /** Why the bot asks, shown before the email question. */
    readonly reason?: 'billing-role';
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
}

/** Options of the email-the-billing-admin dialog. */
export interface EmailAdminOptions {
    readonly userId: string;
    readonly accountId: string;
}
