import type { Lang } from '../../core/language';
import type { Asker } from './people';
import type { SeededConversation } from './seed';
import type { TurnInput } from './driver';
import { WATERFALL_TEXTS } from './waterfallTexts';

/** A turn of a scripted conversation; `code` stands for the one-time code mailed to the person. */
export interface ScriptStep {
    readonly input: TurnInput | 'code';
    /** The bot's replies of this turn must match, else the turn counts as an error. */
    readonly expect?: RegExp;
}

/** One conversation to play: the client's locale, whose email is used, and the turns. */
export interface ConversationPlan {
    readonly locale?: string;
    /** Continue this stored conversation instead of opening a new one. */
    readonly conversationId?: string;
    readonly email?: string;
    readonly steps: readonly ScriptStep[];
}

/** Produces conversations to play, one after another. */
export interface Scenario {
    readonly name: string;
    next(): ConversationPlan;
}

interface Words {
    readonly welcome: RegExp;
    readonly whoIs: string;
    readonly askEmail: RegExp;
    readonly codeSent: RegExp;
    readonly offerEmail: RegExp;
    /** A returning customer who had the bot email the billing contact earlier hears that, not the offer again. */
    readonly emailedBefore: RegExp;
    readonly emailButton: string;
    readonly askMessage: RegExp;
    readonly message: string;
    readonly confirm: RegExp;
    readonly yes: string;
    readonly sent: RegExp;
}

const WORDS: Record<Lang, Words> = {
    en: {
        welcome: /I'm the Billing Contact Assistant/,
        whoIs: 'Who is my billing contact?',
        askEmail: /Which email address do you use/,
        codeSent: /I've just sent a 6-digit code/,
        offerEmail: /Shall I email/,
        emailedBefore: /I've already emailed .* for you in this conversation/,
        emailButton: 'Yes, email them for me',
        askMessage: /What would you like me to tell/,
        message: 'We need five more licenses for the sales team, please.',
        confirm: /Shall I send it\?/,
        yes: 'yes',
        sent: /is on its way/
    },
    de: {
        welcome: /Ich bin der Assistent für Abrechnungskontakte/,
        whoIs: 'Wer ist mein Abrechnungskontakt?',
        askEmail: /Mit welcher E-Mail-Adresse melden Sie sich/,
        codeSent: /habe ich gerade einen 6-stelligen Code/,
        offerEmail: /Soll ich .* für Sie eine E-Mail schreiben\?/,
        emailedBefore: /An .* habe ich in diesem Gespräch bereits eine E-Mail für Sie geschickt/,
        emailButton: 'Ja, bitte eine E-Mail senden',
        askMessage: /Was soll ich .* ausrichten\?/,
        message: 'Wir brauchen bitte fünf weitere Lizenzen für das Vertriebsteam.',
        confirm: /Soll ich sie senden\?/,
        yes: 'ja',
        sent: /ist unterwegs/
    }
};

/** The client settings of the mix: German, English, and no locale at all (the first words decide). */
const CLIENTS: ReadonlyArray<{ readonly lang: Lang; readonly locale?: string }> = [
    { lang: 'de', locale: 'de-DE' },
    { lang: 'en', locale: 'en-US' },
    { lang: 'de' },
    { lang: 'en', locale: 'en-GB' },
    { lang: 'de', locale: 'de-AT' },
    { lang: 'en' }
];

const text = (value: string): TurnInput => ({ kind: 'text', text: value });

/**
 * The whole billing conversation of the benchmark, German and English mixed:
 * welcome → "who is my billing contact" → email → one-time code (from the
 * outbox) → case b answer → "email them for me" → message → "yes".
 */
export function billingConversation(lang: Lang, locale: string | undefined, email: string): ConversationPlan {
    const w = WORDS[lang];
    return {
        locale,
        email,
        steps: [
            { input: { kind: 'join' }, expect: locale ? w.welcome : WORDS.en.welcome },
            { input: text(w.whoIs), expect: w.askEmail },
            { input: text(email), expect: w.codeSent },
            { input: 'code', expect: w.offerEmail },
            { input: text(w.emailButton), expect: w.askMessage },
            { input: text(w.message), expect: w.confirm },
            { input: text(w.yes), expect: w.sent }
        ]
    };
}

/** Billing conversations over a pool of askers, each asker used again only after all others. */
export class BillingScenario implements Scenario {
    public readonly name = 'billing conversation';
    private count = 0;

    public constructor(private readonly askers: readonly Asker[]) {
        if (askers.length === 0) {
            throw new Error('BillingScenario: needs at least one asker');
        }
    }

    public next(): ConversationPlan {
        const n = this.count++;
        const client = CLIENTS[n % CLIENTS.length];
        return billingConversation(client.lang, client.locale, this.askers[n % this.askers.length].email);
    }
}

/**
 * The same turn shape for the echo baseline: the same seven inputs (a fixed
 * six-digit number where the code goes), no outbox look-up.
 */
export class EchoScenario implements Scenario {
    public readonly name = 'same turns, echoed';
    private readonly inner: BillingScenario;

    public constructor(askers: readonly Asker[]) {
        this.inner = new BillingScenario(askers);
    }

    public next(): ConversationPlan {
        const plan = this.inner.next();
        return {
            locale: plan.locale,
            steps: plan.steps.map((step) => ({ input: step.input === 'code' ? text('123456') : step.input }))
        };
    }
}

/**
 * The same seven inputs for the waterfall baseline (`bench/waterfallBot.ts`),
 * each turn checked against the prompt the waterfall must answer with, so a
 * turn the baseline misunderstands counts as an error instead of a cheap turn.
 */
export class WaterfallScenario implements Scenario {
    public readonly name = 'same turns, waterfall';
    private readonly inner: EchoScenario;

    public constructor(askers: readonly Asker[]) {
        this.inner = new EchoScenario(askers);
    }

    public next(): ConversationPlan {
        const plan = this.inner.next();
        const t = WATERFALL_TEXTS;
        const expects = [t.welcome, t.askEmail, t.askCode, t.offerEmail, t.askMessage, t.confirmSend, t.sent].map((s) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        return { locale: plan.locale, steps: plan.steps.map((step, i) => ({ input: step.input, expect: expects[i] })) };
    }
}

/**
 * Returning customers: one turn ("who is my billing contact?") in a stored
 * conversation whose person was verified earlier, answered straight from the
 * stored identity. The stored conversations are copies of finished ones, in
 * which the bot emailed the billing contact, so the answer says that mail went
 * out instead of offering it again. Each stored conversation is visited once.
 */
export class ReturningScenario implements Scenario {
    public readonly name = 'returning customer';
    private count = 0;

    public constructor(private readonly stored: readonly SeededConversation[]) {
        if (stored.length === 0) {
            throw new Error('ReturningScenario: needs stored conversations');
        }
    }

    public next(): ConversationPlan {
        const convo = this.stored[this.count++ % this.stored.length];
        const w = WORDS[convo.lang];
        return { locale: convo.lang === 'de' ? 'de-DE' : 'en-US', conversationId: convo.conversationId, steps: [{ input: text(w.whoIs), expect: w.emailedBefore }] };
    }
}

/** Takes conversations from several scenarios in turn. */
export class MixedScenario implements Scenario {
    public readonly name: string;
    private count = 0;

    public constructor(private readonly parts: readonly Scenario[]) {
        this.name = parts.map((p) => p.name).join(' + ');
    }

    public next(): ConversationPlan {
        return this.parts[this.count++ % this.parts.length].next();
    }
}
