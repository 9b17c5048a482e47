import type { TFunction } from 'i18next';
import { phraseOf, wordsOf } from '../core/words';
import { findEmails } from './entities';
import { phraseList } from './phraseLists';
import type { Lang } from '../core/language';

/** The turn's sentences and language, as the two functions below need them. */
export interface OwnEmailReader {
    readonly t: TFunction;
    readonly lang: Lang;
}

/**
 * The address a message introduces as the person's own ("i'm …", "hier ist
 * …", "my email is …", or the address alone): the words right before it end
 * with one of `identify:ownEmailLeadIns`. Another address ("is anna@… our
 * billing contact?") is someone else's.
 */
export function ownEmail(text: string, info: OwnEmailReader): string | undefined {
    const leadIns = phraseList(info.t, 'identify:ownEmailLeadIns');
    const leadOuts = phraseList(info.t, 'identify:ownEmailLeadOuts');
    // "ist anna@… unser Kontakt? bin jonas@…": the person's own address may come after someone else's.
    let from = 0;
    for (const email of findEmails(text, info.lang)) {
        const at = text.indexOf(email, from);
        const written = text.slice(from, at).split(/[.!?;]/).pop() ?? '';
        const before = phraseOf(written);
        if ((from === 0 && before === '') || leadIns.some((lead) => ` ${before}`.endsWith(` ${lead}`)) || introducedByName(written, email, leadIns, leadOuts)) {
            return email;
        }
        from = at + email.length;
    }
    return undefined;
}

/** Words of a name between an introduction and the address ("ich bin chris, chris.taylor@…", "I'm Sarah Lee (sarah.lee@…)"). */
const MAX_INTRODUCED_NAME_WORDS = 3;

/**
 * True when the words before an address introduce the person by name, then
 * give the address apart (after a comma, a parenthesis or a colon): "ich bin
 * chris, chris.taylor@…"), or name the person and then say it is them
 * (`identify:ownEmailLeadOuts`: "Jonas Weber hier (jonas.weber@…)"). A word of
 * the name stands in the address, so "ich bin nicht sicher, anna@…" introduces
 * no one.
 */
function introducedByName(written: string, email: string, leadIns: readonly string[], leadOuts: readonly string[]): boolean {
    if (!/[,(:]\s*$/u.test(written)) {
        return false;
    }
    const clause = ` ${phraseOf(written.replace(/[,(:]\s*$/u, '').split(',').pop() ?? '')}`;
    const local = wordsOf(email.slice(0, email.indexOf('@')));
    const isTheName = (name: readonly string[]): boolean => name.length > 0 && name.length <= MAX_INTRODUCED_NAME_WORDS && name.some((word) => local.includes(word));
    // "Jonas Weber hier (jonas.weber@…)", "Sarah Lee here (sarah.lee@…)": the name, then the word that says it is the writer.
    const before = wordsOf(clause);
    if (leadOuts.some((out) => clause.endsWith(` ${out}`) && isTheName(before.slice(0, before.length - out.split(' ').length)))) {
        return true;
    }
    return leadIns.some((lead) => {
        const at = clause.lastIndexOf(` ${lead} `);
        return at >= 0 && isTheName(wordsOf(clause.slice(at + lead.length + 2)));
    });
}

/**
 * `text` without the person's own address given at its start ("Hi, I'm tom.hughes@… - please email our billing admin
 * that …", "ich bin jonas.weber@…, wer ist unser Abrechnungskontakt?"): only greetings or asides and a lead-in of
 * `identify:ownEmailLeadIns` before it, a request after it (from a word of `main:requestJoiners` on, that word left
 * out). The address says who is writing ({@link ownEmail} reads it apart), the rest what they ask: "I'm …" is no "am I …?".
 * The text itself when no such start is there or nothing is asked after it.
 */
export function withoutOwnAddressFirst(text: string, info: OwnEmailReader): string {
    // Most messages hold no address: this runs on every reading of a message.
    const email = text.includes('@') ? ownEmail(text, info) : undefined;
    if (email === undefined || !givenFirst(text, email, info)) {
        return text;
    }
    const joiners = new Set(phraseList(info.t, 'main:requestJoiners'));
    const rest = text.slice(text.indexOf(email) + email.length).replace(/^[\s,;:.!)–—-]+/u, '');
    const first = wordsOf(rest)[0] ?? '';
    const asked = joiners.has(first) ? rest.slice(rest.toLowerCase().indexOf(first) + first.length).trim() : rest;
    return wordsOf(asked).length >= MIN_ASKED_WORDS ? asked : text;
}

/** Words a request after the person's own address has at least ("wer ist …?"); fewer are an aside ("it's sarah.lee@… btw"). */
const MIN_ASKED_WORDS = 2;

/**
 * True when a message says nothing but who the person is: their own address,
 * introduced or not, with at most a greeting or an aside around it ("it's
 * sarah.lee@… btw", "hallo, meine Mail ist jonas.weber@…, danke"). Words of
 * `identify:emailAsides` say nothing more; any other word asks something.
 */
export function onlyOwnEmail(text: string, info: OwnEmailReader): boolean {
    const email = ownEmail(text, info);
    if (!email) {
        return false;
    }
    const asides = asideWords(info);
    const after = wordsOf(text.slice(text.indexOf(email) + email.length));
    return givenFirst(text, email, info) && after.every((word) => asides.has(word));
}

/** The single words of `identify:emailAsides` ("hi", "ok", "btw"): they say nothing beside an address. */
function asideWords(info: OwnEmailReader): Set<string> {
    return new Set(phraseList(info.t, 'identify:emailAsides').flatMap((phrase) => phrase.split(' ')));
}

/** True when what stands before `email` in `text`, its asides ("hi", "ok") set aside, is nothing or one lead-in (`identify:ownEmailLeadIns`). */
function givenFirst(text: string, email: string, info: OwnEmailReader): boolean {
    const asides = asideWords(info);
    const before = wordsOf(text.slice(0, text.indexOf(email)));
    while (before.length > 0 && asides.has(before[0])) {
        before.shift();
    }
    return before.length === 0 || phraseList(info.t, 'identify:ownEmailLeadIns').includes(before.join(' '));
}
