/** What the waterfall baseline (`bench/waterfallBot.ts`) says; its scenario expects these. */
export const WATERFALL_TEXTS = {
    welcome: 'Hello and welcome! Ask me who your billing contact is.',
    askEmail: 'Which email address do you use?',
    askCode: 'I have sent a 6-digit code to that address. Please type it.',
    retryCode: 'That was not a 6-digit code. Please type the code from the mail.',
    offerEmail: 'Your billing contact is Pat Brooks. Shall I email them for you?',
    askMessage: 'What would you like me to tell them?',
    confirmSend: 'Shall I send it?',
    sent: 'Your message is on its way.',
    notSent: 'All right, I have not sent anything.'
} as const;
