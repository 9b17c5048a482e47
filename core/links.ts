/** Addresses the help article sends people to (DESIGN §1). */
export const LINKS = {
    adminCenter: 'https://admin.logmeininc.com',
    myAccount: 'https://myaccount.logmeininc.com',
    support: 'https://support.logmeininc.com',
    company: 'https://www.logmeininc.com'
} as const;
