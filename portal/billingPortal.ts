/**
 * The Corporate Billing Portal as the bot sees it. The bot never learns
 * whether a user ID exists: it asks for a reset and tells the person the same
 * thing either way. The embedded default ({@link EmbeddedBillingPortal}) mails
 * a link to a reset page the bot serves; a real portal's API can take its place.
 */
export interface BillingPortal {
    /** How long a mailed reset link works, in minutes (the bot tells the person). */
    readonly resetLinkValidMinutes: number;

    /**
     * Asks the portal to email a password-reset link to the billing contact whose
     * portal user ID is `login` (username or email format), if there is one.
     * Resolves the same way whether or not the user ID exists.
     */
    requestPasswordReset(login: string): Promise<void>;
}
