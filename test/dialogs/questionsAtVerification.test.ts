import * as assert from 'assert';
import { useHarness, type BotHarness } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play, type Step } from '../helpers/script';
import { PETER } from '../helpers/demoPeople';
import type { Lang } from '../../core/language';

/**
 * Before verification: a question at the email question is answered where the bot can without knowing who asks
 * (what a billing contact may do), then the email is asked for again; anything else gets no "that is no address".
 * At the reference question of a status question, the person's email address verifies them and lists their own requests.
 */
const NO_ADDRESS = /That doesn't look like an email address|Das sieht nicht nach einer E-Mail-Adresse aus/;
const NO_REFERENCE_SHAPE = /A reference looks like|Eine Referenz sieht so aus/;
const PERMISSIONS = { en: /special permissions: they can change the account's subscription plan/, de: /besondere Berechtigungen: Er kann den Abonnementplan/ };
const CODE_SENT = { en: /I've just sent a 6-digit code|6-digit code/, de: /6-stelligen Code/ };

const PERMISSION_QUESTIONS = {
    en: ['wait, first tell me what a billing contact even is', 'hold on, what can a billing contact actually do?'],
    de: ['moment, was darf ein Abrechnungskontakt eigentlich?', 'warte, was kann ein Abrechnungskontakt denn alles machen']
} as const;
const UNCLEAR = { en: ['who is that?', 'why do you need that?'], de: ['wer ist das?', 'wozu brauchen Sie das?'] } as const;
const START = { en: 'am I the billing contact?', de: 'Bin ich der Abrechnungskontakt?' } as const;

const STATUS = {
    en: ['hey I filed a request to change the billing contact last week, any news?', "what's the status of my request?"],
    de: ['was ist eigentlich aus meinem antrag geworden', 'gibt es schon was neues zu meinem Antrag?']
} as const;

async function sarahFiles(harness: BotHarness): Promise<string> {
    const { services } = harness.runtime;
    const requester = await services.users.get('U-202');
    const account = await services.accounts.get('ACC-2002');
    assert.ok(requester && account);
    const outcome = await services.changeRequests.submit({ requester, account, newContact: { userId: 'U-203', name: 'Tom Hughes' }, reason: 'reorganisation', lang: 'en', channel: 'test', conversationKey: 'test:a' }, 'a');
    assert.strictEqual(outcome.kind, 'filed');
    return outcome.request.reference;
}

describe('Questions and addresses before verification', () => {
    const harnessOf = useHarness();

    for (const lang of ['en', 'de'] as const satisfies readonly Lang[]) {
        const p = PHRASES[lang];
        const hi = lang === 'en' ? 'hi' : 'hallo';

        for (const question of PERMISSION_QUESTIONS[lang]) {
            it(`[${lang}] "${question}" at the email question: answered, the email asked again, then verification goes on`, async () => {
                const harness = harnessOf();
                const steps: Step[] = [
                    { say: hi },
                    { say: START[lang], expect: [p.askEmail] },
                    { say: question, expect: [PERMISSIONS[lang], p.askEmail], absent: [NO_ADDRESS] },
                    { say: PETER, expect: [CODE_SENT[lang]] }
                ];
                await play(harness, harness.conversation(localeOf(lang)), steps, PETER);
            });
        }

        for (const unclear of UNCLEAR[lang]) {
            it(`[${lang}] "${unclear}" at the email question: no "that is no address", the email asked again`, async () => {
                const harness = harnessOf();
                await play(harness, harness.conversation(localeOf(lang)), [
                    { say: hi },
                    { say: START[lang], expect: [p.askEmail] },
                    { say: unclear, expect: [p.askEmail], absent: [NO_ADDRESS] },
                    { say: PETER, expect: [CODE_SENT[lang]] }
                ], PETER);
            });
        }

        for (const status of STATUS[lang]) {
            it(`[${lang}] "${status}" unverified, then the email address at the reference question: verified, own requests shown`, async () => {
                const harness = harnessOf();
                const reference = await sarahFiles(harness);
                const turns = await play(harness, harness.conversation(localeOf(lang)), [
                    { say: hi },
                    { say: status },
                    { say: PETER, expect: [CODE_SENT[lang]], absent: [NO_REFERENCE_SHAPE] },
                    { say: CODE, absent: [NO_REFERENCE_SHAPE] }
                ], PETER);
                assert.match(turns[3].map((r) => r.text).join('\n'), new RegExp(reference));
            });
        }
    }
});
