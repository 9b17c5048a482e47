/**
 * Dialog and prompt ids. A waterfall's id carries a version: when its steps
 * change, bump the version so a conversation saved by an older release starts
 * the new dialog afresh instead of resuming on the wrong step (see MainDialog).
 */
export const DialogIds = {
    main: 'main.v1',
    mainMenu: 'main.menu.v1',
    identify: 'identify.v1',
    identifyFlow: 'identify.flow.v1',
    identifyVerify: 'identify.verify.v1',
    identifyAccount: 'identify.account.v1',
    billingRole: 'billingRole.v1',
    billingRoleFlow: 'billingRole.flow.v1',
    emailAdmin: 'emailAdmin.v1',
    emailAdminFlow: 'emailAdmin.flow.v1',
    escalate: 'escalate.v1',
    escalateFlow: 'escalate.flow.v1',
    escalateWait: 'escalate.wait.v1',
    escalateLeave: 'escalate.leave.v1',
    escalateCallback: 'escalate.callback.v1',
    escalateOffer: 'escalateOffer.v1',
    escalateOfferFlow: 'escalateOffer.flow.v1',
    changeContact: 'changeContact.v1',
    changeContactFlow: 'changeContact.flow.v3',
    changeContactReview: 'changeContact.review.v2',
    changeContactNewPerson: 'changeContact.newPerson.v1',
    changeContactReaddressed: 'changeContact.readdressed.v1',
    portalReset: 'portalReset.v1',
    portalResetFlow: 'portalReset.flow.v1',
    requestStatus: 'requestStatus.v1',
    requestStatusFlow: 'requestStatus.flow.v1',
    closing: 'closing.v1'
} as const;

/** Prompt ids; each component dialog adds the prompts it uses under these ids. */
export const PromptIds = {
    text: 'prompt.text',
    email: 'prompt.email',
    newPersonEmail: 'prompt.newPersonEmail',
    yesNo: 'prompt.yesNo',
    pick: 'prompt.pick',
    replaces: 'prompt.replaces',
    newContact: 'prompt.newContact',
    code: 'prompt.code',
    name: 'prompt.name',
    reason: 'prompt.reason',
    confirmChange: 'prompt.confirmChange',
    reference: 'prompt.reference',
    portalUserId: 'prompt.portalUserId',
    dropTask: 'prompt.dropTask',
    callbackOffer: 'prompt.callbackOffer',
    callbackEmail: 'prompt.callbackEmail'
} as const;
