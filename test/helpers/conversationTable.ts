import * as assert from 'assert';
import type { Lang } from '../../core/language';
import type { BotHarness } from './botHarness';
import { localeOf, play, type Step } from './script';

/** What a customer cares about once a conversation is over. */
export interface Outcome {
    /** Mails to the billing contact(s) holding the person's words (one per address). */
    readonly mailTo?: { readonly to: readonly string[]; readonly words: RegExp };
    /** Nothing mailed on the person's behalf to this address. */
    readonly noMailTo?: string;
    /** One open change request for this account, for this new contact, filed by this person in this language, with these words as reason. */
    readonly request?: { readonly account: string; readonly newContact: RegExp; readonly requester?: string; readonly lang?: Lang; readonly reason?: RegExp; readonly replaces?: RegExp };
    /** No change request for this account. */
    readonly noRequest?: string;
    /** A portal reset link mailed to this billing contact. */
    readonly resetTo?: string;
    /** No portal reset link mailed to this billing contact. */
    readonly noResetTo?: string;
    /** A callback request for this address, confirmed by one mail in this language (with this note for the team). */
    readonly callback?: { readonly to: string; readonly lang: Lang; readonly note?: RegExp };
    /** The conversation is not handed to customer service. */
    readonly noHandoff?: boolean;
    /** The conversation waits for customer service, described to the agents in these words. */
    readonly handoff?: { readonly description: RegExp };
}

/** A whole conversation in the person's own words: the demo person who signs in, what they type, what must have happened. */
export interface ConversationRow {
    readonly name: string;
    readonly lang: Lang;
    /** Whose code {@link CODE} stands for. */
    readonly email?: string;
    readonly steps: readonly Step[];
    readonly outcome: Outcome;
}

/**
 * Plays a row in a fresh conversation (client locale of its language, or none with `noLocale`) and checks its outcome.
 * With `started` the channel first adds the person, as Web Chat does: the first message answers the welcome's menu.
 */
export async function playRow(harness: BotHarness, row: ConversationRow & { readonly noLocale?: boolean; readonly started?: boolean }): Promise<void> {
    const convo = harness.conversation(row.noLocale ? undefined : localeOf(row.lang));
    if (row.started) {
        await convo.start();
    }
    await play(harness, convo, row.steps, row.email);
    await checkOutcome(harness, row.outcome);
    if (row.outcome.noHandoff) {
        assert.strictEqual(await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`), undefined, 'not handed to customer service');
    }
    if (row.outcome.handoff) {
        const handoff = await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`);
        assert.ok(handoff, 'handed to customer service');
        assert.match(handoff.description ?? '', row.outcome.handoff.description);
        assert.strictEqual(handoff.lang, row.lang, 'in the language of the conversation');
    }
}

async function checkOutcome(harness: BotHarness, outcome: Outcome): Promise<void> {
    for (const to of outcome.mailTo?.to ?? []) {
        const mails = (await harness.mails(to)).filter((m) => m.kind === 'admin-contact');
        assert.strictEqual(mails.length, 1, `one mail to ${to}`);
        assert.match(mails[0].text, outcome.mailTo?.words ?? /./);
    }
    if (outcome.noMailTo) {
        assert.strictEqual((await harness.mails(outcome.noMailTo)).filter((m) => m.kind === 'admin-contact').length, 0, `nothing mailed to ${outcome.noMailTo}`);
    }
    const requests = harness.runtime.services.changeRequests;
    if (outcome.request) {
        const pending = await requests.pendingFor(outcome.request.account);
        assert.strictEqual(pending.length, 1, 'one request filed');
        const [request] = pending;
        assert.match(requests.newContactText(request), outcome.request.newContact);
        if (outcome.request.requester) {
            assert.strictEqual(request.requesterName, outcome.request.requester);
        }
        if (outcome.request.lang) {
            assert.strictEqual(request.requesterLang, outcome.request.lang);
        }
        if (outcome.request.reason) {
            // The reason is filed as a sentence is written, its first letter capitalised; the rows give the customer's words.
            const pattern = outcome.request.reason;
            assert.ok(pattern.test(request.reason) || pattern.test(request.reason.charAt(0).toLocaleLowerCase() + request.reason.slice(1)), `reason "${request.reason}" does not match ${String(pattern)}`);
        }
        if (outcome.request.replaces) {
            assert.match(request.oldContacts.find((c) => c.id === request.replacesContactId)?.name ?? '', outcome.request.replaces);
        }
    }
    if (outcome.noRequest) {
        assert.strictEqual((await requests.pendingFor(outcome.noRequest)).length, 0, 'no request filed');
    }
    if (outcome.callback) {
        const confirmations = (await harness.mails(outcome.callback.to)).filter((m) => m.kind === 'callback-confirmation');
        assert.deepStrictEqual(confirmations.map((m) => m.locale), [outcome.callback.lang], `one callback confirmation to ${outcome.callback.to} in ${outcome.callback.lang}`);
        if (outcome.callback.note) {
            // An agent signs in only now: with one online the person would have been queued instead.
            const callbacks = (await harness.runtime.handoff.desk.snapshot(await harness.agentOnline('erika'))).callbacks;
            assert.match(callbacks.find((one) => one.email === outcome.callback?.to)?.note ?? '', outcome.callback.note);
        }
    }
    if (outcome.resetTo) {
        assert.strictEqual((await harness.mails(outcome.resetTo)).filter((m) => m.kind === 'portal-reset').length, 1, 'one reset link');
    }
    if (outcome.noResetTo) {
        assert.strictEqual((await harness.mails(outcome.noResetTo)).filter((m) => m.kind === 'portal-reset').length, 0, `no reset link to ${outcome.noResetTo}`);
    }
}
