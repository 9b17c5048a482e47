import * as assert from 'assert';
import { AuditLog } from '../../data/repositories/auditLog';
import { ChangeRequestRepository } from '../../data/repositories/changeRequestRepository';
import type { Lang } from '../../core/language';
import { useHarness, type BotHarness } from '../helpers/botHarness';
import { PHRASES } from '../helpers/phrases';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { CODE, localeOf, play } from '../helpers/script';
import { EVA, KLAUS, LEA, MARIA, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
const CHRIS = 'chris.taylor@taylor-consulting.example';

/** What the person sees around an objection (issue 12), in each language. */
const SAYS = {
    en: {
        verifyFirst: /Before I record an objection, I need to confirm that you are a billing contact/,
        recorded: (reference: string) => new RegExp(`I have recorded your objection to request ${reference}\\. Sarah Lee and Chris Taylor have been notified by email.*talk to someone from customer service`),
        already: (reference: string) => new RegExp(`Your objection to request ${reference} is already recorded`),
        hint: /If you do not agree with this change, just tell me and I will record your objection\./,
        objected: /Peter Brooks objected to this request on/,
        person: 'Talk to a person',
        queued: /You're next in the queue/,
        nothingToCancel: /nothing to cancel/
    },
    de: {
        verifyFirst: /Bevor ich einen Widerspruch festhalte, muss ich bestätigen, dass Sie Abrechnungskontakt des Kontos sind/,
        recorded: (reference: string) => new RegExp(`Ich habe Ihren Widerspruch gegen den Antrag ${reference} festgehalten\\. Eva Schulz und Klaus Bergmann wurden per E-Mail informiert.*Möchten Sie darüber mit jemandem vom Kundendienst sprechen\\?`),
        already: (reference: string) => new RegExp(`Ihr Widerspruch gegen den Antrag ${reference} ist bereits festgehalten`),
        hint: /Wenn Sie mit dieser Änderung nicht einverstanden sind, sagen Sie es mir einfach/,
        objected: /Maria Bergmann hat diesem Antrag am .* widersprochen\./,
        person: 'Mit einem Mitarbeiter sprechen',
        queued: /Sie stehen an erster Stelle der Warteschlange|Warteschlange/,
        nothingToCancel: /nichts abzubrechen/
    }
} as const;

/** Files a request as a demo admin would have in chat: Sarah for Tom at Northwind, Eva for herself at Bergmann & Söhne. */
async function filed(harness: BotHarness, which: 'northwind' | 'bergmann', lang: Lang): Promise<string> {
    const { services } = harness.runtime;
    const [requesterId, accountId, newContact] = which === 'northwind' ? ['U-202', 'ACC-2002', { userId: 'U-203', name: 'Tom Hughes' }] : ['U-303', 'ACC-3003', { userId: 'U-303', name: 'Eva Schulz' }];
    const requester = await services.users.get(requesterId);
    const account = await services.accounts.get(accountId);
    assert.ok(requester && account);
    const outcome = await services.changeRequests.submit({ requester, account, newContact, reason: 'reorganisation', lang, channel: 'test', conversationKey: `test:${which}` }, `test:${which}`);
    assert.strictEqual(outcome.kind, 'filed');
    return outcome.request.reference;
}

/** The objection mails, as recipient → locale. */
async function objectionMails(harness: BotHarness): Promise<Record<string, string>> {
    const mails = (await harness.mails()).filter((m) => m.kind === 'change-request-objection');
    return Object.fromEntries(mails.map((m) => [m.to, m.locale]));
}

describe('Objection: the current billing contact objects to a change request filed against them (issue 12)', () => {
    const harnessOf = useHarness();

    it('[en] Peter, told by mail, objects in his first message with the reference: recorded once, Sarah and Chris mailed in English, a person offered', async () => {
        const harness = harnessOf();
        const reference = await filed(harness, 'northwind', 'en');
        const s = SAYS.en;
        const convo = harness.conversation(localeOf('en'));
        await play(harness, convo, [
            { say: `i just got an email that someone wants to change our billing contact ${reference} - I did NOT agree to this, I am still the billing contact, please stop it`, expect: [s.verifyFirst, PHRASES.en.askEmail], absent: [/Before I tell you anything about an account/] },
            { say: PETER, expect: [PHRASES.en.codeSent] },
            { say: CODE, expect: [s.recorded(reference)], absent: [s.nothingToCancel], buttons: [s.person] }
        ], PETER);

        const stored = await new ChangeRequestRepository(harness.db).byReference(reference);
        assert.strictEqual(stored?.objection?.userId, 'U-201');
        assert.strictEqual(stored?.objection?.name, 'Peter Brooks');
        assert.strictEqual(stored?.status, 'open', 'staff still decide');
        const audit = await new AuditLog(harness.db, harness.clock).recent(10, `request:${reference}`);
        assert.deepStrictEqual(audit.map((a) => [a.actor, a.action]), [['user:U-201', 'change-request.objected'], ['user:U-202', 'change-request.filed']]);

        assert.deepStrictEqual(await objectionMails(harness), { [SARAH]: 'en', [CHRIS]: 'en' }, 'the requester and the other admin, not Peter');
        const [toSarah] = (await harness.mails(SARAH)).filter((m) => m.kind === 'change-request-objection');
        assert.match(toSarah.subject, new RegExp(`Peter Brooks objects to request ${reference}`));
        assert.match(toSarah.text, /Hello Sarah Lee,\n\n.*objection.*\n\nOn .* you asked LogMeIn to change the billing contact of Northwind Traders Ltd/);
        assert.match(toSarah.text, /Peter Brooks, the current billing contact of Northwind Traders Ltd, has objected to this request\./);
        const [toChris] = (await harness.mails(CHRIS)).filter((m) => m.kind === 'change-request-objection');
        assert.match(toChris.text, /Sarah Lee asked LogMeIn to change the billing contact .* because you are an admin of this account/);

        await play(harness, convo, [
            { say: `I object to ${reference}`, expect: [s.already(reference)], absent: [s.recorded(reference)] },
            { say: 'I object to this change. I never agreed, please reject it.', expect: [s.already(reference)], absent: [/Now to your next question/, s.objected] },
            { say: `Status ${reference}`, expect: [s.objected], absent: [s.hint] },
            { say: 'so can you cancel it or not?', expect: [s.already(reference)] }
        ]);
        assert.strictEqual((await harness.mails()).filter((m) => m.kind === 'change-request-objection').length, 2, 'objecting again mails nobody');
    });

    it('[en] at the status answer Peter is told he may object; "so can you cancel it or not?" records it, and yes brings a person', async () => {
        const harness = harnessOf();
        const reference = await filed(harness, 'northwind', 'en');
        await harness.agentOnline('erika');
        const s = SAYS.en;
        const convo = harness.conversation(localeOf('en'));
        await play(harness, convo, [
            { say: `Status ${reference}`, expect: [PHRASES.en.askEmail] },
            { say: PETER },
            // The request is about him: the status says so.
            { say: CODE, expect: [new RegExp(`Request ${reference}`), /It would replace you as billing contact\./, s.hint] },
            { say: 'so can you cancel it or not?', expect: [s.recorded(reference)], absent: [s.nothingToCancel] },
            // A bare yes tells nothing of the matter: the one-line description is asked, as for every request for a person.
            { say: PHRASES.en.yes, expect: [HANDOFF_PHRASES.en.askDescription] },
            { say: HANDOFF_PHRASES.en.skip, expect: [s.queued] }
        ], PETER);
        assert.ok(await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`), 'handed to customer service');
        assert.deepStrictEqual(await objectionMails(harness), { [SARAH]: 'en', [CHRIS]: 'en' });
    });

    for (const [lang, email, which, refusal] of [
        ['en', PETER, 'northwind', "i don't agree with this, i'm not leaving"],
        ['de', MARIA, 'bergmann', 'nee, das geht so nicht, ich bin noch da']
    ] as const) {
        it(`[${lang}] "${refusal}" right after the status of a request against the person: the objection is recorded (not read as a yes)`, async () => {
            const harness = harnessOf();
            const reference = await filed(harness, which, lang);
            const s = SAYS[lang];
            await play(harness, harness.conversation(localeOf(lang)), [
                { say: `Status ${reference}`, expect: [PHRASES[lang].askEmail] },
                { say: email },
                { say: CODE, expect: [new RegExp(reference), s.hint] },
                { say: refusal, expect: [s.recorded(reference)] }
            ], email);
            const stored = await new ChangeRequestRepository(harness.db).byReference(reference);
            assert.ok(stored?.objection, 'the objection is stored');
        });
    }

    it('[de] Maria asks "Wie kann ich den Antrag stoppen?" without a reference: her one open request is meant; Eva and Klaus are mailed in German', async () => {
        const harness = harnessOf();
        const reference = await filed(harness, 'bergmann', 'de');
        const s = SAYS.de;
        const convo = harness.conversation(localeOf('de'));
        await play(harness, convo, [
            { say: 'Wie kann ich den Antrag stoppen?', expect: [s.verifyFirst, PHRASES.de.askEmail], absent: [s.nothingToCancel] },
            { say: MARIA, expect: [PHRASES.de.codeSent] },
            { say: CODE, expect: [s.recorded(reference)], buttons: [s.person] },
            { say: 'Ich widerspreche diesem Antrag ausdrücklich.', expect: [s.already(reference)] },
            { say: `Status ${reference}`, expect: [s.objected], absent: [s.hint] }
        ], MARIA);
        assert.deepStrictEqual(await objectionMails(harness), { [EVA]: 'de', [KLAUS]: 'de' }, 'the requester and the other admin');
        const [toKlaus] = (await harness.mails(KLAUS)).filter((m) => m.kind === 'change-request-objection');
        assert.match(toKlaus.subject, new RegExp(`Maria Bergmann widerspricht dem Antrag ${reference}`));
        assert.match(toKlaus.text, /Guten Tag Klaus Bergmann,\n\n.*Widerspruch vor.\n\nEva Schulz hat am .* beantragt.*Administratorrechte für dieses Konto/);
        assert.match(toKlaus.text, /Maria Bergmann, derzeit Abrechnungskontakt von Bergmann & Söhne AG, hat diesem Antrag widersprochen\./);
        const stored = await new ChangeRequestRepository(harness.db).byReference(reference);
        assert.strictEqual(stored?.objection?.userId, 'U-302');
    });

    it('[de] Maria tells it as a story ("… dass ich ersetzt werden soll … das will ich nicht! wie kann ich das stoppen?"): an objection, no change request of her own', async () => {
        const harness = harnessOf();
        const reference = await filed(harness, 'bergmann', 'de');
        const s = SAYS.de;
        const convo = harness.conversation(localeOf('de'));
        await play(harness, convo, [
            {
                say: 'hallo, ich hab ne mail bekommen dass ich als abrechnungskontakt ersetzt werden soll. ich gehe aber gar nicht in rente, das will ich nicht! wie kann ich das stoppen?',
                expect: [PHRASES.de.askEmail]
            },
            { say: MARIA, expect: [PHRASES.de.codeSent] },
            { say: CODE, expect: [s.recorded(reference)], absent: [/Wer soll Abrechnungskontakt/, /Ich stelle den Antrag/] }
        ], MARIA);
        const stored = await new ChangeRequestRepository(harness.db).byReference(reference);
        assert.strictEqual(stored?.objection?.userId, 'U-302');
    });

    it('[en] Peter objects in his own words ("… wants to replace me as billing contact?? I\'m not leaving, thats wrong." with his address): an objection, no change request of his own', async () => {
        const harness = harnessOf();
        const reference = await filed(harness, 'northwind', 'en');
        await play(harness, harness.conversation(localeOf('en')), [
            { say: "hey, i just got an email that sarah wants to replace me as billing contact?? I'm not leaving, thats wrong. peter.brooks@northwind.example", expect: [PHRASES.en.codeSent] },
            { say: CODE, expect: [SAYS.en.recorded(reference)], absent: [/Who should become the billing contact/, /I'll file the request/, /Please check your request/] }
        ], PETER);
        const stored = await new ChangeRequestRepository(harness.db).byReference(reference);
        assert.strictEqual(stored?.objection?.userId, 'U-201');
    });

    it('[de] Maria objects in her own words („… dass eva mich als abrechnungskontakt ersetzen soll. ich bleibe aber, das stimmt nicht“): ein Widerspruch, kein eigener Antrag', async () => {
        const harness = harnessOf();
        const reference = await filed(harness, 'bergmann', 'de');
        await play(harness, harness.conversation(localeOf('de')), [
            { say: 'ich hab ne mail bekommen, dass eva mich als abrechnungskontakt ersetzen soll. ich bleibe aber, das stimmt nicht', expect: [PHRASES.de.askEmail] },
            { say: MARIA, expect: [PHRASES.de.codeSent] },
            { say: CODE, expect: [SAYS.de.recorded(reference)], absent: [/Wer soll Abrechnungskontakt/, /Ich stelle den Antrag/] }
        ], MARIA);
        const stored = await new ChangeRequestRepository(harness.db).byReference(reference);
        assert.strictEqual(stored?.objection?.userId, 'U-302');
    });

    it('[en] Peter asks why someone else should become billing contact and says he is still here and does not want it: an objection, no change request against himself', async () => {
        const harness = harnessOf();
        const reference = await filed(harness, 'northwind', 'en');
        await play(harness, harness.conversation(localeOf('en')), [
            { say: "why does somebody want to make Sarah our billing contact?? I'm still here and I dont want that. peter.brooks@northwind.example", expect: [PHRASES.en.codeSent] },
            { say: CODE, expect: [SAYS.en.recorded(reference)], absent: [/Who should become the billing contact/, /Why should/, /Please check your request/] }
        ], PETER);
        const stored = await new ChangeRequestRepository(harness.db).byReference(reference);
        assert.strictEqual(stored?.objection?.userId, 'U-201');
    });

    it('[de] Maria sagt, sie sei gegen den Antrag, sie zu ersetzen: ein Widerspruch, keine Frage nach einem neuen Kontakt', async () => {
        const harness = harnessOf();
        const reference = await filed(harness, 'bergmann', 'de');
        await play(harness, harness.conversation(localeOf('de')), [
            { say: 'Ich bin Abrechnungskontakt und bin gegen den Antrag, mich zu ersetzen', expect: [PHRASES.de.askEmail] },
            { say: MARIA, expect: [PHRASES.de.codeSent] },
            { say: CODE, expect: [SAYS.de.recorded(reference)], absent: [/Wer soll Abrechnungskontakt/, /Ich stelle den Antrag/] }
        ], MARIA);
        const stored = await new ChangeRequestRepository(harness.db).byReference(reference);
        assert.strictEqual(stored?.objection?.userId, 'U-302');
    });

    it('[de] the requester cannot object to her own request, and someone of another account gets the usual "not found"; nothing is recorded or mailed', async () => {
        const harness = harnessOf();
        const reference = await filed(harness, 'bergmann', 'de');
        await play(harness, harness.conversation(localeOf('de')), [
            { say: `Ich habe dem nicht zugestimmt, ich widerspreche ${reference}` },
            { say: EVA },
            { say: CODE, expect: [new RegExp(`Den Antrag ${reference} haben Sie selbst gestellt`)] }
        ], EVA);
        await play(harness, harness.conversation(localeOf('de')), [
            { say: `Ich widerspreche ${reference}` },
            { say: LEA },
            { say: CODE, expect: [/Ich finde keinen Änderungsantrag mit dieser Referenz/] }
        ], LEA);
        assert.strictEqual((await new ChangeRequestRepository(harness.db).byReference(reference))?.objection, undefined);
        assert.deepStrictEqual(await objectionMails(harness), {});
    });

    it('[en] "I never agreed to this" with nothing open against the person says so, and keeps the conversation going', async () => {
        const harness = harnessOf();
        await play(harness, harness.conversation(localeOf('en')), [
            { say: "I never agreed to this, please reject it" },
            { say: PETER },
            { say: CODE, expect: [/I can't find an open change request for an account where you are the billing contact/, PHRASES.en.anythingElse] }
        ], PETER);
        assert.deepStrictEqual(await objectionMails(harness), {});
    });
});


describe('Request status without a reference: a verified person is shown their requests (issue 12)', () => {
    const harnessOf = useHarness();

    /** Sarah files a request for `newContact` at Northwind (each its own). */
    async function sarahFiles(harness: BotHarness, newContact: { userId: string; name: string }, key: string): Promise<string> {
        const { services } = harness.runtime;
        const requester = await services.users.get('U-202');
        const account = await services.accounts.get('ACC-2002');
        assert.ok(requester && account);
        const outcome = await services.changeRequests.submit({ requester, account, newContact, reason: 'reorganisation', lang: 'en', channel: 'test', conversationKey: `test:${key}` }, key);
        assert.strictEqual(outcome.kind, 'filed');
        return outcome.request.reference;
    }

    it('[en] Peter, verified, asks "what\'s the status of my request?": both requests against his account, newest first, no reference asked', async () => {
        const harness = harnessOf();
        const first = await sarahFiles(harness, { userId: 'U-203', name: 'Tom Hughes' }, 'a');
        const second = await sarahFiles(harness, { userId: 'U-202', name: 'Sarah Lee' }, 'b');
        const convo = harness.conversation(localeOf('en'));
        const turns = await play(harness, convo, [
            { say: 'am I the billing contact?', expect: [PHRASES.en.askEmail] },
            { say: PETER },
            { say: CODE },
            { say: "what's the status of my request?", expect: [/These are the change requests you filed or that concern your account, newest first/], absent: [/Which request do you mean\?/] }
        ], PETER);
        const list = turns[3].map((r) => r.text).join('\n');
        assert.ok(list.indexOf(second) >= 0 && list.indexOf(second) < list.indexOf(first), `newest first:\n${list}`);
        assert.strictEqual(turns[3].length <= 2, true, 'one message (and the menu question)');
    });

    it('[de] Lea, verified, with no request filed by her or against her: told so, not asked for a reference', async () => {
        const harness = harnessOf();
        await sarahFiles(harness, { userId: 'U-203', name: 'Tom Hughes' }, 'a');
        await play(harness, harness.conversation(localeOf('de')), [
            { say: 'Bin ich der Abrechnungskontakt?', expect: [PHRASES.de.askEmail] },
            { say: LEA },
            { say: CODE },
            { say: 'Wie ist der Stand meines Antrags?', expect: [/Ich finde keinen Änderungsantrag, den Sie gestellt haben oder der ein Konto betrifft/], absent: [/Welchen Antrag meinen Sie\?/] }
        ], LEA);
    });
});
