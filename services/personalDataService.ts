import type { Clock } from '../core/clock';
import type { SecretBox } from '../core/secrets';
import type { Database, Queryable } from '../data/database';
import type { CallbackRequest, Handoff, HandoffMessage } from '../data/handoffModel';
import { normalizeEmail, type User } from '../data/model';
import { AuditLog } from '../data/repositories/auditLog';
import { CallbackRepository } from '../data/repositories/callbackRepository';
import { ChangeRequestRepository, type ChangeRequest } from '../data/repositories/changeRequestRepository';
import { HandoffRepository } from '../data/repositories/handoffRepository';
import { PersonalDataRepository, type AuditFacts, type CodeFacts, type ConversationLine, type MailFacts, type PortalLoginFacts, type ResetLinkFacts } from '../data/repositories/personalDataRepository';
import { OWN_ROWS, SHARED_ROWS, stateKeyOf, type OwnTable, type PersonKeys, type SharedRows } from '../data/repositories/personScope';
import { UserRepository } from '../data/repositories/userRepository';
import { SECRET_PLACEHOLDER } from '../mail/mailer';
import { portalLoginHash } from '../portal/embeddedBillingPortal';
import { resetTargetHash } from './portalResetService';
import { emailTargetHash } from './verificationService';

/** How a person appears in a change request. */
export type ChangeRequestRole = 'requester' | 'new-contact' | 'old-contact';

/** One conversation of the person, with everything said and kept in it. */
export interface ConversationExport {
    readonly conversationKey: string;
    /** What the bot keeps about the conversation (language, verified identity, actions), if still stored. */
    readonly profile: unknown;
    readonly transcript: ConversationLine[];
    readonly directLine: ConversationLine[];
    readonly handoffs: Array<Handoff & { readonly messages: HandoffMessage[] }>;
    /** Masked texts the support team's insights keep (not understood, rating comments). */
    readonly insightTexts: ReadonlyArray<{ readonly kind: string; readonly text: string; readonly at: number }>;
}

/** Everything stored about a person. Secrets, codes, tokens and password hashes are never part of it, only that they exist and when. */
export interface PersonalDataExport {
    readonly email: string;
    readonly exportedAt: number;
    readonly directoryUser: (User & { readonly memberships: unknown[]; readonly portalLogin: PortalLoginFacts | null }) | null;
    readonly changeRequests: Array<ChangeRequest & { readonly roles: ChangeRequestRole[] }>;
    readonly verificationCodes: CodeFacts[];
    readonly portalResets: { readonly askedInChat: Array<{ conversationKey: string; createdAt: number }>; readonly resetLinks: ResetLinkFacts[] };
    readonly callbackRequests: CallbackRequest[];
    readonly conversations: ConversationExport[];
    readonly mails: MailFacts[];
    readonly auditLog: Array<Omit<AuditFacts, 'details'> & { readonly details: unknown }>;
}

/** Rows an erasure deletes and rows it takes the person out of, per table. */
export interface ErasureCounts {
    readonly deleted: Partial<Record<OwnTable, number>>;
    readonly anonymised: Partial<Record<SharedRows, number>>;
}

/** What an erasure did, or would do (`planned`), or why it did not. */
export type ErasureOutcome =
    | { readonly kind: 'unknown' }
    | { readonly kind: 'sole-billing-contact'; readonly user: User; readonly accounts: ReadonlyArray<{ readonly id: string; readonly name: string }> }
    | { readonly kind: 'open-handoff'; readonly handoffs: readonly number[] }
    | { readonly kind: 'erased' | 'planned'; readonly user?: User; readonly marker: string; readonly counts: ErasureCounts };

/** Thrown inside the transaction of a dry run, so every change of it is rolled back. */
class DryRun extends Error {
    public constructor(public readonly outcome: ErasureOutcome) {
        super('dry run');
    }
}

/**
 * Exports and erases a person's data (DESIGN §4), found by email address:
 * as a directory user, and wherever the address alone was stored. Erasure
 * deletes what is only theirs and takes them out of records others keep,
 * in one transaction; a dry run does the same and rolls it back.
 */
export class PersonalDataService {
    public constructor(private readonly db: Database, private readonly secrets: SecretBox, private readonly clock: Clock) {}

    /** The pseudonym that stands for the person in records that stay (keyed hash of the address, never the address). */
    public markerFor(email: string): string {
        return `person:${this.secrets.hash(`person:${normalizeEmail(email)}`).slice(0, 16)}`;
    }

    /** Everything stored about the person, or undefined when nothing is. Records the export in the audit log. */
    public async export(email: string, actor: string): Promise<PersonalDataExport | undefined> {
        const { keys, user } = await this.keysFor(this.db, email);
        const data = new PersonalDataRepository(this.db);
        const requests = new ChangeRequestRepository(this.db);
        const handoffs = new HandoffRepository(this.db);
        const callbacks = new CallbackRepository(this.db);
        const users = new UserRepository(this.db);
        const changeRequests = await Promise.all((await data.changeRequestReferences(keys)).map(async (reference) => requests.byReference(reference)));
        const lines = await data.conversationLines(keys);
        const insightTexts = await data.insightTexts(keys);
        const profiles = new Map((await data.conversationProfiles(keys)).map((p) => [p.key, p.profile]));
        const allHandoffs = await Promise.all((await data.handoffIds(keys)).map(async (id) => handoffs.get(id)));
        const document: PersonalDataExport = {
            email: keys.email,
            exportedAt: this.clock.now().getTime(),
            directoryUser: user ? { ...user, memberships: await users.memberships(user.id), portalLogin: (await data.portalLogin(user.id)) ?? null } : null,
            changeRequests: changeRequests.flatMap((request) => (request ? [{ ...request, roles: rolesIn(request, keys) }] : [])),
            verificationCodes: await data.codes(keys),
            portalResets: { askedInChat: await data.resetRequests(keys), resetLinks: await data.resetLinks(keys) },
            callbackRequests: (await Promise.all((await data.callbackIds(keys)).map(async (id) => callbacks.get(id)))).flatMap((c) => (c ? [c] : [])),
            conversations: await Promise.all(
                keys.conversations.map(async (conversationKey) => ({
                    conversationKey,
                    profile: profiles.get(stateKeyOf(conversationKey)) ?? null,
                    transcript: lines.transcripts.filter((line) => line.conversationKey === conversationKey),
                    directLine: lines.directLine.filter((line) => line.conversationKey === conversationKey),
                    insightTexts: insightTexts.filter((text) => text.conversationKey === conversationKey).map(({ kind, text, at }) => ({ kind, text, at })),
                    handoffs: await Promise.all(
                        allHandoffs.flatMap((h) => (h && h.conversationKey === conversationKey ? [h] : [])).map(async (h) => ({ ...h, messages: await handoffs.messages(h.id) }))
                    )
                }))
            ),
            mails: (await data.mails(keys)).map((mail) => ({ ...mail, body: mail.body.split(SECRET_PLACEHOLDER).join('[secret left out]') })),
            auditLog: (await data.audit(keys)).map((entry) => ({ ...entry, details: entry.details === null ? null : (JSON.parse(entry.details) as unknown) }))
        };
        if (!holdsAnything(document)) {
            return undefined;
        }
        await new AuditLog(this.db, this.clock).record(actor, 'person.exported', keys.marker);
        return document;
    }

    /**
     * Erases the person's data in one transaction (with `apply`), or works out
     * what it would erase and changes nothing (without). Refuses while the
     * person is an account's only billing contact, or talks with an agent.
     */
    public async erase(email: string, actor: string, apply: boolean): Promise<ErasureOutcome> {
        try {
            return await this.db.transaction(async (tx) => {
                const outcome = await this.eraseIn(tx, email, actor);
                if (!apply || outcome.kind !== 'erased') {
                    throw new DryRun(outcome.kind === 'erased' ? { ...outcome, kind: 'planned' } : outcome);
                }
                return outcome;
            });
        } catch (err) {
            if (err instanceof DryRun) {
                return err.outcome;
            }
            throw err;
        }
    }

    private async eraseIn(tx: Queryable, email: string, actor: string): Promise<ErasureOutcome> {
        const { keys, user } = await this.keysFor(tx, email);
        const data = new PersonalDataRepository(tx);
        if (user) {
            const accounts = await data.soleBillingContactOf(user.id);
            if (accounts.length > 0) {
                return { kind: 'sole-billing-contact', user, accounts };
            }
        }
        const open = await data.openHandoffs(keys);
        if (open.length > 0) {
            return { kind: 'open-handoff', handoffs: open };
        }
        const anonymised: Partial<Record<SharedRows, number>> = {};
        for (const rows of Object.keys(SHARED_ROWS) as SharedRows[]) {
            anonymised[rows] = await data.anonymise(rows, keys);
        }
        const deleted: Partial<Record<OwnTable, number>> = {};
        for (const table of Object.keys(OWN_ROWS) as OwnTable[]) {
            deleted[table] = await data.deleteOwn(table, keys);
        }
        const counts = { deleted: nonZero(deleted), anonymised: nonZero(anonymised) };
        if (Object.keys(counts.deleted).length === 0 && Object.keys(counts.anonymised).length === 0) {
            return { kind: 'unknown' };
        }
        await new AuditLog(tx, this.clock).record(actor, 'person.erased', keys.marker, { ...counts, directoryUser: user !== undefined });
        return { kind: 'erased', user, marker: keys.marker, counts };
    }

    /** How the person is found in every table: their directory entry, keyed hashes, and conversations. */
    private async keysFor(q: Queryable, email: string): Promise<{ keys: PersonKeys; user?: User }> {
        const users = new UserRepository(q);
        const user = await users.findByEmail(email);
        const login = user && (await users.portalLogin(user.id));
        const normalized = normalizeEmail(email);
        const keys: PersonKeys = {
            email: normalized,
            userId: user?.id ?? null,
            emailTarget: emailTargetHash(this.secrets, normalized),
            resetTarget: login ? resetTargetHash(this.secrets, login.login) : null,
            loginHash: login ? portalLoginHash(this.secrets, login.login) : null,
            conversations: await new PersonalDataRepository(q).conversationsOf(user?.id ?? null, normalized),
            marker: this.markerFor(normalized)
        };
        return { keys, user };
    }
}

/** The person's parts in a change request. */
function rolesIn(request: ChangeRequest, keys: PersonKeys): ChangeRequestRole[] {
    const roles: ChangeRequestRole[] = [];
    if (keys.userId !== null && request.requesterId === keys.userId) {
        roles.push('requester');
    }
    if ((keys.userId !== null && request.newContact.userId === keys.userId) || (request.newContact.email !== undefined && normalizeEmail(request.newContact.email) === keys.email)) {
        roles.push('new-contact');
    }
    if (keys.userId !== null && request.oldContacts.some((c) => c.id === keys.userId)) {
        roles.push('old-contact');
    }
    return roles;
}

/** Whether anything is stored about the person; audit entries alone (their pseudonym after an erasure) are not them. */
function holdsAnything(document: PersonalDataExport): boolean {
    const { directoryUser, portalResets, auditLog: _audit, email: _email, exportedAt: _at, ...lists } = document;
    return directoryUser !== null || portalResets.askedInChat.length > 0 || portalResets.resetLinks.length > 0 || Object.values(lists).some((list) => list.length > 0);
}

function nonZero<K extends string>(counts: Partial<Record<K, number>>): Partial<Record<K, number>> {
    return Object.fromEntries(Object.entries(counts).filter(([, n]) => typeof n === 'number' && n > 0)) as Partial<Record<K, number>>;
}
