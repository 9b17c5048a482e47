import type { TFunction } from 'i18next';
import { isTopicIntent } from './topics';
import { isRequest } from '../turn/understand';
import type { IntentRecognizer, Understanding, TopicIntent } from '../language/nlu';
import { opensQuestion, phraseList } from '../language/phraseLists';
import { beginsWith, containsPhrase, phraseOf } from '../core/words';
import { saysChange } from '../language/changeToNamed';
import { UNDERSTANDING_POLICY } from '../language/understandingPolicy';

/**
 * What a question asked in the middle of a task is, when it is no answer to
 * the open question: something outside the bot's field, what a billing
 * contact may do, one of the article's topics, what a change request means for
 * the people on the account, or another request the bot takes up afterwards.
 */
export type SideQuestion =
    | { readonly kind: 'off-topic' }
    | { readonly kind: 'permissions' }
    | { readonly kind: 'topic'; readonly topic: TopicIntent }
    | { readonly kind: 'change-process' }
    | { readonly kind: 'mail-reply' }
    | { readonly kind: 'mail-address' }
    | { readonly kind: 'later' };

/** Where the question is asked: at the reason or summary of a change request, at the message or draft of a mail, or elsewhere. */
export type SideQuestionPlace = 'change' | 'mail' | 'other';

/** Requests that, asked during a change request, ask about the change itself ("bin ich dann kein Abrechnungskontakt mehr?"). */
const CHANGE_FAMILY: ReadonlySet<string> = new Set(['who-is-billing-contact', 'am-i-billing-contact', 'change-billing-contact']);

/** What a question may still be meant as, when the classifier is sure: a command the dialogs take as such. */
const COMMANDS: ReadonlySet<string> = new Set(['cancel', 'start-over', 'switch-language', 'talk-to-human', 'goodbye', 'thanks', 'request-status', 'object-to-request']);

/**
 * True when a message asks the bot something rather than answering: it ends
 * with "?" or begins, after a sound or a pause ("wait,", "moment,";
 * `common:interjections`, `common:sideQuestion.heard.pauses`), with a word of
 * `common:questionStarts`.
 */
export function askedOfTheBot(text: string, t: TFunction): boolean {
    if (text.trim().endsWith('?')) {
        return true;
    }
    const pauses = [...phraseList(t, 'common:interjections'), ...phraseList(t, 'common:sideQuestion.heard.pauses')];
    let said = phraseOf(text);
    for (let cut = true; cut; ) {
        const pause = pauses.find((one) => beginsWith(said, one));
        cut = pause !== undefined;
        said = pause ? said.slice(pause.length + 1) : said;
    }
    return opensQuestion(said, t);
}

/**
 * True for a question how an admin and the billing contact differ ("whats the diff between admin and billing contact",
 * "Unterschied zwischen Admin und Abrechnungskontakt?"): a word of difference and one of admins (`main:roleDifference`), the
 * role named ({@link IntentRecognizer.namesTheRole}), and no wish to change anything. What the billing contact may do answers it.
 */
export function asksHowAdminAndRoleDiffer(text: string, t: TFunction, recognizer: Pick<IntentRecognizer, 'namesTheRole'>): boolean {
    return (
        containsPhrase(text, phraseList(t, 'main:roleDifference.difference')) &&
        containsPhrase(text, phraseList(t, 'main:roleDifference.admin')) &&
        recognizer.namesTheRole(text) &&
        !saysChange(text, t)
    );
}

/**
 * True when a question asks about the person's own address (`common:sideQuestion.heard.ownAddress`: "will she see my email
 * address?", "bekommt er meine Mail-Adresse?") and asks nothing of the recipient ("could you add my address to it?").
 */
export function asksAboutOwnAddress(text: string, t: TFunction): boolean {
    return askedOfTheBot(text, t) && containsPhrase(text, phraseList(t, 'common:sideQuestion.heard.ownAddress')) && !containsPhrase(text, phraseList(t, 'common:sideQuestion.heard.askingSomeone'));
}

/**
 * What a question at a free-text answer or a task's confirm is, or undefined
 * when it may be the answer itself: at a mail's message, a question to the
 * recipient ("could you resend the October invoice?", `common:sideQuestion.heard.askingSomeone`)
 * is the message, and so is any question the bot has no answer for; one about
 * when the recipient answers (`common:sideQuestion.heard.mailReply`) or whether they see the person's address
 * ({@link asksAboutOwnAddress}) is answered.
 * `atConfirm`: asked at a yes/no confirm, where another request is taken up
 * by the dialogs instead of waiting.
 */
export function sideQuestion(
    text: string,
    understood: Understanding | undefined,
    place: SideQuestionPlace,
    atConfirm: boolean,
    t: TFunction,
    recognizer: Pick<IntentRecognizer, 'namesTheRole'>
): SideQuestion | undefined {
    if (!askedOfTheBot(text, t)) {
        return undefined;
    }
    // "how long until she answers?", "wann meldet sie sich?" at the mail's text: when the reply comes, not words for the mail.
    if (place === 'mail' && containsPhrase(text, phraseList(t, 'common:sideQuestion.heard.mailReply'))) {
        return { kind: 'mail-reply' };
    }
    // "will she see my email address?", "sieht sie meine E-Mail-Adresse?": what the mail shows of the person, not words for it.
    if (place === 'mail' && asksAboutOwnAddress(text, t)) {
        return { kind: 'mail-address' };
    }
    if (understood?.intent === 'out-of-scope' && understood.score >= UNDERSTANDING_POLICY.understood) {
        return { kind: 'off-topic' };
    }
    if (containsPhrase(text, phraseList(t, 'common:sideQuestion.heard.permissions')) || asksHowAdminAndRoleDiffer(text, t, recognizer)) {
        return { kind: 'permissions' };
    }
    if (place === 'mail' && containsPhrase(text, phraseList(t, 'common:sideQuestion.heard.askingSomeone'))) {
        return undefined;
    }
    const sure = understood !== undefined && understood.score >= UNDERSTANDING_POLICY.interrupt;
    if (sure && isTopicIntent(understood.intent)) {
        return { kind: 'topic', topic: understood.intent };
    }
    if (sure && COMMANDS.has(understood.intent)) {
        // "abbrechen?", "can I talk to someone?": the command is taken as such.
        return undefined;
    }
    if (sure && isRequest(understood.intent) && !(place === 'change' && CHANGE_FAMILY.has(understood.intent)) && understood.intent !== 'email-billing-admin') {
        // At a confirm the other request is taken up instead (nothing typed is lost); at a free-text answer it waits.
        return atConfirm ? undefined : { kind: 'later' };
    }
    // During a change request every other question asks what it means ("was passiert dann mit mir?", "will I lose access?").
    return place === 'change' ? { kind: 'change-process' } : undefined;
}
