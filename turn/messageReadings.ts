import type { TFunction } from 'i18next';
import { BoundedMemo } from '../core/boundedMemo';
import type { Lang } from '../core/language';
import type { IntentRecognizer, Understanding } from '../language/nlu';

/**
 * Readings kept per recognizer and language: the messages many people send
 * alike ("ja", "Yes, email them for me", "Wer ist mein Abrechnungskontakt?")
 * and those of the turns running at once. A new message beyond the bound
 * drops the one read longest ago.
 */
export const READINGS_KEPT = 1024;

/** Longer messages are read each time (a message may hold up to 20,000 characters). */
export const READING_MAX_LENGTH = 1000;

const kept = new WeakMap<IntentRecognizer, WeakMap<TFunction, BoundedMemo<string, Readonly<Understanding>>>>();

/**
 * The reading of a turn's message (issue 16): `read` runs once per message
 * text, language, `t` and recognizer, later turns with the same text get the
 * same reading (frozen, shared). Safe because a reading depends on nothing
 * else: the recognizer is trained once and the locale lists behind `t` do
 * not change while the process runs. A reading that fails is not kept.
 */
export async function readOnce(recognizer: IntentRecognizer, t: TFunction, lang: Lang, text: string, read: () => Promise<Understanding>): Promise<Understanding> {
    if (text.length > READING_MAX_LENGTH) {
        return read();
    }
    return memoOf(recognizer, t).getAsync(`${lang}\u0000${text}`, async () => Object.freeze({ ...(await read()) }));
}

function memoOf(recognizer: IntentRecognizer, t: TFunction): BoundedMemo<string, Readonly<Understanding>> {
    let byT = kept.get(recognizer);
    if (byT === undefined) {
        byT = new WeakMap();
        kept.set(recognizer, byT);
    }
    let memo = byT.get(t);
    if (memo === undefined) {
        memo = new BoundedMemo(READINGS_KEPT);
        byT.set(t, memo);
    }
    return memo;
}

/** How many readings are kept for `recognizer` and `t` (for tests). */
export function readingsKept(recognizer: IntentRecognizer, t: TFunction): number {
    return kept.get(recognizer)?.get(t)?.size ?? 0;
}
