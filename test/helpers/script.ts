import * as assert from 'assert';
import type { Lang } from '../../core/language';
import { joined, type BotHarness, type Conversation, type Reply } from './botHarness';

/** Stands for "the code from the newest verification mail to `email`". */
export const CODE = Symbol('code');

/** One row of a conversation table: what the person says, and what the bot's replies must (not) contain. */
export interface Step {
    readonly say: string | typeof CODE;
    readonly expect?: readonly RegExp[];
    readonly absent?: readonly RegExp[];
    /** Buttons that must be offered in this turn. */
    readonly buttons?: readonly string[];
    /** Buttons that must not be offered in this turn. */
    readonly noButtons?: readonly string[];
    /** How many messages the bot sends in this turn. */
    readonly messages?: number;
}

/**
 * Plays a conversation table against the bot and checks every turn. `email`
 * is whose code {@link CODE} stands for. Returns all replies, per turn.
 */
export async function play(harness: BotHarness, convo: Conversation, steps: readonly Step[], email?: string): Promise<Reply[][]> {
    const turns: Reply[][] = [];
    for (const [index, step] of steps.entries()) {
        const text = step.say === CODE ? await harness.latestCode(requireEmail(email)) : step.say;
        const replies = await convo.say(text);
        turns.push(replies);
        const all = joined(replies);
        const where = `turn ${index + 1} ("${text}") answered:\n${all}\n`;
        for (const pattern of step.expect ?? []) {
            assert.match(all, pattern, where);
        }
        for (const pattern of step.absent ?? []) {
            assert.doesNotMatch(all, pattern, where);
        }
        const buttons = replies.flatMap((r) => r.buttons);
        for (const button of step.buttons ?? []) {
            assert.ok(buttons.includes(button), `${where}expected button "${button}" among [${buttons.join(' | ')}]`);
        }
        for (const button of step.noButtons ?? []) {
            assert.ok(!buttons.includes(button), `${where}button "${button}" must not be offered`);
        }
        if (step.messages !== undefined) {
            assert.strictEqual(replies.length, step.messages, `${where}expected ${step.messages} message(s)`);
        }
    }
    return turns;
}

function requireEmail(email: string | undefined): string {
    if (!email) {
        throw new Error('play(): a CODE step needs the email whose code to use');
    }
    return email;
}

/** The client locale used for a language in tests. */
export function localeOf(lang: Lang): string {
    return lang === 'de' ? 'de-DE' : 'en-US';
}
