import type { TurnContext } from 'botbuilder';
import { containsPhrase, sentencesOf, wordsOf } from '../core/words';
import { phraseList } from '../language/phraseLists';
import { findEmails, findIntroducedUserId, findReference, type KnownWords } from '../language/entities';
import type { TFunction } from 'i18next';
import type { Lang } from '../core/language';
import type { ChangeRequestService } from '../services/changeRequestService';
import { submittedText } from '../turn/activityText';
import { turnInfo } from '../turn/turn';
import { answerStatus, lastOwnOpenShown } from './statusAnswer';
import { portalQuestion } from '../language/portalQuestions';
import { mailNotArrived } from '../language/mailArrival';
import { actionButton } from './actions';
import { asksToWithdraw } from './requestStatusDialog';
import type { FollowUp } from './types';
import type { UserRepository } from '../data/repositories/userRepository';
import { conjunctionList } from '../core/listFormat';
import { formatDate } from '../core/dates';
import { asksAboutOwnAddress } from './sideQuestion';

/** A follow-up question is short: a longer message asks more than "how long?" and is read as a whole. */
const MAX_FOLLOW_UP_WORDS = 10;

/** The question after "the mail is still not there": a new link first (a bare yes), a person, or nothing more. */
const RESEND_LINK_OFFER: FollowUp = {
    text: { key: 'portalReset:notArrived.offer' },
    buttons: [{ value: 'portal-password-reset', label: 'portalReset:button.sendAgain', answers: 'yes' }, actionButton('talk-to-human'), { ...actionButton('thanks'), answers: 'no' }]
};

/**
 * The same for a person not verified, who may have typed a user ID that is not theirs: checking their role too, which
 * tells a billing contact of a corporate account the user ID they sign in to the portal with.
 */
export const RESEND_OR_CHECK_OFFER: FollowUp = {
    text: { key: 'portalReset:notArrived.offerCheck' },
    buttons: [{ value: 'portal-password-reset', label: 'portalReset:button.sendAgain', answers: 'yes' }, actionButton('am-i-billing-contact'), actionButton('talk-to-human'), { ...actionButton('thanks'), answers: 'no' }]
};

/** True when `followUp` is one of the offers of a new link after "still no email". */
export function offersNewLink(followUp: FollowUp | undefined): boolean {
    return followUp?.text.key === RESEND_LINK_OFFER.text.key || followUp?.text.key === RESEND_OR_CHECK_OFFER.text.key;
}

/** The question after "why is it taking so long?": where the request stands now (a bare yes), or a person. */
const STATUS_OR_PERSON: FollowUp = {
    text: { key: 'requestStatus:whyLong.offer' },
    buttons: [{ ...actionButton('request-status'), answers: 'yes' }, actionButton('talk-to-human'), { ...actionButton('thanks'), answers: 'no' }]
};

/** What a follow-up about the bot's last deed came to: answered (with an offer to show at the menu), or the withdraw path of the request filed. */
export type FollowUpOutcome = { readonly kind: 'answered'; readonly offer?: FollowUp } | { readonly kind: 'withdraw' };

/** True for a short message without a reference (that is a status question of its own) or an address. */
function shortFollowUp(text: string): boolean {
    const words = wordsOf(text);
    return words.length > 0 && words.length <= MAX_FOLLOW_UP_WORDS && findReference(text) === undefined && !text.includes('@');
}

/**
 * True when the message asks how long the request just filed takes or what
 * happens next ("wie lange dauert das?", "how long will this take?", "when
 * will it be done", "was passiert jetzt?"): a short message holding one of
 * `requestStatus:howLong.heard.phrases`, without a reference (that is a status
 * question of its own) or an address.
 */
export function asksHowLong(context: TurnContext, text: string): boolean {
    return shortFollowUp(text) && containsPhrase(text, phraseList(turnInfo(context).t, 'requestStatus:howLong.heard.phrases'));
}

/** "warum dauert das so lange?", "why is it taking so long?" (`requestStatus:whyLong.heard`): a short complaint about the wait. */
function asksWhyLong(context: TurnContext, text: string): boolean {
    return shortFollowUp(text) && containsPhrase(text, phraseList(turnInfo(context).t, 'requestStatus:whyLong.heard'));
}

/**
 * "can I still cancel it?", "kann ich das noch zurückziehen?", "cancel the request": a word for withdrawing and one
 * for the request (`requestStatus:requestWords`: "it", "das", "request"); "can I cancel my subscription?" is no withdrawal.
 * In a short message, or in a short question of a longer one ("Kann ich den Antrag noch zurückziehen? Ich habe es mir
 * anders überlegt").
 */
function asksToWithdrawFiled(context: TurnContext, text: string): boolean {
    const { t } = turnInfo(context);
    const requestWords = phraseList(t, 'requestStatus:requestWords');
    const withdrawWords = phraseList(t, 'requestStatus:withdrawWords');
    const asks = (part: string): boolean => shortFollowUp(part) && containsPhrase(part, requestWords);
    if (!asksToWithdraw(context) || findReference(text) !== undefined) {
        return false;
    }
    return asks(text) || sentencesOf(text).some((sentence) => sentence.endsWith('?') && asks(sentence) && containsPhrase(sentence, withdrawWords));
}

/** What the bot did that "how long will that take?" may ask about, the latest of them being meant. */
const FOLLOWED_UP: ReadonlySet<string> = new Set(['change-request-filed', 'portal-reset-requested', 'emailed-billing-admin']);

/** What {@link answerFollowUp} needs besides the turn. */
export interface FollowUpContext {
    readonly changeRequests: ChangeRequestService;
    readonly linkValidMinutes: number;
    /** A one-time code is awaited: a mail that did not come is that one (the code question answers it), not the reset link. */
    readonly codePending: boolean;
    /** True when the message reads as a change of the billing contact and names nobody to make it ("he left, his mailbox is closed"). */
    readonly restatesChange?: (text: string) => Promise<boolean>;
    /** The people a mail went to, and the person's own address, by user id. */
    readonly users: Pick<UserRepository, 'get'>;
    /** At the menu, no task open: "ok send it" can only mean the mail already sent. */
    readonly atMenu: boolean;
}

/** After "he left, his mailbox is closed" right after a change request was filed: another request only for someone else, or nothing more. */
const ANOTHER_OR_NOTHING: FollowUp = {
    text: { key: 'changeContact:filedCovers.offer' },
    buttons: [{ value: 'change-billing-contact', label: 'changeContact:button.anotherRequest' }, { ...actionButton('thanks'), answers: 'no' }]
};

/**
 * Answers a follow-up about the last thing the bot did in this conversation,
 * from what it knows. A change request: "how long will this take?" gets its
 * reference and status, that a LogMeIn staff member reviews it (no processing
 * time is promised: the help article gives none), that the requester is
 * emailed when it is decided, and how to ask for its status (a request no
 * longer open gets its status); "why is it taking so long?" the same review
 * explained, with the status and a person offered; "can I still cancel it?"
 * the withdraw path. A portal reset link: "still no email" gets what to check
 * and a new link or a person offered; "how long until the email arrives?"
 * when it comes; "how long will this take?" when it comes and how long it
 * holds. A change request restated without anyone new ("he left, his mailbox is
 * closed"): the request filed covers it, with another one offered only for
 * someone else. A mail to the billing contact: that it went out, and that the reply
 * comes straight to the person; that the mail names the person's address; at the
 * menu, that it is not sent twice. Returns undefined when the bot did none of
 * these here, or the message asks none of this, so it is read as usual.
 */
export async function answerFollowUp(context: TurnContext, known: FollowUpContext): Promise<FollowUpOutcome | undefined> {
    const { profile, t } = turnInfo(context);
    const latest = profile.actions?.filter((action) => FOLLOWED_UP.has(action.kind)).pop();
    const text = submittedText(context.activity) ?? '';
    // "can I cancel it? I changed my mind" right after the status of a request of their own: that request is withdrawn.
    if (lastOwnOpenShown(context) !== undefined && asksToWithdrawFiled(context, text)) {
        return { kind: 'withdraw' };
    }
    if (!latest) {
        return undefined;
    }
    if (latest.kind === 'portal-reset-requested') {
        return known.codePending ? undefined : answerAboutLink(context, text, known.linkValidMinutes);
    }
    if (latest.kind === 'emailed-billing-admin') {
        return answerAboutMail(context, text, latest.detail ?? '', known);
    }
    if (asksToWithdrawFiled(context, text)) {
        return { kind: 'withdraw' };
    }
    // "welche Nummer hatte das nochmal?", "what was the reference again?": the reference of the request filed.
    if (latest.detail !== undefined && shortFollowUp(text) && containsPhrase(text, phraseList(t, 'changeContact:referenceAgain.heard'))) {
        await context.sendActivity(t('changeContact:referenceAgain.answer', { reference: latest.detail }));
        return { kind: 'answered' };
    }
    const why = asksWhyLong(context, text);
    const restated = !why && !asksHowLong(context, text) && latest.detail !== undefined && (await known.restatesChange?.(text)) === true;
    if (restated) {
        // The request just filed covers what the message says: its reference and who reviews it; another one only for someone else.
        await context.sendActivity(t('changeContact:filedCovers.answer', { reference: latest.detail }));
        return { kind: 'answered', offer: ANOTHER_OR_NOTHING };
    }
    if (!why && !asksHowLong(context, text)) {
        return undefined;
    }
    const reference = latest.detail;
    const userId = profile.identity?.userId;
    if (!reference || !userId) {
        return undefined;
    }
    const request = await known.changeRequests.visibleTo(reference, userId);
    if (!request || request.status !== 'open') {
        await answerStatus(context, known.changeRequests, reference, userId);
        return { kind: 'answered' };
    }
    const newContact = known.changeRequests.newContactText(request);
    if (request.objection) {
        // The billing contact objected: the requester hears it, and that staff decide now (a "why so long" too: this is why).
        const { lang } = turnInfo(context);
        await context.sendActivity(t('requestStatus:howLong.objected', { reference, newContact, name: request.objection.name, date: formatDate(lang, request.objection.at) }));
        return { kind: 'answered' };
    }
    if (why) {
        await context.sendActivity(t('requestStatus:whyLong.answer', { reference, newContact }));
        return { kind: 'answered', offer: STATUS_OR_PERSON };
    }
    await context.sendActivity(t('requestStatus:howLong.answer', { reference, newContact }));
    return { kind: 'answered' };
}

/**
 * After a mail to the billing contact: "how long until she answers?"; "will she see my email address?" (it names the person
 * with their address, and replies go to it); at the menu "ok send it", "ja, abschicken" (`emailAdmin:heard.sendAgain`):
 * it has gone out already, and is not sent twice. `recipients`: the ids the mail went to.
 */
async function answerAboutMail(context: TurnContext, text: string, recipients: string, known: FollowUpContext): Promise<FollowUpOutcome | undefined> {
    const { t, lang, profile } = turnInfo(context);
    if (asksHowLong(context, text)) {
        await context.sendActivity(t('emailAdmin:howLong'));
        return { kind: 'answered' };
    }
    const asksAddress = asksAboutOwnAddress(text, t);
    const sendsAgain = !asksAddress && known.atMenu && shortFollowUp(text) && containsPhrase(text, phraseList(t, 'emailAdmin:heard.sendAgain'));
    const own = asksAddress || sendsAgain ? await known.users.get(profile.identity?.userId ?? '') : undefined;
    if (!own) {
        return undefined;
    }
    if (asksAddress) {
        await context.sendActivity(t('main:sideQuestion.mail-address', { email: own.email }));
        return { kind: 'answered' };
    }
    const names = (await Promise.all(recipients.split(',').map((id) => known.users.get(id)))).flatMap((user) => (user ? [user.name] : []));
    await context.sendActivity(t('emailAdmin:alreadySent', { names: conjunctionList(lang).format(names), email: own.email }));
    return { kind: 'answered' };
}

/** "still no email", "how long until it arrives?", "how long will this take?" after a reset link was asked for. */
async function answerAboutLink(context: TurnContext, text: string, minutes: number): Promise<FollowUpOutcome | undefined> {
    const { t } = turnInfo(context);
    if (mailNotArrived(t, text) || (asksWhyLong(context, text) && portalQuestion(t, text) === undefined)) {
        // Never how long the link holds: the person has no link. What to check, and a new one or a person.
        await context.sendActivity(t('portalReset:notArrived.answer'));
        return { kind: 'answered', offer: turnInfo(context).profile.identity ? RESEND_LINK_OFFER : RESEND_OR_CHECK_OFFER };
    }
    const question = portalQuestion(t, text);
    if (question === 'arrival' && shortFollowUp(text)) {
        await context.sendActivity(t('portalReset:arrival'));
        return { kind: 'answered' };
    }
    if (question === undefined && asksHowLong(context, text)) {
        await context.sendActivity(t('portalReset:howLong', { minutes }));
        return { kind: 'answered' };
    }
    // "how long is the link good for?": the reset's own answers (mainDialog) say it.
    return undefined;
}

/** A login as the portal knows it (`pbrooks`, `mbergmann-billing`, `k.bergmann`): letters or digits first, then those, dots, dashes, underscores. */
const LOGIN_SHAPE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{2,99}$/u;

/**
 * The user ID a correction of the one just used names, as the next message after a reset link was asked for ("no wait, i
 * meant pbrooks", "nein, warte, ich meinte mbergmann-billing, das steht auf der Rechnung", "sorry wrong one, actually make
 * it mbergmann-billing"): one introduced or corrected as such ({@link findIntroducedUserId}), else, in a message with words
 * of a correction (`portalReset:heard.loginCorrection`: "no wait", "I meant", "sorry"), its one address or its one word
 * that has a login's shape and is no word the bot knows, a correction's word (`changeContact:correction`) or made of such
 * words ("Benutzer-ID"), other than `last` (the user ID of the link). Undefined when it names none, more than one, or only
 * `last`.
 */
export function loginInCorrection(text: string, known: KnownWords, t: TFunction, lang: Lang, last: string | undefined): string | undefined {
    const differs = (login: string | undefined): string | undefined => (login !== undefined && login.toLocaleLowerCase() !== last?.toLocaleLowerCase() ? login : undefined);
    const introduced = findIntroducedUserId(text, known, t);
    if (introduced !== undefined || !containsPhrase(text, phraseList(t, 'portalReset:heard.loginCorrection'))) {
        return differs(introduced);
    }
    const addresses = [...new Set(findEmails(text, lang).map((email) => email.toLowerCase()))];
    const words = text.slice(0, 500).split(/\s+/).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
    const correctionWords = new Set([...['starts', 'phrases', 'fillers'].flatMap((list) => phraseList(t, `changeContact:correction.${list}`)), ...phraseList(t, 'portalReset:heard.loginCorrection')].flatMap(wordsOf));
    // "Benutzer-ID", "E-Mail": a word made of words the bot knows is none either.
    const ordinary = (word: string): boolean => word.split(/[._-]+/).every((part) => part === '' || correctionWords.has(part.toLocaleLowerCase()) || known.knowsWord(part));
    const logins = [...new Set(words.filter((word) => !word.includes('@') && LOGIN_SHAPE.test(word) && !/^\p{N}+$/u.test(word) && !ordinary(word)))];
    // "it is pbrooks, not pbrook": the user ID used before is no new one.
    const named = [...addresses, ...logins].filter((login) => differs(login) !== undefined);
    return named.length === 1 ? named[0] : undefined;
}
