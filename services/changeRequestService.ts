import { Repositories } from '../data/repositories/repositories';
import type { Localizer } from '../language/i18n';
import type { Clock } from '../core/clock';
import { formatDate } from '../core/dates';
import type { Lang } from '../core/language';
import { getLogger } from '../core/logger';
import type { Database } from '../data/database';
import type { Account, User } from '../data/model';
import type { AccountRepository } from '../data/repositories/accountRepository';
import { ChangeRequestRepository, type ChangeRequest, type ChangeRequestStatus, type NewContact } from '../data/repositories/changeRequestRepository';
import type { UserRepository } from '../data/repositories/userRepository';
import { composeMail } from '../mail/compose';
import type { Mailer } from '../mail/mailer';
import { LINKS } from '../core/links';
import { conjunctionList } from '../core/listFormat';

/** What a verified admin asked for in chat. */
export interface ChangeRequestDraft {
    readonly requester: User;
    readonly account: Account;
    readonly newContact: NewContact;
    /** On an account with several billing contacts: whom the new contact replaces (a user id), or `alongside` when added in addition. */
    readonly replaces?: string;
    readonly reason: string;
    readonly lang: Lang;
    readonly channel: string;
    readonly conversationKey: string;
}

/**
 * Outcome of filing a request. `notified` are the current billing contacts told about it; `duplicate`: a request
 * for the very same change is still pending (`request`), so none was filed.
 */
export type SubmitOutcome =
    | { readonly kind: 'filed'; readonly request: ChangeRequest; readonly notified: readonly User[] }
    | { readonly kind: 'rate-limited' }
    | { readonly kind: 'duplicate'; readonly request: ChangeRequest };

/** Outcome of an operator's status change. */
export type UpdateOutcome =
    | { readonly kind: 'updated'; readonly request: ChangeRequest; readonly mailedTo?: string }
    | { readonly kind: 'not-found' }
    | { readonly kind: 'not-allowed'; readonly from: ChangeRequestStatus };

/**
 * Outcome of a billing contact's objection: recorded (with who was mailed),
 * recorded before, or not theirs to object to (their own request, a decided
 * one, one they may not see).
 */
export type ObjectionOutcome =
    | { readonly kind: 'recorded'; readonly request: ChangeRequest; readonly mailedTo: readonly string[]; readonly informed: readonly string[] }
    | { readonly kind: 'already'; readonly request: ChangeRequest }
    | { readonly kind: 'own-request'; readonly request: ChangeRequest }
    | { readonly kind: 'decided'; readonly request: ChangeRequest }
    | { readonly kind: 'not-found' };

/** Which status may follow which: `rejected` and `done` are final. */
export const STATUS_TRANSITIONS: Readonly<Record<ChangeRequestStatus, readonly ChangeRequestStatus[]>> = {
    open: ['approved', 'rejected', 'done'],
    approved: ['done', 'rejected'],
    rejected: [],
    done: []
};

/** `ChangeRequestDraft.replaces` of a new contact added next to the current ones. */
export const ALONGSIDE = 'alongside';

/** The change a request asks for: whom it makes a billing contact of which account, in whose place. */
export type WantedChange = Pick<ChangeRequestDraft, 'newContact' | 'replaces'> & { readonly accountId: string };

/**
 * Whether a filed request asks for the same change as `draft`: the same account, the same new contact (the same
 * member, or the same address of a new person) and the same place (replacing the same contact, added alongside, or
 * on an account with one contact, neither).
 */
export function isSameChange(request: ChangeRequest, draft: WantedChange): boolean {
    if (request.accountId !== draft.accountId) {
        return false;
    }
    const wanted = draft.newContact;
    const filed = request.newContact;
    const samePerson =
        wanted.userId !== undefined || filed.userId !== undefined
            ? wanted.userId === filed.userId
            : wanted.email !== undefined && filed.email !== undefined && wanted.email.trim().toLowerCase() === filed.email.trim().toLowerCase();
    if (!samePerson) {
        return false;
    }
    if (draft.replaces === ALONGSIDE) {
        return request.addedAlongside === true;
    }
    return request.addedAlongside !== true && (request.replacesContactId ?? undefined) === (draft.replaces ?? undefined);
}

/** The pending request of `change`'s account that asks for exactly that change, read through `requests` (in a transaction or not). */
async function pendingSameChangeIn(requests: ChangeRequestRepository, change: WantedChange): Promise<ChangeRequest | undefined> {
    return (await requests.openForAccount(change.accountId)).find((pending) => isSameChange(pending, change));
}

/** Requests one person may file per day. */
const MAX_PER_DAY = 3;

const log = getLogger('services.changeRequest');

/**
 * Changes of billing contact (article §1.3): only account admins may ask; the
 * request gets a reference, every change goes into the audit log, the requester
 * gets a confirmation and each current billing contact a notice (each in their
 * language), and the requester a mail on each status change.
 */
/** The most of the objector's own words quoted in an objection mail. */
const MAX_OBJECTION_WORDS = 500;

export class ChangeRequestService {
    private readonly requests: ChangeRequestRepository;

    public constructor(
        private readonly db: Database,
        private readonly users: UserRepository,
        private readonly accounts: AccountRepository,
        private readonly mailer: Mailer,
        private readonly localizer: Localizer,
        private readonly clock: Clock
    ) {
        this.requests = new ChangeRequestRepository(db);
    }

    /**
     * Files the request and mails the confirmation and the notices. The same
     * `dedupeKey` (conversation + activity) files one request and one set of
     * mails however often the turn is retried.
     */
    public async submit(draft: ChangeRequestDraft, dedupeKey: string): Promise<SubmitOutcome> {
        let request = await this.requests.byDedupeKey(dedupeKey);
        if (!request) {
            const filed = await this.file(draft, dedupeKey);
            if (filed.kind !== 'filed') {
                return filed;
            }
            request = filed.request;
        }
        const notified = (await this.accounts.billingContacts(request.accountId)).filter((c) => c.id !== request.requesterId);
        await this.mailConfirmation(request, draft.requester);
        for (const contact of notified) {
            await this.mailNotice(request, contact);
        }
        return { kind: 'filed', request, notified };
    }

    /**
     * The request if `userId` may see it: its requester, or a current billing
     * contact of its account. Anyone else gets undefined, as for a reference
     * that does not exist.
     */
    public async visibleTo(reference: string, userId: string): Promise<ChangeRequest | undefined> {
        const request = await this.requests.byReference(reference);
        const memberships = await this.users.memberships(userId);
        if (!request) {
            return undefined;
        }
        const isContact = memberships.some((m) => m.account.id === request.accountId && m.isBillingContact);
        return request.requesterId === userId || isContact ? request : undefined;
    }

    /**
     * Requests a current billing contact of the account may object to: not
     * filed by them, not decided, not objected to yet; newest first.
     */
    public async objectableBy(userId: string): Promise<ChangeRequest[]> {
        const contactOf = (await this.users.memberships(userId)).filter((m) => m.isBillingContact).map((m) => m.account.id);
        const requests = await this.requests.forAccounts(contactOf);
        return requests.filter((r) => r.requesterId !== userId && r.objection === undefined && STATUS_TRANSITIONS[r.status].length > 0);
    }

    /**
     * The requests a person filed or that concern an account they are a
     * billing contact of, newest first: what "the status of my request" can mean.
     */
    public async concerning(userId: string, limit: number): Promise<ChangeRequest[]> {
        const contactOf = (await this.users.memberships(userId)).filter((m) => m.isBillingContact).map((m) => m.account.id);
        const byId = new Map<number, ChangeRequest>();
        for (const request of [...(await this.requests.byRequester(userId, limit)), ...(await this.requests.forAccounts(contactOf, limit))]) {
            byId.set(request.id, request);
        }
        return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, limit);
    }

    /**
     * A current billing contact of the request's account objects to it (issue
     * 12): recorded once on the request with an audit entry, and the requester
     * and the account's admins (not the objector) are mailed, each in their
     * language, with the objector's own `words` when given; `informed` names them. Its requester and anyone who may not see it cannot object.
     */
    public async object(reference: string, objectorId: string, words?: string): Promise<ObjectionOutcome> {
        const objector = await this.users.get(objectorId);
        if (!objector) {
            return { kind: 'not-found' };
        }
        const visible = await this.visibleTo(reference, objector.id);
        if (!visible) {
            return { kind: 'not-found' };
        }
        if (visible.requesterId === objector.id) {
            return { kind: 'own-request', request: visible };
        }
        const now = this.clock.now().getTime();
        const outcome = await this.db.transaction(async (tx): Promise<ObjectionOutcome> => {
            const repos = new Repositories(tx, this.clock);
            const current = await repos.changeRequests.byReference(reference);
            if (!current) {
                return { kind: 'not-found' };
            }
            if (current.objection) {
                return { kind: 'already', request: current };
            }
            if (STATUS_TRANSITIONS[current.status].length === 0) {
                return { kind: 'decided', request: current };
            }
            if (!(await repos.changeRequests.recordObjection(current.id, objector, now))) {
                const again = await repos.changeRequests.byReference(reference);
                return { kind: 'already', request: again ?? current };
            }
            await repos.audit.record(`user:${objector.id}`, 'change-request.objected', `request:${current.reference}`, { account: current.accountId, status: current.status });
            const updated = await repos.changeRequests.byReference(reference);
            return { kind: 'recorded', request: updated ?? current, mailedTo: [], informed: [] };
        }, { locks: [`change-request:${reference}`] });
        if (outcome.kind !== 'recorded') {
            return outcome;
        }
        const { request } = outcome;
        const requester = await this.users.get(request.requesterId);
        const admins = await this.accounts.admins(request.accountId);
        const mailedTo: string[] = [];
        const informed: string[] = [];
        if (requester && requester.id !== objector.id) {
            await this.mailObjection(request, requester, request.requesterLang, objector, 'requester', words);
            mailedTo.push(requester.email);
            informed.push(requester.name);
        }
        for (const admin of admins.filter((a) => a.id !== objector.id && a.id !== request.requesterId)) {
            await this.mailObjection(request, admin, admin.locale, objector, 'admin', words);
            mailedTo.push(admin.email);
            informed.push(admin.name);
        }
        return { ...outcome, mailedTo, informed };
    }

    /** The account's pending request ({@link pendingFor}) that asks for exactly the change of `draft`, if any. */
    public async pendingSameChange(change: WantedChange): Promise<ChangeRequest | undefined> {
        return pendingSameChangeIn(this.requests, change);
    }

    /** Requests of the account not decided or not done yet, so a second one for the same change is not filed unawares. */
    public async pendingFor(accountId: string): Promise<ChangeRequest[]> {
        return this.requests.openForAccount(accountId);
    }

    public async list(status?: ChangeRequestStatus): Promise<ChangeRequest[]> {
        return this.requests.list(status);
    }

    /** An operator sets a new status (audited) and the requester is mailed in their language. */
    public async updateStatus(reference: string, status: ChangeRequestStatus, note: string | undefined, actor: string): Promise<UpdateOutcome> {
        const now = this.clock.now().getTime();
        const outcome = await this.db.transaction(async (tx): Promise<UpdateOutcome> => {
            const repos = new Repositories(tx, this.clock);
            const requests = repos.changeRequests;
            const current = await requests.byReference(reference);
            if (!current) {
                return { kind: 'not-found' };
            }
            if (!STATUS_TRANSITIONS[current.status].includes(status) || !(await requests.setStatus(current.id, current.status, status, note ?? null, now))) {
                return { kind: 'not-allowed', from: current.status };
            }
            await repos.audit.record(actor, 'change-request.status-changed', `request:${current.reference}`, { from: current.status, to: status, note: note ?? null });
            const updated = await requests.byReference(reference);
            return updated ? { kind: 'updated', request: updated } : { kind: 'not-found' };
        }, { locks: [`change-request:${reference}`] });
        if (outcome.kind !== 'updated') {
            return outcome;
        }
        const requester = await this.users.get(outcome.request.requesterId);
        if (!requester) {
            log.warn('requester no longer on file; no status mail', { reference });
            return outcome;
        }
        const { request } = outcome;
        const t = this.localizer.t(request.requesterLang);
        const mail = composeMail(t, 'changeRequestStatus', {
            ...this.mailArgs(request.requesterLang, request, requester.name),
            status: t(`changeContact:status.${status}`),
            explanation: t(`changeContact:statusExplanation.${status}`, { newContact: this.newContactText(request) }),
            note: note ? t('mail:changeRequestStatus.note', { note }) : ''
        });
        await this.mailer.queue({ kind: 'change-request-status', to: requester.email, toName: requester.name, locale: request.requesterLang, ...mail });
        return { ...outcome, mailedTo: requester.email };
    }

    /** "Lea Fischer" or "Max Mustermann (max@example.com)". */
    public newContactText(request: Pick<ChangeRequest, 'newContact'>): string {
        const { name, email } = request.newContact;
        return email ? `${name} (${email})` : name;
    }

    /** The mail's line on whom the new contact replaces, when the request says it. */
    private replacesLines(lang: Lang, request: ChangeRequest): string[] {
        const t = this.localizer.t(lang);
        if (request.addedAlongside) {
            return [t('mail:alongsideLine')];
        }
        const replaced = request.oldContacts.find((c) => c.id === request.replacesContactId);
        return replaced ? [t('mail:replacesLine', { name: replaced.name })] : [];
    }

    /**
     * Files the request, unless a request for the very same change is still pending (by anyone) or the requester
     * reached the daily limit: looked for, counted and stored in one transaction.
     */
    private async file(draft: ChangeRequestDraft, dedupeKey: string): Promise<{ readonly kind: 'filed'; readonly request: ChangeRequest } | Exclude<SubmitOutcome, { kind: 'filed' }>> {
        const oldContacts = (await this.accounts.billingContacts(draft.account.id)).map((u) => ({ id: u.id, name: u.name }));
        const now = this.clock.now().getTime();
        return this.db.transaction(async (tx) => {
            const repos = new Repositories(tx, this.clock);
            const requests = repos.changeRequests;
            const same = await pendingSameChangeIn(requests, { ...draft, accountId: draft.account.id });
            if (same) {
                return { kind: 'duplicate', request: same } as const;
            }
            if ((await requests.countByRequesterSince(draft.requester.id, now - 24 * 3600_000)) >= MAX_PER_DAY) {
                return { kind: 'rate-limited' } as const;
            }
            const request = await requests.insert(
                {
                    accountId: draft.account.id,
                    accountName: draft.account.name,
                    requesterId: draft.requester.id,
                    requesterName: draft.requester.name,
                    requesterLang: draft.lang,
                    oldContacts,
                    newContact: draft.newContact,
                    ...replacement(draft.replaces, oldContacts),
                    reason: asWritten(draft.reason),
                    channel: draft.channel,
                    conversationKey: draft.conversationKey,
                    dedupeKey
                },
                now
            );
            await repos.audit.record(`user:${draft.requester.id}`, 'change-request.filed', `request:${request.reference}`, {
                account: draft.account.id,
                oldContacts: oldContacts.map((c) => c.id),
                newContact: draft.newContact.userId ?? 'new-person',
                replaces: draft.replaces ?? null,
                channel: draft.channel
            });
            return { kind: 'filed', request } as const;
        }, { locks: [`change-request:requester:${draft.requester.id}`, `change-request:account:${draft.account.id}`] });
    }

    private async mailConfirmation(request: ChangeRequest, requester: User): Promise<void> {
        await this.mailAbout(request, 'changeRequestConfirmation', requester, request.requesterLang, 'confirmation');
    }

    private async mailNotice(request: ChangeRequest, contact: User): Promise<void> {
        await this.mailAbout(request, 'changeRequestNotice', contact, contact.locale, `notice:${contact.id}`);
    }

    /** Queues a mail about the request, once per request and `purpose` however often the turn runs. */
    private async mailAbout(request: ChangeRequest, template: 'changeRequestConfirmation' | 'changeRequestNotice', recipient: User, lang: Lang, purpose: string): Promise<void> {
        const mail = composeMail(this.localizer.t(lang), template, this.mailArgs(lang, request, recipient.name));
        await this.mailer.queue({
            kind: template === 'changeRequestConfirmation' ? 'change-request-confirmation' : 'change-request-notice',
            to: recipient.email,
            toName: recipient.name,
            locale: lang,
            ...mail,
            conversationKey: request.conversationKey,
            dedupeKey: `change-request:${request.reference}:${purpose}`
        });
    }

    /** Tells the requester or an admin that the current billing contact objected; once per request and recipient. */
    private async mailObjection(request: ChangeRequest, recipient: User, lang: Lang, objector: User, role: 'requester' | 'admin', words: string | undefined): Promise<void> {
        const t = this.localizer.t(lang);
        const said = words?.trim().slice(0, MAX_OBJECTION_WORDS);
        const mail = composeMail(t, 'changeRequestObjection', {
            ...this.mailArgs(lang, request, recipient.name),
            objectorName: objector.name,
            wordsLine: said ? t('mail:changeRequestObjection.words', { words: said }) : '',
            intro: t(`mail:changeRequestObjection.${role}`, { reference: request.reference, accountName: request.accountName, requesterName: request.requesterName, date: formatDate(lang, request.createdAt) })
        });
        await this.mailer.queue({
            kind: 'change-request-objection',
            to: recipient.email,
            toName: recipient.name,
            locale: lang,
            ...mail,
            conversationKey: request.conversationKey,
            dedupeKey: `change-request:${request.reference}:objection:${recipient.id}`
        });
    }

    private mailArgs(lang: Lang, request: ChangeRequest, recipientName: string): Record<string, string> {
        const t = this.localizer.t(lang);
        const list = conjunctionList(lang);
        return {
            name: recipientName,
            reference: request.reference,
            accountName: request.accountName,
            accountId: request.accountId,
            requesterName: request.requesterName,
            newContact: this.newContactText(request),
            oldContactsLine: [
                t('mail:oldContactsLine', {
                    names: request.oldContacts.length > 0 ? list.format(request.oldContacts.map((c) => c.name)) : t('changeContact:nobody'),
                    count: Math.max(1, request.oldContacts.length)
                }),
                ...this.replacesLines(lang, request)
            ].join('\n'),
            reason: request.reason,
            date: formatDate(lang, request.createdAt),
            supportUrl: LINKS.support
        };
    }
}

/** The stored form of `replaces`: a current contact's id, or added alongside; nothing for an id no longer a billing contact. */
function replacement(replaces: string | undefined, oldContacts: readonly { readonly id: string }[]): { replacesContactId?: string; addedAlongside?: boolean } {
    if (replaces === ALONGSIDE) {
        return { addedAlongside: true };
    }
    return replaces !== undefined && oldContacts.some((c) => c.id === replaces) ? { replacesContactId: replaces } : {};
}

/** A reason as a sentence is written ("anna ist in elternzeit" → "Anna ist in elternzeit"): it is read in mails, statuses and the console. */
function asWritten(reason: string): string {
    const text = reason.trim();
    return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
