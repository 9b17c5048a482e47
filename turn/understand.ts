import { ActivityTypes, type TurnContext } from 'botbuilder';
import { UNDERSTANDING_POLICY } from '../language/understandingPolicy';
import { EMAIL_LIKE, TOPIC_INTENTS, type Intent, type IntentRecognizer, type Understanding } from '../language/nlu';
import { opensQuestion, perLanguage, phraseList } from '../language/phraseLists';
import { containsPhrase, escapeRegExp, phraseOf, saysNoWords, wordsOf } from '../core/words';
import { BoundedMemo } from '../core/boundedMemo';
import { turnInfo } from './turn';
import { READING_MAX_LENGTH, readOnce } from './messageReadings';
import { submittedText } from './activityText';
import { findBoolean, findCode, findEmails, findIntroducedUserId, findReferences } from '../language/entities';
import type { TFunction } from 'i18next';
import { LANGS, type Lang } from '../core/language';
import { sentencesOf as messageParts } from '../core/words';
import { asksForPerson, namesOurPeople } from '../language/personRequest';
import { onlyOwnEmail, withoutOwnAddressFirst } from '../language/ownEmail';
import { clauseAsMessage, statedWhenAskedOfBot } from '../language/clauseMessage';
import { requestBesideReason } from '../language/reasonInRequest';
import { objectsToReplacement } from '../language/objectionWords';
import { describesSelf, introducesOnly, saysOnlyNew, withoutIntroductions } from '../language/introduction';
import { addressesSomeone, wishesToWriteToSomeone } from '../language/writeWish';
import { withRoleReferredTo } from '../language/roleBackReference';

/** The turn's message understood in the conversation's language, once per turn. */
export async function understandTurn(context: TurnContext, recognizer: IntentRecognizer): Promise<Understanding | undefined> {
    const info = turnInfo(context);
    if (context.activity.type !== ActivityTypes.Message) {
        return undefined;
    }
    if (info.understanding?.language === info.lang) {
        return info.understanding;
    }
    const text = submittedText(context.activity);
    if (text === undefined) {
        return undefined;
    }
    const { t, lang } = info;
    info.understanding = await readOnce(recognizer, t, lang, text, () => understandText(recognizer, () => t, text, lang));
    return info.understanding;
}

/**
 * What a text asks for, as the bot and `npm run intent` both read it: a clear
 * request for a person wins over the topic words around it ("… you charged us
 * twice"); otherwise the classifier decides. Without `lang` the request for a
 * person is looked for in each language.
 */
export async function understandText(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, text: string, lang?: Lang): Promise<Understanding> {
    if (saysNoWords(text)) {
        // A code, a number, a date: none of the rules below reads anything but words; the recognizer still reads sums and the like.
        return recognizer.recognize(text, lang);
    }
    const asking = (lang ? [lang] : LANGS).find((one) => asksForPerson(text, t(one)));
    if (asking) {
        // "please email our billing admin and ask him to call me back", "schreib der Anna, sie soll mich zurückrufen": a call
        // back the billing side is asked for in a mail is that mail; not when one of ours is named ("tell support to call me").
        const mail = namesOurPeople(text, t(asking)) ? undefined : await understandRequest(recognizer, t, text, lang);
        return mail?.intent === 'email-billing-admin' ? mail : { intent: 'talk-to-human', score: 1, language: asking };
    }
    return understandRequest(recognizer, t, text, lang);
}

/** {@link understandText} once no person is asked for. */
async function understandRequest(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, text: string, lang?: Lang): Promise<Understanding> {
    // "… dass ich als Abrechnungskontakt ersetzt werden soll, das will ich nicht": an objection, not a change request.
    const objecting = (lang ? [lang] : LANGS).find((one) => objectsToReplacement(text, t(one)));
    if (objecting) {
        return { intent: 'object-to-request', score: 1, language: objecting };
    }
    // "Hallo, ich bin Jonas Weber. Bitte ändern Sie …": a sentence that only says who is writing asks nothing ("ich bin …" is no "am I …?").
    const greeting = (clause: string): boolean => recognizer.saysOnly(clause, 'greeting');
    const introduced = (lang ? [lang] : LANGS).map((one) => withoutIntroductions(text, t(one), greeting)).find((one) => one !== text) ?? text;
    // "Hi, I'm tom.hughes@… - please email our billing admin that …": the address at the start says who writes, the rest what is asked.
    const asked = (lang ? [lang] : LANGS).map((one) => withoutOwnAddressFirst(introduced, { t: t(one), lang: one })).find((one) => one !== introduced) ?? introduced;
    const whole = (await messageForSomeone(recognizer, t, asked, lang)) ?? wishToWrite(t, asked, lang) ?? (await recognizer.recognize(asked, lang));
    const read =
        (await requestWithReason(recognizer, t, asked, whole, lang)) ?? whoAfterTask(asked, whole, t(lang ?? whole.language)) ?? (await whoAfterChange(recognizer, asked, whole, t(lang ?? whole.language))) ?? whole;
    const understood = (await askedInStory(recognizer, t, text, read, lang)) ?? read;
    return (await closingByClauses(recognizer, text, understood)) ?? askedAboutReference(text, notAGoodbyeIfAsked(t, text, understood));
}

/**
 * "Hallo, ich schreibe wegen unseres Kontos. Früher hat sich Anna um die Rechnungen gekümmert. Sie ist jetzt in einer anderen
 * Abteilung. Wer ist denn momentan als Abrechnungskontakt eingetragen?": a story is read by its parts. A sentence of it that
 * asks by itself ({@link asksItself}) about the role, naming it ("who is …", "am I …"), says what it asks; when the whole was
 * read as something else (a wish to write in "ich schreibe wegen …", a change in "bekommt wohl jemand anderes"), that question
 * is what the message asks. A vaguer question ("Geht das?", "Kannst du das umstellen?") leaves the whole's reading; a command
 * (a person, a language, cancel) and an objection stay what they are.
 */
async function askedInStory(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, text: string, whole: Understanding, lang?: Lang): Promise<Understanding | undefined> {
    if (whole.intent === 'object-to-request' || !(isRequest(whole.intent) || WITHOUT_REQUEST.has(whole.intent))) {
        return undefined;
    }
    const sentences = messageParts(text).filter((sentence) => !recognizer.saysOnly(sentence, SMALL_TALK));
    if (sentences.length < STORY_SENTENCES) {
        return undefined;
    }
    const language = lang ?? whole.language;
    const asked: Understanding[] = [];
    for (const sentence of sentences.filter((one) => asksItself(one, t(language)) && recognizer.namesTheRole(one))) {
        const one = await understandText(recognizer, t, sentence, language);
        if (ROLE_QUESTIONS.has(one.intent) && one.score >= UNDERSTANDING_POLICY.requestPart) {
            asked.push(one);
        }
    }
    return asked.length === 0 || asked.some((one) => one.intent === whole.intent) ? undefined : asked[0];
}

/**
 * "ich möchte anna was schreiben", "can you pass something on to sarah": a wish to write something to a person named,
 * without what ({@link wishesToWriteToSomeone}), asks for the mail; what to write is asked after verification.
 */
function wishToWrite(t: (lang: Lang) => TFunction, text: string, lang?: Lang): Understanding | undefined {
    const language = (lang ? [lang] : LANGS).find((one) => wishesToWriteToSomeone(text, t(one)));
    return language === undefined ? undefined : { intent: 'email-billing-admin', score: UNDERSTANDING_POLICY.interrupt, language };
}

/** What a story ends on "who can do that?" after: the billing contact's own tasks (plan, licenses, paying), which the role check answers. */
const TASKS_OF_THE_ROLE: ReadonlySet<Intent> = new Set<Intent>(['topic-change-plan', 'topic-payment-method', 'topic-payment-invoicing']);

/**
 * "We wanted to add two licenses but the Admin Center blocks it. Who can do that for us?", "Ich wollte Lizenzen nachkaufen, das
 * ging nicht. Wer darf das bei uns?": a story of a task of the billing contact that ends on a who-question
 * (`main:whoQuestionWords`) asks who holds the role; the story is why it asks. Undefined otherwise.
 */
function whoAfterTask(text: string, whole: Understanding, t: TFunction): Understanding | undefined {
    const parts = messageParts(text);
    const last = parts.at(-1) ?? '';
    if (parts.length < 2 || !TASKS_OF_THE_ROLE.has(whole.intent) || !last.trim().endsWith('?') || !wordsOf(last).some((word) => phraseList(t, 'main:whoQuestionWords').includes(word))) {
        return undefined;
    }
    return { intent: 'who-is-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: whole.language };
}

/**
 * "Anna has left the company, who is it now?", "Klaus ist in Rente, wer ist es jetzt?": a story that reads as a change (the
 * contact left) and ends on a clause that opens with a who-question (`main:whoQuestionWords`) asks who the billing contact is
 * now; a change is offered after the answer. A last clause that alone asks for the change ("who should it be now?") keeps it.
 */
async function whoAfterChange(recognizer: IntentRecognizer, text: string, whole: Understanding, t: TFunction): Promise<Understanding | undefined> {
    const clauses = text.split(/[,;:.!?]+(?=\s)/u).map((clause) => clause.trim()).filter((clause) => clause !== '');
    const last = clauses.at(-1) ?? '';
    const opensWithWho = phraseList(t, 'main:whoQuestionWords').includes(wordsOf(last)[0] ?? '');
    if (whole.intent !== 'change-billing-contact' || clauses.length < 2 || !text.trim().endsWith('?') || !opensWithWho) {
        return undefined;
    }
    // "wer soll es jetzt werden?": a word that asks for the change (`changeContact:reasonInRequest.heard.requestWords`) keeps it.
    const asksChange = containsPhrase(last, phraseList(t, 'changeContact:reasonInRequest.heard.requestWords'));
    const alone = asksChange ? undefined : await recognizer.recognize(last, whole.language);
    return alone === undefined || alone.intent === 'change-billing-contact' ? undefined : { intent: 'who-is-billing-contact', score: UNDERSTANDING_POLICY.ruleWords, language: whole.language };
}

/**
 * "kann ich den kontakt aendern? anna ist nie erreichbar", "can I change the
 * contact? peter never answers", "… weil sie nie erreichbar ist": a request
 * and why it is made, in one message. Read whole, the reason pulls the
 * classifier elsewhere ("anna ist nie erreichbar" sounds like "who is"); the
 * request is what the words beside the reason ask, when the classifier is
 * sure of them and less sure of the whole. Undefined otherwise.
 */
async function requestWithReason(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, text: string, whole: Understanding, lang?: Lang): Promise<Understanding | undefined> {
    if (isRequest(whole.intent) && whole.score >= UNDERSTANDING_POLICY.interrupt) {
        return undefined;
    }
    const language = lang ?? whole.language;
    // "who handles the invoices at our company because we need one more license": nothing understood of the whole, the question before the reason word.
    const question = whole.intent === 'none' ? questionBeforeReason(t(language), text) : undefined;
    if (question !== undefined) {
        const read = await recognizer.recognize(question, language);
        if (ASKED_WITH_REASON.has(read.intent) && read.score >= UNDERSTANDING_POLICY.interrupt) {
            return read;
        }
    }
    const asked = requestBesideReason(text, t(language));
    if (asked === undefined) {
        return undefined;
    }
    const read = await recognizer.recognize(asked, language);
    return GIVEN_WITH_REASON.has(read.intent) && read.score >= UNDERSTANDING_POLICY.interrupt && read.score > whole.score ? read : undefined;
}

/** Requests that carry a reason (`changeContact:reasonInRequest`): a clause that says why belongs to them, it asks nothing of its own. */
const GIVEN_WITH_REASON: ReadonlySet<Intent> = new Set<Intent>(['change-billing-contact']);

/** Questions of the role asked with a reason in the same sentence, after a reason word ({@link questionBeforeReason}). */
const ASKED_WITH_REASON: ReadonlySet<Intent> = new Set<Intent>(['who-is-billing-contact', 'am-i-billing-contact']);

/**
 * The words before a reason word (`changeContact:reasonInRequest.heard.because`: "because", "weil") of a message of one
 * sentence, when words follow it: "who handles the invoices at our company" in "… because we need one more license".
 */
function questionBeforeReason(t: TFunction, text: string): string | undefined {
    if (messageParts(text).length !== 1) {
        return undefined;
    }
    return beforeReasonWord(t).exec(text.trim())?.[1];
}

/** The words before a reason word and the first letter after it, per language (built once). */
const beforeReasonWord = perLanguage((t) => new RegExp(`^(.+?)[\\s,;]+(?:${phraseList(t, 'changeContact:reasonInRequest.heard.because').map(escapeRegExp).join('|')})\\s+[\\p{L}\\p{N}]`, 'iu'));

/**
 * "Where are we with BC-2026-000031?", "wie ist der stand bei BC-2026-77": a
 * message with a change request's reference that asks nothing else the bot
 * knows asks about that request.
 */
function askedAboutReference(text: string, understood: Understanding): Understanding {
    // "I submitted a request to change our billing contact … got reference BC-2026-000150. Can you check where it stands?": a question
    // beside a reference asks about that request, whatever change it tells of.
    const asked = ASKING_NOTHING_KNOWN.has(understood.intent) || (understood.intent === 'change-billing-contact' && text.trim().endsWith('?'));
    return asked && findReferences(text).length > 0 ? { intent: 'request-status', score: 1, language: understood.language } : understood;
}

/** What a request asked about by its reference was about: told beside the reference, not asked ({@link readMessage}). */
const TOLD_BESIDE_REFERENCE: ReadonlySet<Intent> = new Set<Intent>(['change-billing-contact', 'email-billing-admin', ...TOPIC_INTENTS]);

/**
 * Readings that ask for nothing the bot knows, or nothing a reference belongs to: beside a reference, they ask about it
 * ("I submitted a request on Monday … Reference is BC-2026-000148. Any update?" reads like a change of plan).
 */
const ASKING_NOTHING_KNOWN: ReadonlySet<Intent> = new Set<Intent>(['none', 'out-of-scope', 'help', 'more-topics', 'who-is-billing-contact', 'am-i-billing-contact', ...TOPIC_INTENTS]);

/** The most words of a clause that asks for a language beside the rest of a message ("can we continue in german please"). */
const LANGUAGE_CLAUSE_MAX_WORDS = 8;

/** Words of such a clause that need not be words of a request for a language ("sorry", "now"). */
const LANGUAGE_CLAUSE_OWN_WORDS = 2;

/** Messages longer than this tell a story; a language named in it is no request to switch. */
const LANGUAGE_MESSAGE_MAX_WORDS = 30;

/**
 * "can we continue in german? who is my billing contact", "english please, wer
 * ist …": the language a clause of a longer message plainly asks for, beside
 * clauses that say more. A clear signal: the conversation switches and the rest
 * is read in it. Undefined for a message of one clause (a plain request for a
 * language is the dialogs') or without such a clause.
 */
export async function languageAskedBeside(recognizer: IntentRecognizer, text: string): Promise<Lang | undefined> {
    const clauses = text.split(/[,;.!?]+/u).filter((clause) => /\p{L}/u.test(clause));
    if (clauses.length < 2 || wordsOf(text).length > LANGUAGE_MESSAGE_MAX_WORDS) {
        return undefined;
    }
    for (const clause of clauses) {
        const said = wordsOf(clause);
        // A clause that names no language ("Ja", the "example" of an address cut at its dots) asks for none: not read at all.
        if (said.length > LANGUAGE_CLAUSE_MAX_WORDS || !recognizer.mayAskForLanguage(clause) || said.filter((word) => !recognizer.saysOnly(word, 'switch-language')).length > LANGUAGE_CLAUSE_OWN_WORDS) {
            continue;
        }
        const one = await recognizer.recognize(clause);
        if (one.intent === 'switch-language' && one.targetLanguage && one.score >= UNDERSTANDING_POLICY.interrupt) {
            return one.targetLanguage;
        }
    }
    return undefined;
}

/** The longest message read clause by clause as a closing ("super danke, schönes wochenende"). */
const CLOSING_MAX_WORDS = 8;

/**
 * "super danke, schönes wochenende", "cool thx, have a good weekend": a short
 * message whose every clause is thanks or a goodbye is a goodbye, though the
 * classifier, reading it whole, places it nowhere. Undefined otherwise.
 */
async function closingByClauses(recognizer: IntentRecognizer, text: string, understood: Understanding): Promise<Understanding | undefined> {
    const clauses = text.split(/[,;.!]+/u).filter((clause) => /\p{L}/u.test(clause));
    if (understood.intent === 'goodbye' || clauses.length < 2 || wordsOf(text).length > CLOSING_MAX_WORDS) {
        return undefined;
    }
    const read = await Promise.all(clauses.map((clause) => recognizer.recognize(clause, understood.language)));
    const closes = read.every((one) => (one.intent === 'goodbye' || one.intent === 'thanks') && one.score >= UNDERSTANDING_POLICY.understood);
    return closes && read.some((one) => one.intent === 'goodbye') ? { intent: 'goodbye', score: Math.min(...read.map((one) => one.score)), language: understood.language } : undefined;
}

/**
 * "where can i see them", "wo sehe ich das?": a question is never a goodbye
 * (its "see" is no "see you"); it is then understood as nothing the bot
 * knows, so it is asked about, not taken as leaving.
 */
function notAGoodbyeIfAsked(t: (lang: Lang) => TFunction, text: string, understood: Understanding): Understanding {
    if (understood.intent !== 'goodbye') {
        return understood;
    }
    const said = phraseOf(text);
    const asks = text.trim().endsWith('?') || LANGS.some((one) => opensQuestion(said, t(one)));
    return asks ? { intent: 'none', score: understood.score, language: understood.language } : understood;
}

/**
 * "email peter that we need 5 more licences", "sagen Sie dem
 * Abrechnungskontakt, dass wir mehr Lizenzen brauchen", "tell her: …": the
 * words before "that"/"dass"/":" ask for the mail, the words after are its
 * message and ask the bot nothing (read whole, "licences" would make it a
 * question about the plan). Undefined when the words before ask for no mail.
 */
async function messageForSomeone(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, text: string, lang?: Lang): Promise<Understanding | undefined> {
    const frame = messageFrame(t, text, lang);
    if (frame === undefined) {
        return messageInStory(recognizer, t, text, lang);
    }
    const understood = await recognizer.recognize(frame.head, lang);
    const aboutOthers = !wordsOf(frame.head).some((word) => SELF.has(word));
    // "ping whoever handles billing: …", "sag meiner Abrechnungskontaktin, dass …": told to pass words on to the billing side.
    // "ok dann an anna: …": the words before the colon only say whom the words after it are for.
    // "could you tell peter that …", "kannst du anna sagen, dass …": a name typed in lower case beside the verb of telling, before "that".
    const toUnknown = frame.marker !== undefined && tellsSomeoneUnknown(recognizer, t, frame.head, lang);
    if (aboutOthers && (tellsToPassOn(t, frame.head, lang, lang ?? understood.language) || toUnknown)) {
        return { intent: 'email-billing-admin', score: Math.max(understood.intent === 'email-billing-admin' ? understood.score : 0, UNDERSTANDING_POLICY.interrupt), language: understood.language };
    }
    if (understood.score < UNDERSTANDING_POLICY.understood) {
        return undefined;
    }
    // "tell our billing admin that …" reads like a question about the billing admin; told to write to them, it is a mail.
    const toBillingRole = (understood.intent === 'who-is-billing-contact' || understood.intent === 'am-i-billing-contact') && aboutOthers;
    // Told to write, and a message follows: as sure as a request put plainly ("ok, können Sie ihr bitte schreiben, dass …").
    return understood.intent === 'email-billing-admin' || toBillingRole ? { ...understood, intent: 'email-billing-admin', score: Math.max(understood.score, UNDERSTANDING_POLICY.interrupt) } : undefined;
}

/**
 * True when a verb of telling (`emailAdmin:instructionWords`, `emailAdmin:toldByName.heard.verbs`) stands beside a word the bot
 * does not know ({@link IntentRecognizer.knowsWord}): a person's name typed in lower case ("tell peter", "anna sagen").
 */
function tellsSomeoneUnknown(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, head: string, lang?: Lang): boolean {
    const said = wordsOf(head);
    const telling = (lang ? [lang] : LANGS).map((one) => tellingWords(t(one)));
    const unknown = (word: string | undefined): boolean => word !== undefined && !SELF.has(word) && !recognizer.knowsWord(word);
    // "sag doch mal der anna": a please or the like (`emailAdmin:toldByName.heard.polite`), then an article (`….articles`), may stand
    // between the verb and the name.
    const between = (word: string | undefined): boolean => word !== undefined && telling.some((one) => one.polite.has(word) || one.articles.has(word));
    const nameAfter = (at: number): boolean => {
        let next = at + 1;
        while (between(said[next])) {
            next++;
        }
        return unknown(said[next]);
    };
    return said.some((word, at) => telling.some((one) => one.verbs.has(word)) && (unknown(said[at - 1]) || nameAfter(at)));
}

/**
 * "Guten Morgen. … Ich darf das selbst nicht bestellen. Bitte richten Sie Frau Müller aus, dass wir dringend mehr Lizenzen brauchen.",
 * "… Could you contact him on my behalf and let him know the team needs …?": in a message of several sentences, one that asks to
 * pass a message on to someone ({@link messageForSomeone}) asks for the mail; the others say why.
 */
async function messageInStory(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, text: string, lang?: Lang): Promise<Understanding | undefined> {
    const parts = messageParts(text);
    for (const part of parts.length > 1 ? parts : []) {
        const asked = await messageForSomeone(recognizer, t, part, lang);
        if (asked?.intent === 'email-billing-admin') {
            return asked;
        }
    }
    return undefined;
}

/**
 * The frame of the sentence of a longer message that tells the bot to pass words on to someone else ("… Ich darf das
 * selbst nicht bestellen. Bitte richten Sie Frau Müller aus, dass wir mehr Lizenzen brauchen."), undefined when none does.
 */
function storyFrame(t: (lang: Lang) => TFunction, text: string, lang: Lang): MessageFrame | undefined {
    const parts = messageParts(text);
    for (const part of parts.length > 1 ? parts : []) {
        const frame = messageFrame(t, part, lang);
        if (frame && !wordsOf(frame.head).some((word) => SELF.has(word)) && tellsToPassOn(t, frame.head, lang, lang)) {
            return frame;
        }
    }
    return undefined;
}

/** Frames kept per language, the texts framed last ({@link messageFrame}). */
export const FRAMES_KEPT = 1024;

/** {@link messageFrame}'s frames per language's `t` and text: the turn's message is framed again by the dialogs' mail text (issue 16). */
const framesKept = perLanguage(() => new BoundedMemo<string, Readonly<MessageFrame> | undefined>(FRAMES_KEPT));

/**
 * The words to the bot and the message of a text that asks to pass one on
 * ("email peter" | "we need 5 more licences"): the words before
 * "that"/"dass"/":" are one short clause that says to write, tell or ask;
 * so are the words before ", tell him …" ({@link toldAfterComma}) and before
 * "about"/"wegen" ({@link writtenAbout}).
 * "I need to know that …" and "Beim Klick steht, dass ich nicht … bin" are none.
 *
 * In one language the frame depends on the text and that language's word
 * lists alone, which do not change while the process runs: it is kept per
 * `t(lang)` and text (frozen, shared), so a message framed by the turn's
 * reading is not framed again by the mail text built from it.
 */
function messageFrame(t: (lang: Lang) => TFunction, text: string, lang?: Lang): MessageFrame | undefined {
    if (lang === undefined || text.length > READING_MAX_LENGTH) {
        return frameOf(t, text, lang);
    }
    return framesKept(t(lang)).get(text, () => {
        const frame = frameOf(t, text, lang);
        return frame && Object.freeze(frame);
    });
}

/** How many frames are kept for one language's `t` (tests). */
export function framesKeptFor(t: TFunction): number {
    return framesKept(t).size;
}

/** {@link messageFrame}, read anew. */
function frameOf(t: (lang: Lang) => TFunction, text: string, lang?: Lang): MessageFrame | undefined {
    const trimmed = text.trim();
    const frame = MESSAGE_FRAME.exec(trimmed);
    const verbs = (lang ? [lang] : LANGS).flatMap((one) => [...phraseList(t(one), 'emailAdmin:instructionWords'), ...phraseList(t(one), 'emailAdmin:toldByName.heard.verbs')]);
    const fits = (one: MessageFrame): boolean => {
        const said = wordsOf(one.head);
        // "pls write to peter.brooks@northwind.example that …": the dots of an address end no sentence.
        const ownMarks = one.head.replace(EMAIL_LIKE, ' ');
        return said.length > 0 && said.length <= MESSAGE_FRAME_MAX_WORDS && !/[.!?]/u.test(ownMarks) && (hasListWord(said, verbs) || (one.colon === true && addressed(t, one.head, lang)));
    };
    // The first way of framing that fits: "wir brauchen mehr Lizenzen, können Sie ihr das ausrichten?" has a lead-in after its comma with no message after it.
    const otherFrame = (one: string): MessageFrame | undefined => {
        for (const frameOf of [toldAfterComma, writtenAbout]) {
            const frame = frameOf(t, one, verbs, lang);
            if (frame !== undefined && fits(frame)) {
                return frame;
            }
        }
        return [toldByName(t, one, lang), askedToDo(t, one, lang), toldAtEnd(t, one, lang)].find((frame) => frame !== undefined && fits(frame));
    };
    const framed: MessageFrame | undefined = frame === null ? undefined : { head: frame[1], message: trimmed.slice(frame[0].length).trim(), marker: wordsOf(frame[0]).at(-1), colon: frame[0].trim().endsWith(':') };
    // "ok then: Tell Peter we need to upgrade": words before a colon that say not to write leave the frame to the words after it.
    const found = framed === undefined ? otherFrame(trimmed) : fits(framed) ? framed : frame?.[0].trim().endsWith(':') ? otherFrame(framed.message) : undefined;
    return found !== undefined && fits(found) ? found : undefined;
}

/** True when words before a colon only say whom the message after it is for ("ok dann an anna", "ok, to peter then"). */
function addressed(t: (lang: Lang) => TFunction, head: string, lang?: Lang): boolean {
    return (lang ? [lang] : LANGS).some((one) => addressesSomeone(head, t(one)));
}

/**
 * "Tell Peter we need to upgrade", "sag Anna, wir brauchen mehr Lizenzen", "remind her the invoice is due": a verb of telling
 * (`emailAdmin:toldByName.heard.verbs`) at the start, after a please at most, then a person (a capitalised name, or him/her/ihm/ihr) and
 * the message, with no "that" between them. Undefined otherwise.
 */
function toldByName(t: (lang: Lang) => TFunction, text: string, lang?: Lang): MessageFrame | undefined {
    const written = text.trim().split(/\s+/u);
    const after = afterTellingWhom(t, written, lang);
    if (after === undefined || written.length < after + MESSAGE_MIN_WORDS) {
        return undefined;
    }
    const head = written.slice(0, after).join(' ').replace(/[,:;]+$/u, '');
    // "tell anna to send me …", "sag der Anna, sie soll …": what she is asked to do follows its marker, which the frame keeps.
    const marker = requestMarkerAt(t, written, after, lang);
    return marker === undefined ? { head, message: written.slice(after).join(' ') } : { head, message: written.slice(after + marker.length).join(' '), marker: marker.join(' ') };
}

/** The words of `emailAdmin:clauseMarkers.request` ("to", "sie soll") that stand in `written` at `at`, or undefined. */
function requestMarkerAt(t: (lang: Lang) => TFunction, written: readonly string[], at: number, lang?: Lang): string[] | undefined {
    const markers = (lang ? [lang] : LANGS).flatMap((one) => tellingWords(t(one)).requestMarkers);
    return markers.find((marker) => marker.every((word, index) => phraseOf(written[at + index] ?? '') === word));
}

/** Words of a message passed on by {@link toldByName}, at the least ("we need licences"). */
const MESSAGE_MIN_WORDS = 2;

/** Where the words after "tell Peter" / "sag ihr" begin in `written` (a text's words as typed), or undefined when it opens otherwise. */
function afterTellingWhom(t: (lang: Lang) => TFunction, written: readonly string[], lang?: Lang): number | undefined {
    const list = (key: string): string[] => (lang ? [lang] : LANGS).flatMap((one) => phraseList(t(one), `emailAdmin:toldByName.heard.${key}`));
    const polite = list('polite');
    let at = 0;
    while (at < written.length && polite.includes(phraseOf(written[at]))) {
        at++;
    }
    const verb = list('verbs')
        .map((one) => wordsOf(one))
        .find((one) => one.every((word, index) => phraseOf(written[at + index] ?? '') === word));
    if (verb === undefined) {
        return undefined;
    }
    // "schreib bitte der Anna, …": a please, then an article before the name (`…heard.articles`), as German has it when spoken.
    let whom = at + verb.length;
    while (whom < written.length && polite.includes(phraseOf(written[whom]))) {
        whom++;
    }
    if (list('articles').includes(phraseOf(written[whom] ?? ''))) {
        whom++;
    }
    const person = (written[whom] ?? '').replace(/[,:;]+$/u, '');
    // "tell anna to send me …", "sag der anna, sie soll …": a name typed in lower case, when what she is asked to do follows it.
    const lowerName = /^\p{Ll}{2,}$/u.test(person) && !SELF.has(person) && requestMarkerAt(t, written, whom + 1, lang) !== undefined;
    const named = /^\p{Lu}\p{Ll}+$/u.test(person) || list('pronouns').includes(phraseOf(person)) || lowerName;
    return named ? whom + 1 : undefined;
}

/**
 * True when the words before a message tell the bot to pass it on: to the billing side by its name (`emailAdmin:recipientWords`, in
 * `recipientLang`), to a person named after a verb of telling ("tell Peter"), to whom it is for ("ok dann an anna"), or to a person
 * named beside such a verb ({@link tellsSomeoneNamed}).
 */
function tellsToPassOn(t: (lang: Lang) => TFunction, head: string, lang: Lang | undefined, recipientLang: Lang): boolean {
    return namesRecipient(t, head, recipientLang) || afterTellingWhom(t, head.trim().split(/\s+/u), lang) !== undefined || addressed(t, head, lang) || tellsSomeoneNamed(t, head, lang);
}

/**
 * "Kannst du Anna Müller ausrichten, …", "Sag doch bitte Jonas Bescheid, …", "please let Sarah Lee know …": the words before the
 * message hold a verb of telling (`emailAdmin:instructionWords`, `emailAdmin:toldByName.heard.verbs`) with a person named beside
 * it, a capitalised name or him/her/ihm/ihr at most {@link NAME_NEAR_VERB} words away; "Sie" is the bot, not a person.
 */
function tellsSomeoneNamed(t: (lang: Lang) => TFunction, head: string, lang?: Lang): boolean {
    const telling = (lang ? [lang] : LANGS).map((one) => tellingWords(t(one)));
    const verbs = { has: (word: string): boolean => telling.some((one) => one.verbs.has(word)) };
    const pronouns = { includes: (word: string): boolean => telling.some((one) => one.pronouns.has(word)) };
    const written = head.trim().split(/\s+/u).map((word) => word.replace(/[,:;]+$/u, ''));
    const named = (word: string, at: number): boolean => (at > 0 && /^\p{Lu}\p{Ll}+$/u.test(word) && word !== 'Sie') || pronouns.includes(phraseOf(word));
    return written.some((word, at) => verbs.has(phraseOf(word)) && written.some((other, near) => near !== at && Math.abs(near - at) <= NAME_NEAR_VERB && named(other, near)));
}

/** The verbs of telling and the pronouns for a person of one language, read from the locales once. */
const tellingWords = perLanguage((t) => ({
    verbs: new Set([...phraseList(t, 'emailAdmin:instructionWords'), ...phraseList(t, 'emailAdmin:toldByName.heard.verbs')]),
    pronouns: new Set(phraseList(t, 'emailAdmin:toldByName.heard.pronouns')),
    articles: new Set(phraseList(t, 'emailAdmin:toldByName.heard.articles')),
    polite: new Set(phraseList(t, 'emailAdmin:toldByName.heard.polite')),
    /** `emailAdmin:clauseMarkers.request`, each split into its words ("sie soll"). */
    requestMarkers: phraseList(t, 'emailAdmin:clauseMarkers.request').map((marker) => marker.split(' ')),
    /** The words that open a clause passed on (`emailAdmin:clauseMarkers.that`, `.whether`). */
    clauseWords: new Set([...phraseList(t, 'emailAdmin:clauseMarkers.that'), ...phraseList(t, 'emailAdmin:clauseMarkers.whether')]),
    passOn: phraseList(t, 'emailAdmin:toldByName.heard.passOn')
}));

/** How far from its verb of telling a person may be named ("Sag doch bitte Jonas Bescheid"). */
const NAME_NEAR_VERB = 3;

/** The words to the bot, the message, and the word between them that says how the message follows ("that", "about"). */
interface MessageFrame {
    readonly head: string;
    readonly message: string;
    readonly marker?: string;
    /** The message follows a colon ("ok dann an anna: …"), where words that only say whom it is for ask for the mail too. */
    readonly colon?: boolean;
}

/**
 * "pls email peter for me, tell him the invoice … is wrong", "schreib anna, sag ihr die Rechnung …": after the
 * first comma, a lead-in that says to write or tell (`emailAdmin:leadIns` with a word of `emailAdmin:instructionWords`)
 * and the message.
 */
function toldAfterComma(t: (lang: Lang) => TFunction, text: string, verbs: readonly string[], lang?: Lang): MessageFrame | undefined {
    const leadIns = (lang ? [lang] : LANGS).flatMap((one) => phraseList(t(one), 'emailAdmin:leadIns')).filter((one) => hasListWord(wordsOf(one), verbs));
    const leadInAfter = (at: number): string | undefined => {
        const rest = phraseOf(text.slice(at + 1));
        return leadIns.filter((one) => rest === one || rest.startsWith(`${one} `)).sort((a, b) => b.length - a.length)[0];
    };
    // "hi, pls email peter for me, tell him …": the comma the lead-in follows, not the one after a greeting; "Can you email our billing
    // person for me? Tell him …": or the end of the sentence that asks to write; "can you email Peter and ask him to …": or a joining
    // word (`emailAdmin:leadInJoiners`), where the break is its last letter.
    const joiners = (lang ? [lang] : LANGS).map((one) => joinerWord(t(one)));
    const breakAfter = (from: number): number => {
        const marks = text.slice(from).search(/[,.!?]/u);
        const joined = joinerEnd(text, from, joiners);
        return marks < 0 ? joined : joined < 0 ? from + marks : Math.min(from + marks, joined);
    };
    let comma = breakAfter(0);
    while (comma >= 0 && leadInAfter(comma) === undefined) {
        comma = breakAfter(comma + 1);
    }
    const leadIn = comma < 0 ? undefined : leadInAfter(comma);
    if (leadIn === undefined) {
        return undefined;
    }
    // The message as written: the words after as many words as the lead-in has; "ask him if …": a lead-in's last word that opens the
    // clause ("if", "ob") says how the message follows.
    const written = text.slice(comma + 1).trim().split(/\s+/u);
    const last = wordsOf(leadIn).at(-1) ?? '';
    const opensClause = (lang ? [lang] : LANGS).some((one) => tellingWords(t(one)).clauseWords.has(last));
    return { head: text.slice(0, comma), message: written.slice(wordsOf(leadIn).length).join(' '), ...(opensClause ? { marker: last } : {}) };
}

/** A word of one language's `emailAdmin:leadInJoiners` standing alone ("and", not the "and" of "landing"); built once per language. */
const joinerWord = perLanguage((t) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${phraseList(t, 'emailAdmin:leadInJoiners').map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu'));

/** Where the first joining word (`joiners`, one pattern per language) in `text` from `from` on ends (its last letter), or -1. */
function joinerEnd(text: string, from: number, joiners: readonly RegExp[]): number {
    let end = -1;
    for (const joiner of joiners) {
        const found = joiner.exec(text.slice(from));
        const at = found === null ? -1 : from + found.index + found[0].length - 1;
        if (at >= 0 && (end < 0 || at < end)) {
            end = at;
        }
    }
    return end;
}

/**
 * "Bitten Sie Anna, unser Abo zu verlängern", "können Sie Peter schreiben und ihn bitten, unser Abo zu verlängern?": a verb of
 * asking someone to do something (`emailAdmin:clauseMarkers.ask`), a comma at most {@link ASKED_COMMA_WORDS} words after it,
 * and a person named beside the verb ({@link tellsSomeoneNamed}); what follows the comma is what they are asked to do.
 */
function askedToDo(t: (lang: Lang) => TFunction, text: string, lang?: Lang): MessageFrame | undefined {
    const asking = (lang ? [lang] : LANGS).flatMap((one) => phraseList(t(one), 'emailAdmin:clauseMarkers.ask'));
    const written = text.trim().split(/\s+/u);
    const verb = written.findIndex((word) => asking.includes(phraseOf(word)));
    const comma = verb < 0 ? -1 : written.findIndex((word, at) => at >= verb && at <= verb + ASKED_COMMA_WORDS && word.endsWith(','));
    if (comma < 0 || written.length < comma + 1 + MESSAGE_MIN_WORDS) {
        return undefined;
    }
    const head = written.slice(0, comma + 1).join(' ').replace(/,$/u, '');
    return tellsSomeoneNamed(t, head, lang) ? { head, message: written.slice(comma + 1).join(' '), marker: phraseOf(written[verb]) } : undefined;
}

/** The most words between a verb of asking and the comma before what is asked ("Bitten Sie Anna Müller, …"). */
const ASKED_COMMA_WORDS = 3;

/**
 * "we need 3 more licences, can you tell her?", "wir brauchen zwei Lizenzen mehr, können Sie das Anna ausrichten?": the message
 * first, then a last short clause that asks to pass it on (`emailAdmin:toldByName.heard.passOn`) to a person named or him/her
 * ({@link tellsSomeoneNamed}).
 */
function toldAtEnd(t: (lang: Lang) => TFunction, text: string, lang?: Lang): MessageFrame | undefined {
    const body = text.trim().replace(/[?.!]+$/u, '');
    const at = body.search(/[,;.!?][^,;.!?]*$/u);
    if (at < 0) {
        return undefined;
    }
    const head = body.slice(at + 1).trim();
    const message = body.slice(0, at).trim();
    // "Can you email her for me?" after a story asks for a mail, not for the story to be passed on; "ich sag ihr das selber" is no request.
    const said = wordsOf(head);
    const toPassOn = (lang ? [lang] : LANGS).some((one) => hasListWord(said, tellingWords(t(one)).passOn)) && !said.some((word) => SELF.has(word));
    return toPassOn && said.length <= TOLD_AT_END_MAX_WORDS && wordsOf(message).length >= MESSAGE_MIN_WORDS && tellsSomeoneNamed(t, head, lang) ? { head, message } : undefined;
}

/** The most words of a last clause that asks to pass the words before it on ("and could you please let her know"). */
const TOLD_AT_END_MAX_WORDS = 8;

/**
 * "I need to email our billing admin about upgrading to more seats", "ich muss unserem Abrechnungsadmin wegen mehr
 * Lizenzen mailen": the words before a word of `emailAdmin:clauseMarkers.about` ask for the mail, the words after are
 * what it is about; a verb that stands last ("… mailen") belongs to the words to the bot.
 */
function writtenAbout(t: (lang: Lang) => TFunction, text: string, verbs: readonly string[], lang?: Lang): MessageFrame | undefined {
    const markers = (lang ? [lang] : LANGS).flatMap((one) => phraseList(t(one), 'emailAdmin:clauseMarkers.about'));
    const words = text.split(/\s+/u);
    const at = words.findIndex((word, index) => index > 0 && markers.includes(phraseOf(word)));
    if (at < 0) {
        return undefined;
    }
    const after = words.slice(at + 1);
    const last = after.at(-1) ?? '';
    // Only where the words before say no verb of their own: "email him about the text" keeps its "text".
    const verbLast = after.length > 1 && !hasListWord(wordsOf(words.slice(0, at).join(' ')), verbs) && hasListWord(wordsOf(last), verbs);
    const message = (verbLast ? after.slice(0, -1) : after).join(' ').replace(/[.!]+$/u, '').trim();
    const head = [...words.slice(0, at), ...(verbLast ? [last.replace(/[.!]+$/u, '')] : [])].join(' ');
    return message === '' ? undefined : { head, message, marker: words[at] };
}

/**
 * True when the words before the message name whom it is for on the billing
 * side (`emailAdmin:recipientWords`: "billing", "admin", "Abrechnung", "ihr"),
 * a longer one also inside a word ("Abrechnungskontaktin", "Rechnungsverantwortliche").
 */
function namesRecipient(t: (lang: Lang) => TFunction, head: string, lang: Lang): boolean {
    return hasListWord(wordsOf(head), phraseList(t(lang), 'emailAdmin:recipientWords'));
}

/** True when one of `words` is a word of `list`, or holds a list word of {@link MESSAGE_VERB_INSIDE} letters or more ("anschreiben", "Abrechnungskontaktin"). */
function hasListWord(words: readonly string[], list: readonly string[]): boolean {
    return words.some((word) => list.some((one) => word === one || (one.length >= MESSAGE_VERB_INSIDE && word.includes(one))));
}

/** Words by which a person means themselves ("tell me whether …" asks the bot, it sends no mail). */
const SELF: ReadonlySet<string> = new Set(['me', 'i', 'mir', 'mich', 'ich']);

/** Words, then "that"/"dass"/"ob"/"whether" (after a comma or not) or a colon, then the message. */
const MESSAGE_FRAME = /^(.+?)(?:,?\s+(?:that|dass|daß|ob|whether)\s+|\s*:\s*)(?=\S)/iu;

/**
 * The message in a request to pass one on, as written after "that"/"dass"/":"
 * ("email peter that we need 5 more licences" → "We need 5 more licences"),
 * or undefined when the text asks for no mail in that way ({@link messageFrame}).
 */
export function messageAfterFrame(t: (lang: Lang) => TFunction, text: string, lang: Lang): string | undefined {
    const frame = messageFrame(t, text, lang) ?? storyFrame(t, text, lang);
    const message = frame === undefined ? '' : statedWhenAskedOfBot(t(lang), frame.head, frame.message);
    return wordsOf(message).length < FRAMED_MESSAGE_MIN_WORDS ? undefined : clauseAsMessage(t(lang), frame?.marker, message, frame !== undefined);
}

/**
 * The message after words that tell the bot to pass it on to someone else
 * ("Then pls email peter that I need access …", "kannst du ihr schreiben, dass …"):
 * as {@link messageAfterFrame}, but undefined when those words speak of the
 * person themselves ("I wanted to ask whether you could …" is the message).
 */
export function messageToOthersAfterFrame(t: (lang: Lang) => TFunction, text: string, lang: Lang): string | undefined {
    const frame = messageFrame(t, text, lang);
    return frame === undefined || wordsOf(frame.head).some((word) => SELF.has(word)) ? undefined : messageAfterFrame(t, text, lang);
}

/**
 * The words that tell the bot to pass a message on, before the message itself ("can you ask Sarah" of "can you ask Sarah
 * whether she can add 3 seats"; "Bitte richten Sie Frau Müller aus" of a longer story): whom they name is whom the person
 * meant to reach. Undefined when the text passes nothing on in that way ({@link messageFrame}).
 */
export function frameHead(t: (lang: Lang) => TFunction, text: string, lang: Lang): string | undefined {
    return (messageFrame(t, text, lang) ?? storyFrame(t, text, lang))?.head;
}

/** The most words before the message that can still only ask for the mail ("could you please write an email to our billing admin"). */
const MESSAGE_FRAME_MAX_WORDS = 12;

/** A message after "that" says something only with this many words ("email him that ok" has none). */
const FRAMED_MESSAGE_MIN_WORDS = 2;

/** A word to the bot (or whom it names) this long also counts inside a longer one ("anschreiben", "E-Mail", "Abrechnungskontaktin"). */
const MESSAGE_VERB_INSIDE = 4;

/** Everything the bot finds in one message: its intent as a whole, the intent of each part, and the entities. */
export interface MessageReading {
    /** The reading of the whole message. */
    readonly understood: Understanding;
    /** What the bot acts on first: the whole message's intent, or the first of several requests it makes ({@link leadIntent}). */
    readonly lead: Understanding;
    /** The intents of the message's sentences and joined parts, its requests first in the order asked, each once ("none" left out). */
    readonly intents: readonly Understanding[];
    readonly entities: {
        readonly emails: readonly string[];
        readonly references: readonly string[];
        readonly userId?: string;
        readonly yesNo?: boolean;
        readonly code?: string;
        readonly language?: Lang;
    };
}

/** A sentence this short that begins with a no only declines ("Nein, keine Mail."). */
const DECLINE_MAX_WORDS = 4;


/**
 * Reads a whole message: the intent of the whole and of each sentence, and
 * every entity (emails, references, an introduced user ID, a leading yes or
 * no, a one-time code, a language asked for). Used by `npm run intent`.
 */
export async function readMessage(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, text: string, lang?: Lang, codeLength = 6): Promise<MessageReading> {
    const understood = await understandText(recognizer, t, text, lang);
    const language = lang ?? understood.language;
    const intents: Understanding[] = [];
    // "kann ich den kontakt aendern? anna ist nie erreichbar": the sentence that says why asks nothing of its own.
    const beside = GIVEN_WITH_REASON.has(understood.intent) ? requestBesideReason(text, t(language)) : undefined;
    const parts = messageParts(beside ?? text);
    for (const part of parts.length > 1 ? parts : []) {
        // "Nein, keine Mail." only declines, "Ich bin Jonas Weber." only introduces, "Ich bin neu hier." only says so: they ask for nothing.
        if (declinesOnly(part, language) || introducesOnly(part, t(language), (clause) => recognizer.saysOnly(clause, 'greeting')) || saysOnlyNew(part, t(language))) {
            continue;
        }
        const one = await understandText(recognizer, t, part, language);
        if (one.intent !== 'none' && !intents.some((known) => known.intent === one.intent)) {
            intents.push(one);
        }
    }
    if (understood.intent !== 'none' && !intents.some((known) => known.intent === understood.intent)) {
        intents.unshift(understood);
    }
    // Requests joined in one sentence ("who is our billing contact and how do I reset my portal password"), in the order asked.
    // "… dass der Abrechnungskontakt geändert werden soll. Damit bin ich nicht einverstanden!": the change it tells of is what the objection is against.
    // "The meeting keeps disconnecting, audio drops too. Any fix?": a message that names something outside the field, with no
    // word of the field, asks nothing of the bot's; a part that alone sounds like a request ("Any fix?") makes none.
    const offField = understood.intent === 'out-of-scope' && understood.score >= UNDERSTANDING_POLICY.offField;
    // "ich hab wegen Lizenzen und Abrechnungskontakt was eingereicht, BC-2026-000012, gibts was neues?": asked about a request by its
    // reference in one sentence, what the request was about is told, not asked again (a sentence of its own asks: "Also bitte den Kontakt ändern.").
    const toldOf = (intent: Intent): boolean =>
        (understood.intent === 'object-to-request' && intent === 'change-billing-contact') || (understood.intent === 'request-status' && TOLD_BESIDE_REFERENCE.has(intent) && findReferences(text).length > 0 && messageParts(text).length === 1);
    const requests = (offField ? [] : await requestsOf(recognizer, t(language), text, language)).filter((intent) => !toldOf(intent));
    intents.splice(0, intents.length, ...intents.filter((one) => !toldOf(one.intent)));
    for (const intent of requests) {
        if (!intents.some((known) => known.intent === intent)) {
            intents.push({ intent, score: 1, language });
        }
    }
    const order = (one: Understanding): number => (requests.includes(one.intent) ? requests.indexOf(one.intent) : requests.length);
    intents.sort((a, b) => order(a) - order(b));
    // "hab ne Frage: darf ich selbst Lizenzen kaufen?", "can you help me? who is …": the wish for help only announces the request.
    const announced = intents.find((one) => isRequest(one.intent));
    if (announced) {
        intents.splice(0, intents.length, ...intents.filter((one) => one.intent !== 'help'));
    }
    const firstClause = text.split(/[,;:.!?–-]/)[0] ?? '';
    // A whole the classifier could not place ("moin, ich bin Lea. hab ne Frage: darf ich …?") is read by the request one of its parts makes surely.
    // "Ich komm nicht weiter. Bitte einen Mitarbeiter.", "Can we continue in German? My colleague doesn't speak English well.": a wish for a person or a language in one part is what such a whole asks too.
    const asked = announced ?? intents.find((one) => ANNOUNCED_COMMANDS.has(one.intent));
    const announces = asked && requests.length === 0 && (ANNOUNCING.has(understood.intent) || (understood.intent === 'out-of-scope' && !offField)) && asked.score >= UNDERSTANDING_POLICY.requestPart && messageParts(text).length > 1;
    // "Peter filed something to take me off as billing contact and I dont agree": the objection leads whatever its parts sound like.
    const lead = understood.intent === 'object-to-request' ? understood.intent : announces ? asked.intent : askedWhoLast(text, t(language), understood) || (await askedLast(recognizer, t, text, understood)) ? understood.intent : leadIntent(understood.intent, requests);
    return {
        understood,
        lead: lead === understood.intent ? understood : (intents.find((one) => one.intent === lead) ?? understood),
        intents,
        entities: {
            emails: findEmails(text, language),
            references: findReferences(text),
            userId: findIntroducedUserId(text, recognizer, t(language)),
            yesNo: findBoolean(firstClause, language),
            code: findCode(text, codeLength),
            language: understood.targetLanguage ?? intents.find((one) => one.targetLanguage)?.targetLanguage
        }
    };
}

/**
 * "I tried to buy licenses and it says to contact the billing admin, who is that?", "Clicked Add licenses and it says I'm not the billing contact. Who is it then?", "… soll Lizenzen bestellen. Wer hat bei uns
 * die Abrechnungsrechte?": a message read whole as who holds the role that ends on a who-question (`main:whoQuestionWords`)
 * asks who; what it tells before ("licenses") is why it asks.
 */
export function askedWhoLast(text: string, t: TFunction, understood: Understanding): boolean {
    const last = (messageParts(text).at(-1) ?? '').split(/[,;:]/).at(-1) ?? '';
    const who = phraseList(t, 'main:whoQuestionWords');
    return understood.intent === 'who-is-billing-contact' && last.trim().endsWith('?') && wordsOf(last).some((word) => who.includes(word));
}

/**
 * "Our billing admin is on long-term leave. Can we make Priya the billing contact instead?": sentences that only tell, then one
 * that asks outright what the whole message reads as; what is told is why it asks, the request leads.
 */
async function askedLast(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, text: string, understood: Understanding): Promise<boolean> {
    const parts = messageParts(text);
    const last = parts.at(-1) ?? '';
    const tf = t(understood.language);
    if (!isRequest(understood.intent) || parts.length < 2 || !asksOutright(last, tf) || parts.slice(0, -1).some((part) => asksOutright(part, tf))) {
        return false;
    }
    return (await understandText(recognizer, t, last, understood.language)).intent === understood.intent;
}

/** Readings of a whole message that only lead up to what a part of it asks ("Hallo, …", "hab ne Frage: …", not placed at all). */
const ANNOUNCING: ReadonlySet<Intent> = new Set<Intent>(['none', 'greeting', 'help']);

/** Commands a part of a message can give that a whole read as nothing in particular then gives too ({@link readMessage}). */
const ANNOUNCED_COMMANDS: ReadonlySet<Intent> = new Set<Intent>(['talk-to-human', 'switch-language']);

/** Readings of a whole message that ask for nothing by themselves: a request among its parts is what it asks. */
const WITHOUT_REQUEST: ReadonlySet<Intent> = new Set<Intent>(['none', 'greeting', 'thanks', 'out-of-scope', 'help']);

/**
 * The intent acted on first, given the reading of the whole message and the
 * requests its parts make in the order asked: the first request when the whole
 * message is a request itself or asks for nothing ("hi, who is our billing
 * contact?"); otherwise the whole message's intent (a request for a person,
 * a goodbye, …). The bot's main menu and `npm run intent` both decide by it.
 */
export function leadIntent(whole: Intent, requests: readonly Intent[]): Intent {
    if (requests.length === 0 || (requests.length === 1 && !WITHOUT_REQUEST.has(whole))) {
        return whole;
    }
    return isRequest(whole) || WITHOUT_REQUEST.has(whole) ? requests[0] : whole;
}

/** What a person can ask for several of in one message: the tasks and the article's topics. */
const REQUESTS: ReadonlySet<Intent> = new Set<Intent>([
    'who-is-billing-contact',
    'am-i-billing-contact',
    'change-billing-contact',
    'portal-password-reset',
    'email-billing-admin',
    'request-status',
    'object-to-request',
    'more-topics',
    ...TOPIC_INTENTS
]);

/** Questions about the role, which a part after them can refer back to ("… and can I change it?"). */
const ROLE_QUESTIONS: ReadonlySet<Intent> = new Set<Intent>(['who-is-billing-contact', 'am-i-billing-contact']);

/** Sentences that ask for nothing. */
const SMALL_TALK: readonly Intent[] = ['greeting', 'thanks', 'goodbye'];


/** From this many sentences on, a message tells a story and asks one thing (the classifier reads it by its parts). */
const STORY_SENTENCES = 3;

/** True for an intent that asks the bot to do or answer something (not small talk, not a command). */
export function isRequest(intent: Intent): boolean {
    return REQUESTS.has(intent);
}

/**
 * The requests of a message, in the order it makes them: "who is our billing
 * contact and how do I reset my portal password" → who-is, then the reset.
 * The message is cut at sentences and at joining words (`main:requestJoiners`:
 * "and", "und", "außerdem"); a part counts when the classifier is sure of a
 * request in it. A part that only declines ("Nein, keine Mail.") asks for
 * nothing; a story of several sentences asks for one thing, unless two or
 * more of its sentences ask outright: those are its requests.
 */
export async function requestsOf(recognizer: IntentRecognizer, t: TFunction, text: string, lang: Lang): Promise<Intent[]> {
    // "kann ich den kontakt aendern? anna ist nie erreichbar": the clause that says why a change is asked for asks nothing itself.
    const beside = requestBesideReason(text, t);
    const asked = beside === undefined ? undefined : await understandText(recognizer, () => t, beside, lang);
    if (beside !== undefined && asked && GIVEN_WITH_REASON.has(asked.intent) && asked.score >= UNDERSTANDING_POLICY.requestPart) {
        return requestsOf(recognizer, t, beside, lang);
    }
    // "Hello!" or "Danke." is no sentence of a story.
    const sentences = messageParts(text).filter((sentence) => !recognizer.saysOnly(sentence, SMALL_TALK));
    // A story asks one thing, unless several of its sentences ask outright and one adds a request to another
    // (`main:moreRequestMarkers` or a joining word first: "… Also, where can I find old invoices? And I need …");
    // "I need to sort something out. Who is our billing contact?" tells a story and asks one thing.
    const outright = sentences.filter((sentence) => asksOutright(sentence, t));
    const addMarkers = phraseList(t, 'main:moreRequestMarkers');
    const joiners = new Set(phraseList(t, 'main:requestJoiners'));
    const addsOne = sentences.some((sentence) => containsPhrase(sentence, addMarkers) || joiners.has(wordsOf(sentence)[0] ?? ''));
    if (sentences.length >= STORY_SENTENCES && (outright.length < 2 || !addsOne)) {
        return [];
    }
    // Beside a sentence that asks, one that says who the person is tells no request ("Ich bin Administrator in unserem Konto. Ich möchte, dass …");
    // one that tells of a problem is one ("I forgot my portal password. also, who is …?"), except in a story.
    const isGreeting = (clause: string): boolean => recognizer.saysOnly(clause, 'greeting');
    const telling = (sentence: string): boolean => sentences.length < STORY_SENTENCES && !describesSelf(sentence, t, isGreeting);
    const asking = outright.length > 0 ? sentences.filter((sentence) => outright.includes(sentence) || telling(sentence)) : sentences;
    const found: Intent[] = [];
    const instructions = phraseList(t, 'emailAdmin:instructionWords');
    const roleAsked = await asksAboutRole(recognizer, t, sentences, lang);
    let lastAsked: { readonly intent: Intent; readonly part: string } | undefined;
    for (const sentence of asking) {
        let passOn = false;
        // "Bei uns gibts Verwirrung wegen der Rechnungen. Ich will wissen, wer …": beside a sentence that asks about the role, one
        // that only tells mentions a topic or the role, it asks nothing about them.
        const told = roleAsked && !asksItself(sentence, t);
        for (const part of cutAt(sentence, joiners)) {
            // "ok can you email her and say we need 3 more seats": after a request to write, a part that says what to write ("say", "tell", "ask") is the mail, no request.
            if (passOn && instructions.includes(wordsOf(part)[0] ?? '')) {
                continue;
            }
            // "ich bin jonas.weber@…", "Ich bin Jonas Weber.", "ich bin neu hier" say who the person is, not what they want ("… und möchte den Kontakt ändern").
            if (declinesOnly(part, lang) || onlyOwnEmail(part, { t, lang }) || introducesOnly(part, t, isGreeting) || saysOnlyNew(part, t)) {
                continue;
            }
            // "who is our billing contact and can I change it?": "it" after a question about the role is the role, and asks something
            // new of it (not who again). After "wer darf den Abrechnungskontakt ändern", "wie lange dauert das?" is about the change.
            const ofTheRole = lastAsked !== undefined && ROLE_QUESTIONS.has(lastAsked.intent) && !containsPhrase(lastAsked.part, phraseList(t, 'main:accountAdmins.mayChange'));
            const referred = ofTheRole ? withRoleReferredTo(part, t, (text) => recognizer.namesTheRole(text)) : undefined;
            const ofRole = referred === undefined ? undefined : await understandText(recognizer, () => t, referred, lang);
            const one = ofRole && !ROLE_QUESTIONS.has(ofRole.intent) ? ofRole : await understandText(recognizer, () => t, part, lang);
            passOn = one.intent === 'email-billing-admin';
            if (told && ((TOPIC_INTENTS as readonly Intent[]).includes(one.intent) || ROLE_QUESTIONS.has(one.intent))) {
                continue;
            }
            if (isRequest(one.intent) && one.score >= UNDERSTANDING_POLICY.requestPart && !found.includes(one.intent)) {
                found.push(one.intent);
                lastAsked = { intent: one.intent, part };
            }
        }
    }
    return found;
}

/** True when a sentence asks for something outright: a question, or one of `main:requestMarkers` ("I need", "bitte", "außerdem"). */
function asksOutright(sentence: string, t: TFunction): boolean {
    return sentence.trim().endsWith('?') || containsPhrase(sentence, phraseList(t, 'main:requestMarkers'));
}

/** True when one of `sentences` asks by itself ({@link asksItself}) who holds the role or whether the person does, naming the role. */
async function asksAboutRole(recognizer: IntentRecognizer, t: TFunction, sentences: readonly string[], lang: Lang): Promise<boolean> {
    for (const sentence of sentences) {
        if (asksItself(sentence, t) && recognizer.namesTheRole(sentence) && ROLE_QUESTIONS.has((await understandText(recognizer, () => t, sentence, lang)).intent)) {
            return true;
        }
    }
    return false;
}

/**
 * True when a sentence asks by itself: a question, or a request marker other than a plain "and" (`main:requestJoiners` that are
 * no `main:moreRequestMarkers`): "Our invoices keep going to an old mailbox, and the payment method changed" only tells.
 */
function asksItself(sentence: string, t: TFunction): boolean {
    const joiners = phraseList(t, 'main:requestJoiners');
    const more = phraseList(t, 'main:moreRequestMarkers');
    const markers = phraseList(t, 'main:requestMarkers').filter((marker) => !joiners.includes(marker) || more.includes(marker));
    return sentence.trim().endsWith('?') || containsPhrase(sentence, markers);
}

/** The clauses of a text between its joining words (`main:requestJoiners`): "who is our billing contact", "can I change it?". */
export function clausesOf(text: string, t: TFunction): string[] {
    return cutAt(text, new Set(phraseList(t, 'main:requestJoiners')));
}

/** The pieces of a sentence between its joining words. */
function cutAt(sentence: string, joiners: ReadonlySet<string>): string[] {
    const pieces: string[][] = [[]];
    const tokens = sentence.split(/\s+/);
    const isNumber = (token: string | undefined): boolean => token !== undefined && /^\p{N}+[.,]?$/u.test(token.replace(/[?!]+$/, ''));
    for (const [index, token] of tokens.entries()) {
        const word = wordsOf(token).join(' ');
        // "Was ist 7 plus 5?", "2 and 3": a joining word between two numbers reckons, it joins no requests.
        if (joiners.has(word) && !(isNumber(tokens[index - 1]) && isNumber(tokens[index + 1]))) {
            pieces.push([]);
        } else {
            pieces[pieces.length - 1].push(token);
        }
    }
    return pieces.map((piece) => piece.join(' ')).filter((piece) => /[\p{L}\p{N}]/u.test(piece));
}

/** "Nein, keine Mail.": a short part that begins with a no only declines. */
function declinesOnly(part: string, lang: Lang): boolean {
    return findBoolean(part.split(/[,;:]/)[0] ?? '', lang) === false && part.split(/\s+/).length <= DECLINE_MAX_WORDS;
}

/** The message a request to write carries in the sentences after it, and the requests those sentences were read as. */
export interface MessageAfterRequest {
    readonly message: string;
    /** The intents the message's sentences were read as on their own ("ich brauch die rechnung … als pdf" as the invoice topic): no requests of their own. */
    readonly taken: readonly Intent[];
}

/**
 * "kannst du unserer abrechnungsverantwortlichen ne nachricht schicken? ich
 * brauch die rechnung von november nochmal als pdf": a first sentence that only
 * asks to write ({@link messageFrame}'s words to the bot, no "that"), then
 * sentences that tell rather than ask the bot: those are the message. A
 * question after it ("… how do I see our invoices?") or a sentence asking for
 * another of the bot's tasks (a reset, a change, a person) stays a request.
 */
export async function messageAfterRequest(recognizer: IntentRecognizer, t: (lang: Lang) => TFunction, text: string, lang: Lang): Promise<MessageAfterRequest | undefined> {
    const [head, ...rest] = messageParts(text);
    const said = wordsOf(head ?? '');
    if (rest.length === 0 || said.length === 0 || said.length > MESSAGE_FRAME_MAX_WORDS) {
        return undefined;
    }
    if (!hasListWord(said, phraseList(t(lang), 'emailAdmin:instructionWords')) || !namesRecipient(t, head, lang)) {
        return undefined;
    }
    const taken: Intent[] = [];
    const message: string[] = [];
    for (const sentence of rest) {
        if (sentence.endsWith('?') || opensQuestion(phraseOf(sentence), t(lang))) {
            break;
        }
        const read = await understandText(recognizer, t, sentence, lang);
        const tells = read.intent === 'none' || (TOPIC_INTENTS as readonly Intent[]).includes(read.intent);
        if (!tells) {
            break;
        }
        if (read.intent !== 'none') {
            taken.push(read.intent);
        }
        message.push(sentence);
    }
    const joined = message.join(' ');
    return wordsOf(joined).length < FRAMED_MESSAGE_MIN_WORDS ? undefined : { message: joined.charAt(0).toLocaleUpperCase() + joined.slice(1), taken };
}

/**
 * The words of a message from where it makes `intent` on: "who's our billing admin? tell them I need the October
 * invoice as PDF" → "tell them I need the October invoice as PDF" for the mail asked second. The sentence, or the
 * part of it after a joining word (`main:requestJoiners`), that the classifier surely reads as `intent`, and all
 * after it; undefined when none does.
 */
export async function wordsFromRequest(recognizer: IntentRecognizer, t: TFunction, text: string, lang: Lang, intent: Intent): Promise<string | undefined> {
    const sentences = messageParts(text);
    const joiners = new Set(phraseList(t, 'main:requestJoiners'));
    const makes = async (words: string): Promise<boolean> => {
        const read = await understandText(recognizer, () => t, words, lang);
        return read.intent === intent && read.score >= UNDERSTANDING_POLICY.requestPart;
    };
    for (const [index, sentence] of sentences.entries()) {
        const pieces = cutAt(sentence, joiners);
        for (const [at, piece] of pieces.entries()) {
            if (await makes(piece)) {
                return [pieces.slice(at).join(' '), ...sentences.slice(index + 1)].join(' ');
            }
        }
    }
    return undefined;
}

/**
 * A request to write without the requests asked after it in the same sentence
 * ("email peter that I need 5 more licences and also how do I reset my portal
 * password?" → "email peter that I need 5 more licences"): cut before the first joining word
 * (`main:requestJoiners`: "and also", "und außerdem") after which the rest is
 * read, surely, as one of `queued`, the requests the bot takes up after the
 * mail. "I need 5 more licences and also 2 webcams" asks nothing more and
 * stays whole; so does a text whose cut would leave too few words.
 */
export async function messageBeforeRequests(recognizer: IntentRecognizer, t: TFunction, message: string, lang: Lang, queued: readonly Intent[]): Promise<string> {
    if (queued.length === 0) {
        return message;
    }
    const joiners = new Set(phraseList(t, 'main:requestJoiners'));
    const tokens = [...message.matchAll(/\S+/gu)].map((match) => ({ word: wordsOf(match[0]).join(' '), start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }));
    for (let i = 1; i < tokens.length; i++) {
        if (!joiners.has(tokens[i].word) || joiners.has(tokens[i - 1].word)) {
            continue;
        }
        let next = i;
        while (next < tokens.length && joiners.has(tokens[next].word)) {
            next++;
        }
        const rest = message.slice(tokens[next]?.start ?? message.length).trim();
        const before = message.slice(0, tokens[i].start).replace(/[\s,;:–-]+$/u, '').trim();
        if (rest === '' || wordsOf(before).length < FRAMED_MESSAGE_MIN_WORDS) {
            continue;
        }
        const read = await understandText(recognizer, () => t, rest, lang);
        if (queued.includes(read.intent) && read.score >= UNDERSTANDING_POLICY.requestPart) {
            return before;
        }
    }
    return message;
}
