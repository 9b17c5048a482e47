import type { TurnContext } from 'botbuilder';
import { noteInsight } from '../services/insights/insightsRecorder';
import { TOPIC_INTENTS, type Intent, type TopicIntent } from '../language/nlu';
import { didAction, emailedAll, turnInfo } from '../turn/turn';
import { LINKS } from '../core/links';
import { offerNext, type ActionIntent } from './actions';
import type { PromptButton } from './prompts/localizedPrompt';
import type { FollowUp, TaskResult } from './types';
import type { BillingRoleAnswer } from '../services/billingRoleService';
import { conjunctionList } from '../core/listFormat';
import { withAddLicenses } from './addLicenses';

/**
 * The related topics of the help article (DESIGN §1.6), in its order: nine
 * answered here, and "How do I change the billing contact?", which is the
 * change-request flow itself.
 */
export const MORE_TOPICS: readonly Intent[] = [...TOPIC_INTENTS, 'change-billing-contact'];

/** What an answer offers next (besides more topics): the question (`topics:offer.*`) and its buttons. */
interface NextSteps {
    readonly offer: 'checkOrService' | 'checkOrChange' | 'check' | 'checkOrReset' | 'checkRole';
    readonly intents: readonly ActionIntent[];
}

const CHECK_OR_SERVICE: NextSteps = { offer: 'checkOrService', intents: ['am-i-billing-contact', 'talk-to-human'] };
const CHECK_OR_RESET: NextSteps = { offer: 'checkOrReset', intents: ['am-i-billing-contact', 'portal-password-reset'] };
const CHECK_ROLE: NextSteps = { offer: 'checkRole', intents: ['am-i-billing-contact'] };

const NEXT_STEPS: Readonly<Record<TopicIntent, NextSteps>> = {
    'topic-payment-invoicing': CHECK_OR_SERVICE,
    'topic-change-plan': { offer: 'checkOrChange', intents: ['am-i-billing-contact', 'change-billing-contact'] },
    'topic-payment-method': CHECK_OR_SERVICE,
    'topic-invoice-history': CHECK_OR_RESET,
    'topic-reactivate-plan': CHECK_OR_SERVICE,
    'topic-sign-in-billing': CHECK_OR_RESET,
    'topic-online-vs-corporate': { offer: 'check', intents: ['am-i-billing-contact'] },
    'topic-why-not-online': CHECK_OR_SERVICE,
    'topic-pay-online-portal': CHECK_OR_RESET
};

/** Topics whose answer for a corporate billing contact ends with the portal password: a reset link is offered, or the one just sent named. */
const PORTAL_SIGN_IN: ReadonlySet<TopicIntent> = new Set(['topic-pay-online-portal', 'topic-sign-in-billing']);

/** True for the nine answered related topics. */
export function isTopicIntent(intent: Intent): intent is TopicIntent {
    return (TOPIC_INTENTS as readonly string[]).includes(intent);
}

/** The "more topics" menu: one button per related topic, titled as in the article. */
export function moreTopicsMenu(): TaskResult {
    const buttons: PromptButton[] = MORE_TOPICS.map((intent) => ({ value: intent, label: `topics:title.${intent}` }));
    const followUp: FollowUp = { text: { key: 'topics:menu' }, buttons };
    return { followUp };
}

/**
 * Answers a related topic with the article's links, and offers where to go
 * next. For a verified person whose account is `known`, the answer is the one
 * for them (`topics:verified.<topic>.<case>`): their account by name and type,
 * their role, and for anyone who is not a billing contact the names of those
 * who are; no "if your account is …" and no offer to check what was checked.
 */
export async function answerTopic(context: TurnContext, topic: TopicIntent, known?: BillingRoleAnswer): Promise<TaskResult> {
    const { t, lang } = turnInfo(context);
    noteInsight(context, 'task-started', 'topic');
    noteInsight(context, 'task-completed', 'topic');
    const links = { supportUrl: LINKS.support, adminCenterUrl: LINKS.adminCenter, myAccountUrl: LINKS.myAccount };
    const contacts = known?.otherBillingContacts ?? [];
    const isContact = known?.case === 'a' || known?.case === 'c';
    if (!known || (!isContact && contacts.length === 0)) {
        await context.sendActivity(withAddLicenses(context, `topics:answer.${topic}`, links, 'topics:addLicenses'));
        // A reset link sent in this conversation is not offered again: only the check is.
        const next = NEXT_STEPS[topic] === CHECK_OR_RESET && didAction(context, 'portal-reset-requested') ? CHECK_ROLE : NEXT_STEPS[topic];
        return offerNext({ key: `topics:offer.${next.offer}` }, [...next.intents, 'more-topics', 'thanks'], { askedFirst: true });
    }
    const names = conjunctionList(lang).format(contacts.map((user) => user.name));
    const whom = t('topics:contacts', { names, count: contacts.length });
    const answer = t(`topics:verified.${topic}.${known.case}`, { ...links, account: known.account.name, contacts: whom });
    // A reset link sent in this conversation is named, not offered again.
    const linkSent = didAction(context, 'portal-reset-requested');
    const tail = known.case === 'c' && PORTAL_SIGN_IN.has(topic) ? ` ${t(linkSent ? 'topics:resetTail.sent' : 'topics:resetTail.offer')}` : '';
    await context.sendActivity(`${answer}${tail}`);
    if (isContact) {
        return offerNext({ key: 'main:anythingElse' }, known.case === 'c' && !linkSent ? ['portal-password-reset', 'more-topics', 'thanks'] : ['more-topics', 'thanks']);
    }
    const contactNames = contacts.map((user) => user.name);
    if (emailedAll(context, contacts.map((user) => user.id))) {
        // Mailed in this conversation already: said so, and a person offered instead of the same mail again.
        return offerNext({ key: 'topics:offer.serviceAfterMail', args: { names: contactNames } }, ['talk-to-human', 'more-topics', 'thanks'], { askedFirst: true });
    }
    return offerNext({ key: 'topics:offer.emailOrService', args: { names: contactNames } }, ['email-billing-admin', 'talk-to-human', 'more-topics', 'thanks'], { askedFirst: true });
}
