import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Lang } from '../core/language';
import type { Understanding } from '../language/nlu';

/** A person proven to own an email on file, and the account they chose. */
export interface VerifiedIdentity {
    readonly userId: string;
    readonly accountId?: string;
    readonly method: 'email-code' | 'teams';
    readonly verifiedAt: number;
    /** The person's last message while verified (epoch ms); idle longer than allowed means verifying again. */
    readonly lastActiveAt?: number;
    /** An admin of some account, as read when the account was chosen: the menu offers the change of billing contact only then. */
    readonly admin?: boolean;
}

/** How long a verification holds: idle (no message) and in all. */
export interface IdentityLifetime {
    readonly idleMs: number;
    readonly maxMs: number;
}

/** 30 minutes idle, 8 hours in all (the defaults of VERIFICATION_IDLE_MINUTES and VERIFICATION_MAX_HOURS). */
export const DEFAULT_IDENTITY_LIFETIME: IdentityLifetime = { idleMs: 30 * 60_000, maxMs: 8 * 3600_000 };

/** Something the bot did for the person; shown to agents as context. */
export interface BotAction {
    readonly at: number;
    readonly kind: string;
    readonly detail?: string;
}

/** How the conversation's language was decided. */
export type LangSource = 'locale' | 'text' | 'switch' | 'default';

/** What the bot keeps about a conversation (in conversation state, so it survives restarts). */
export interface ConversationProfile {
    lang?: Lang;
    langSource?: LangSource;
    welcomed?: boolean;
    identity?: VerifiedIdentity;
    /** A verification ran out: the next identification says why it asks again. */
    reverify?: boolean;
    /**
     * Set on a conversation's first turn, cleared when it asks for a one-time
     * code: while set, none of its codes can have failed, so whether it is
     * locked need not be read (issue 16). A profile saved without it reads
     * the lock as before; sending a code checks the lock anyway.
     */
    noCodeYet?: boolean;
    /** Request references asked about during a verification, answered as soon as it succeeds. */
    pendingReferences?: string[];
    actions?: BotAction[];
    /** Billing-role answers given (`case:accountId`): the long paragraph is said once, then a short reference. */
    answered?: string[];
    /** Long paragraphs said in full in this conversation (`add-licenses`): later only a short reference. */
    said?: string[];
    /** What the person typed at a question that could not use it ("peter is retiring" at the offer): a later task reads its details. */
    told?: string[];
    /**
     * A change request declined at its summary ("Nein"), in the change dialog's own shape: kept for the next message only,
     * which may take the no back ("Doch, stellen Sie den Antrag"): then the summary is shown again.
     */
    declinedChange?: unknown;
    /**
     * The mail to the billing contacts just sent: its words, to whom, for which account. Kept for the next message only,
     * which may correct it ("no wait, make it 3"): the mail has gone, a correction is offered.
     */
    sentMail?: { readonly message: string; readonly recipientIds: readonly string[]; readonly accountId: string };
    /**
     * The mail to the billing contacts declined at "Shall I send it?" with a bare no: its words, to whom (none named: all),
     * whether marked urgent. Kept for the next message only, which may take the no back ("ok send it then"): the draft again.
     */
    declinedMail?: { readonly message: string; readonly recipientIds?: readonly string[]; readonly urgent?: boolean; readonly accountId: string };
    /** The rating at the end (issue 17): asked once, then a comment may follow, then done for good. */
    rating?: 'asked' | 'comment-up' | 'comment-down' | 'done';
    /** The rating was asked after an agent handed back: the conversation goes on, so its last lines say no goodbye. */
    ratingAfterAgent?: boolean;
}

/** The per-turn view dialogs work with. */
export interface TurnInfo {
    /** `channelId:conversationId`, the key for locks, codes and rate limits. */
    readonly conversationKey: string;
    readonly profile: ConversationProfile;
    lang: Lang;
    t: TFunction;
    /** The turn's text understood once, shared by the interruption check and the dialogs. */
    understanding?: Understanding;
}

const TURN_INFO = Symbol('billingAssistant.turnInfo');
const LANG_SWITCHER = Symbol('billingAssistant.langSwitcher');

/** Attaches the turn view (done once per turn by the bot). */
export function setTurnInfo(context: TurnContext, info: TurnInfo, switcher: (lang: Lang) => TFunction): void {
    context.turnState.set(TURN_INFO, info);
    context.turnState.set(LANG_SWITCHER, switcher);
}

/** The turn view, or undefined before the bot prepared the turn. */
export function findTurnInfo(context: TurnContext): TurnInfo | undefined {
    return context.turnState.get(TURN_INFO) as TurnInfo | undefined;
}

/** The turn view. @throws when the bot did not set it up (a dialog run outside the bot). */
export function turnInfo(context: TurnContext): TurnInfo {
    const info = context.turnState.get(TURN_INFO) as TurnInfo | undefined;
    if (!info) {
        throw new Error('turnInfo(): the turn was not prepared by BillingBot');
    }
    return info;
}

/** Switches the conversation's language from now on, this turn included. */
export function switchLanguage(context: TurnContext, lang: Lang, source: LangSource): void {
    const info = turnInfo(context);
    const switcher = context.turnState.get(LANG_SWITCHER) as (lang: Lang) => TFunction;
    info.lang = lang;
    info.t = switcher(lang);
    info.profile.lang = lang;
    info.profile.langSource = source;
    info.understanding = undefined;
}

/**
 * The one place that decides a change of language the person asked for (the
 * page's language switch, "English please", "auf Deutsch"): to the language
 * asked for, or to the other one when none was named. When it changes, says
 * so in the new language and returns true; false when the conversation is
 * already held in it (what to say then is the caller's).
 */
export async function changeLanguageOnRequest(context: TurnContext, asked: Lang | undefined): Promise<boolean> {
    const current = turnInfo(context).lang;
    const target = asked ?? (current === 'de' ? 'en' : 'de');
    if (target === current) {
        return false;
    }
    switchLanguage(context, target, 'switch');
    await context.sendActivity(turnInfo(context).t('common:languageSwitched'));
    return true;
}

/**
 * This turn's dialogs read `rest` instead of the whole message ("call me Tom, who is our billing contact?" → "who is our
 * billing contact?"); the transcript has the whole message already, and the message is understood anew.
 */
export function readOnWith(context: TurnContext, rest: string): void {
    context.activity.text = rest;
    turnInfo(context).understanding = undefined;
}

/** Noted when the language stage took a request for a language from this turn's message ("Hallo, English please"). */
export const LANGUAGE_TAKEN = 'language-taken';

/**
 * Answers a request for a language in words: switches, or says that language
 * is spoken already, unless the language stage took this very request (the
 * conversation is in it because of this message: one reply, not "we are
 * already speaking English" after "let's continue in English").
 */
export async function answerLanguageRequest(context: TurnContext, asked: Lang | undefined): Promise<void> {
    // "can we continue in german? my english is not so good": the language stage took this message's request; a language
    // named again in the rest (one's own English) asks for no second switch.
    if (saidThisTurn(context, LANGUAGE_TAKEN)) {
        return;
    }
    if (!(await changeLanguageOnRequest(context, asked))) {
        await context.sendActivity(turnInfo(context).t('common:languageAlready'));
    }
}

/** Records an action for the agents' context, keeping the last 50. */
export function recordAction(context: TurnContext, kind: string, detail?: string): void {
    const { profile } = turnInfo(context);
    const actions = profile.actions ?? [];
    actions.push({ at: Date.now(), kind, detail });
    profile.actions = actions.slice(-50);
}

/** True when the bot did `kind` in this conversation (see {@link recordAction}): "a reset link was just sent". */
export function didAction(context: TurnContext, kind: string): boolean {
    return (turnInfo(context).profile.actions ?? []).some((action) => action.kind === kind);
}

/** Messages kept in {@link ConversationProfile.told}, and the longest part of each kept. */
const MAX_TOLD = 3;
const MAX_TOLD_LENGTH = 500;

/** Keeps what the person typed at a question that could not use it, for a later task to read (a reason, a new contact's name and address). */
export function noteTold(context: TurnContext, text: string): void {
    const { profile } = turnInfo(context);
    const kept = text.trim().slice(0, MAX_TOLD_LENGTH);
    if (kept !== '') {
        profile.told = [...(profile.told ?? []), kept].slice(-MAX_TOLD);
    }
}

/** What {@link noteTold} kept, handed over once: a task that read it does not read it again. */
export function takeTold(context: TurnContext): string[] {
    const { profile } = turnInfo(context);
    const told = profile.told ?? [];
    profile.told = undefined;
    return told;
}

/**
 * True when the bot mailed every one of `ids` on the person's behalf in this
 * conversation (`emailed-billing-admin`): what was just done is not offered again.
 */
export function emailedAll(context: TurnContext, ids: readonly string[]): boolean {
    const mailed = new Set((turnInfo(context).profile.actions ?? []).filter((action) => action.kind === 'emailed-billing-admin').flatMap((action) => (action.detail ?? '').split(',')));
    return ids.length > 0 && ids.every((id) => mailed.has(id));
}

/**
 * Applies the verification's lifetime at a message from the person: an
 * identity idle or held longer than allowed is forgotten (and `reverify`
 * set), a valid one is marked active now.
 * @returns true when an identity was just forgotten.
 */
export function expireIdentity(profile: ConversationProfile, now: number, lifetime: IdentityLifetime): boolean {
    const identity = profile.identity;
    if (!identity) {
        return false;
    }
    const lastActive = identity.lastActiveAt ?? identity.verifiedAt;
    if (now - identity.verifiedAt >= lifetime.maxMs || now - lastActive >= lifetime.idleMs) {
        profile.identity = undefined;
        profile.reverify = true;
        return true;
    }
    profile.identity = { ...identity, lastActiveAt: now };
    return false;
}

const SAID_THIS_TURN = Symbol('billingAssistant.saidThisTurn');

/** Notes that the bot said what `key` stands for in this turn (a long answer, a lead-in), so the turn does not say it twice. */
export function noteSaidThisTurn(context: TurnContext, key: string): void {
    const said = (context.turnState.get(SAID_THIS_TURN) as Set<string> | undefined) ?? new Set<string>();
    said.add(key);
    context.turnState.set(SAID_THIS_TURN, said);
}

/** True when {@link noteSaidThisTurn} noted `key` in this turn: the answer is right above, a reference back would only repeat it. */
export function saidThisTurn(context: TurnContext, key: string): boolean {
    return (context.turnState.get(SAID_THIS_TURN) as Set<string> | undefined)?.has(key) === true;
}

/** The detail of the conversation's last action when it is of `kind` (nothing else done since); undefined otherwise. */
export function lastActionOf(context: TurnContext, kind: string): string | undefined {
    const last = turnInfo(context).profile.actions?.at(-1);
    return last?.kind === kind ? (last.detail ?? '') : undefined;
}

/** The detail of the latest `kind` action in this conversation (the user ID a reset link was asked for). */
export function lastActionDetail(context: TurnContext, kind: string): string | undefined {
    return [...(turnInfo(context).profile.actions ?? [])].reverse().find((action) => action.kind === kind)?.detail;
}
