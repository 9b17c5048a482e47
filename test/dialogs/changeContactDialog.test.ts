import * as assert from 'assert';
import { ActivityTypes } from 'botbuilder';
import { ChangeRequestRepository } from '../../data/repositories/changeRequestRepository';
import { AuditLog } from '../../data/repositories/auditLog';
import { BotHarness, joined, type Conversation, useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import type { Lang } from '../../core/language';
import { JONAS, KLAUS, EVA, ANNA, LEA, MARIA } from '../helpers/demoPeople';

/** Asks `question` and verifies as `email`; returns the replies of the code turn. */
async function verifiedBy(harness: BotHarness, convo: Conversation, lang: Lang, question: string, email: string): Promise<string> {
    const turns = await play(harness, convo, [{ say: question }, { say: email, expect: [PHRASES[lang].codeSent] }, { say: CODE, expect: [PHRASES[lang].verified] }], email);
    return joined(turns[2]);
}

/** Jonas asks for Lea as new billing contact, up to the confirmation question. */
async function jonasAsksForLea(harness: BotHarness, convo: Conversation, lang: Lang): Promise<void> {
    const p = TASK_PHRASES[lang];
    const afterCode = await verifiedBy(harness, convo, lang, p.changeContact, JONAS);
    assert.match(afterCode, p.askNewContact);
    assert.match(afterCode, p.changeIntro, 'an admin hears that the bot files the request');
    assert.doesNotMatch(afterCode, /Anna (arbeitet|has moved)/);
    await play(harness, convo, [
        { say: 'Lea Fischer', expect: [p.askReason, /Lea Fischer/] },
        { say: lang === 'de' ? 'Anna wechselt in eine andere Abteilung.' : 'Anna is moving to another department.', expect: [p.summary, /Lea Fischer/, /Anna Müller/, p.confirm], absent: [/lea\.fischer@/] }
    ]);
}

describe('ChangeContactDialog: billing-contact change requests (article §1.3)', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES) {
        const p = TASK_PHRASES[lang];
        const yes = PHRASES[lang].yes;

        it(`[${lang}] Jonas Weber (admin) requests Lea Fischer; he gets a reference and a confirmation, Anna Müller a German notice`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await jonasAsksForLea(harness, convo, lang);
            assert.strictEqual((await harness.mails(ANNA)).length, 0, 'nothing is sent before the yes');
            const filed = joined(await convo.say(yes));
            const reference = p.filed.exec(filed)?.[1];
            assert.match(reference ?? '', /^BC-2026-\d{6}$/, filed);
            assert.match(filed, new RegExp(`${JONAS}.*Anna Müller`));
            assert.match(filed, PHRASES[lang].anythingElse);

            const [confirmation] = (await harness.mails(JONAS)).filter((m) => m.kind === 'change-request-confirmation');
            assert.strictEqual(confirmation.locale, lang, 'the confirmation speaks the language of the chat');
            assert.ok(confirmation.subject.includes(reference ?? '?'));
            assert.match(confirmation.text, lang === 'de' ? /Neuer Abrechnungskontakt: Lea Fischer/ : /New billing contact: Lea Fischer/);

            const [notice] = await harness.mails(ANNA);
            assert.strictEqual(notice.kind, 'change-request-notice');
            assert.strictEqual(notice.locale, 'de', 'Anna reads German');
            assert.match(notice.subject, /Änderung des Abrechnungskontakts von Müller Design GmbH beantragt/);
            assert.match(notice.text, /Guten Tag Anna Müller/);
            assert.match(notice.text, /Jonas Weber, mit Administratorrechten für Müller Design GmbH/);
            assert.ok(notice.text.includes(reference ?? '?'));

            const stored = await new ChangeRequestRepository(harness.db).byReference(reference ?? '');
            assert.ok(stored);
            assert.strictEqual(stored.status, 'open');
            assert.strictEqual(stored.requesterId, 'U-102');
            assert.strictEqual(stored.accountId, 'ACC-1001');
            assert.deepStrictEqual(stored.oldContacts, [{ id: 'U-101', name: 'Anna Müller' }]);
            assert.deepStrictEqual(stored.newContact, { userId: 'U-103', name: 'Lea Fischer' });
            assert.strictEqual(stored.channel, 'directline');
            const audit = await new AuditLog(harness.db, harness.clock).recent(10, `request:${reference}`);
            assert.deepStrictEqual(audit.map((a) => [a.actor, a.action]), [['user:U-102', 'change-request.filed']]);
        });

        it(`[${lang}] the status is told to Jonas and Anna; Lea and a made-up reference get the same "not found"`, async () => {
            const harness = harnessOf();
            const jonas = harness.conversation(localeOf(lang));
            await jonasAsksForLea(harness, jonas, lang);
            const reference = p.filed.exec(joined(await jonas.say(yes)))?.[1] ?? '';
            await play(harness, jonas, [{ say: `Status ${reference}`, expect: [p.statusFound, new RegExp(reference)], absent: [PHRASES[lang].askEmail] }]);

            const anna = harness.conversation(localeOf(lang));
            await play(harness, anna, [{ say: `Status ${reference}`, expect: [PHRASES[lang].askEmail] }, { say: ANNA }, { say: CODE, expect: [p.statusFound, /Jonas Weber/] }], ANNA);

            const lea = harness.conversation(localeOf(lang));
            await play(harness, lea, [{ say: `status ${reference.toLowerCase()}` }, { say: LEA }, { say: CODE, expect: [p.statusNotFound], absent: [p.statusFound] }], LEA);
            const forLea = (await lea.say(`Status ${reference}`)).map((r) => r.text);
            const madeUp = (await lea.say('Status BC-2026-999999')).map((r) => r.text);
            assert.deepStrictEqual(madeUp, forLea, 'same answer for a request she may not see and one that does not exist');
            assert.match(madeUp.join('\n'), p.statusNotFound);
        });

        it(`[${lang}] asking for the status without a reference asks for it`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: p.statusQuestion, expect: [p.askReference] },
                { say: 'no idea', expect: [/BC-2026-000123/] },
                { say: 'BC-2026-000001', expect: [PHRASES[lang].askEmail] }
            ]);
        });

        it(`[${lang}] Lea Fischer (no admin) cannot request: she learns her admins' names, not their emails, and is offered other ways`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const afterCode = await verifiedBy(harness, convo, lang, p.changeContact, LEA);
            assert.match(afterCode, p.adminsOnly);
            assert.doesNotMatch(afterCode, p.changeIntro, 'no promise to file a request to someone who may not ask');
            assert.match(afterCode, lang === 'de' ? /Anna Müller und Jonas Weber/ : /Anna Müller and Jonas Weber/);
            assert.doesNotMatch(afterCode.split('\n').slice(1).join('\n'), /@/, 'no email address after the verification line');
            await play(harness, convo, [{ say: p.emailAdminButton, expect: [PHRASES[lang].askMessage, /Anna Müller/] }]);
            const count = await new ChangeRequestRepository(harness.db).list();
            assert.strictEqual(count.length, 0);
        });

        it(`[${lang}] Maria Bergmann (billing contact, no admin) is refused without being offered to email the billing administrator`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const turns = await play(harness, convo, [
                { say: p.changeContact, absent: [p.changeIntro] },
                { say: MARIA },
                { say: CODE, expect: [lang === 'de' ? /keine Administratorrechte für Bergmann & Söhne AG/ : /not an admin of Bergmann & Söhne AG/], absent: [p.changeIntro], buttons: [p.customerServiceButton, p.noThanksButton] }
            ], MARIA);
            assert.ok(!turns[2].flatMap((r) => r.buttons).includes(p.emailAdminButton), 'she is a billing contact herself');
            const closing = joined(await convo.say(p.noThanksButton));
            assert.match(closing, lang === 'de' ? /In Ordnung\. Wenn Sie noch etwas brauchen/ : /All right\. If you need anything else/, 'the "No, thanks" button gets a closing');
            assert.doesNotMatch(closing, lang === 'de' ? /Gern geschehen/ : /You're welcome/);
        });

        it(`[${lang}] Eva Schulz asks for a change at Bergmann & Söhne AG: two current billing contacts are named in the plural, in chat and mail`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const current = lang === 'de' ? 'Klaus Bergmann und Maria Bergmann' : 'Klaus Bergmann and Maria Bergmann';
            const plural = lang === 'de' ? `Bisherige Abrechnungskontakte: ${current}` : `Current billing contacts: ${current}`;
            await play(harness, convo, [
                { say: p.changeContact },
                { say: EVA },
                { say: CODE, expect: [p.changeIntro, new RegExp(lang === 'de' ? `Im Moment sind es ${current}` : `At the moment they are ${current}`)] },
                // Two current contacts: whom Eva replaces is asked.
                { say: 'Eva Schulz', expect: [lang === 'de' ? /Wen soll Eva Schulz als Abrechnungskontakt ersetzen\?/ : /Whom should Eva Schulz replace as billing contact\?/] },
                { say: 'Klaus Bergmann', expect: [p.askReason] },
                { say: lang === 'de' ? 'Klaus geht in den Ruhestand.' : 'Klaus retires.', expect: [p.summary, new RegExp(plural)] },
                { say: yes, expect: [p.filed] }
            ], EVA);
            const [confirmation] = (await harness.mails(EVA)).filter((m) => m.kind === 'change-request-confirmation');
            assert.ok(confirmation.text.includes(plural), confirmation.text);
            const [notice] = await harness.mails(KLAUS);
            assert.ok(notice.text.includes(`Bisherige Abrechnungskontakte: Klaus Bergmann und Maria Bergmann`), notice.text);
        });

        it(`[${lang}] a new person as new contact: name, an invalid email asked again, then the request`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await verifiedBy(harness, convo, lang, p.changeContact, JONAS);
            await play(harness, convo, [
                { say: p.someoneElse, expect: [p.askName] },
                { say: 'Max Mustermann', expect: [p.askEmail] },
                { say: 'max at firma', expect: [p.invalidEmail] },
                { say: lang === 'de' ? 'Sie lautet max.mustermann@firma.example' : "it's max.mustermann@firma.example", expect: [p.askReason, /Max Mustermann/] },
                { say: 'Anna retires.', expect: [p.summary, /Max Mustermann \(max\.mustermann@firma\.example\)/] },
                { say: yes, expect: [p.filed] }
            ]);
            const [request] = await new ChangeRequestRepository(harness.db).list();
            assert.deepStrictEqual(request.newContact, { name: 'Max Mustermann', email: 'max.mustermann@firma.example' });
            assert.strictEqual(request.reason, 'Anna retires.');
        });

        it(`[${lang}] the new contact is picked by a name alone ("Lea", "die Lea"), by "myself", or "none of them" for someone else; a sentence sharing a word with a name is asked again`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await verifiedBy(harness, convo, lang, p.changeContact, JONAS);
            await play(harness, convo, [
                { say: lang === 'de' ? 'Lea soll es machen, sie ist neu' : 'Lea should do it, she is new', expect: [p.askNewContactRetry] },
                { say: 'Lea', expect: [p.askReason, /Lea Fischer/] }
            ]);
            const other = harness.conversation(localeOf(lang));
            await verifiedBy(harness, other, lang, p.changeContact, JONAS);
            await play(harness, other, [{ say: lang === 'de' ? 'die Lea bitte' : 'Mrs Fischer please', expect: [p.askReason, /Lea Fischer/] }]);
            const self = harness.conversation(localeOf(lang));
            await verifiedBy(harness, self, lang, p.changeContact, JONAS);
            await play(harness, self, [{ say: lang === 'de' ? 'mich selbst' : 'myself', expect: [p.askReason, /Jonas Weber/] }]);
            const none = harness.conversation(localeOf(lang));
            await verifiedBy(harness, none, lang, p.changeContact, JONAS);
            await play(harness, none, [{ say: lang === 'de' ? 'keiner davon' : 'none of them', expect: [p.askName] }]);
        });

        it(`[${lang}] a second request for the same account is filed only after a note about the one being handled; the very same change again is not filed twice`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await jonasAsksForLea(harness, convo, lang);
            const first = p.filed.exec(joined(await convo.say(yes)))?.[1] ?? '?';
            await play(harness, convo, [
                { say: p.changeContact, expect: [p.askNewContact] },
                { say: lang === 'de' ? 'mich selbst' : 'myself', expect: [p.askReason, /Jonas Weber/] },
                { say: lang === 'de' ? 'Zur Vertretung.' : 'As a stand-in.', expect: [p.summary, new RegExp(`${first}.*(in Bearbeitung|already being handled)`), p.confirm] }
            ]);
            const again = harness.conversation(localeOf(lang));
            await verifiedBy(harness, again, lang, p.changeContact, JONAS);
            const told = joined(await again.say('Lea Fischer'));
            assert.match(told, new RegExp(lang === 'de' ? `Genau diese Änderung \\(Lea Fischer als Abrechnungskontakt von Müller Design GmbH\\) ist bereits mit dem Antrag ${first} vom` : `Request ${first}, filed on .*, already asks for exactly this change \\(Lea Fischer as billing contact of Müller Design GmbH\\)`));
            assert.doesNotMatch(told, p.askReason);
            assert.strictEqual((await new ChangeRequestRepository(harness.db).list()).filter((r) => r.newContact.userId !== undefined && r.newContact.name === 'Lea Fischer').length, 1);
        });

        it(`[${lang}] saying no files nothing and sends nothing`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await jonasAsksForLea(harness, convo, lang);
            await play(harness, convo, [{ say: PHRASES[lang].no, expect: [p.notFiled, PHRASES[lang].anythingElse] }]);
            assert.strictEqual((await new ChangeRequestRepository(harness.db).list()).length, 0);
            assert.deepStrictEqual((await harness.mails()).map((m) => m.kind), ['verification-code']);
        });

        it(`[${lang}] an address typed as the reason is asked again; at the summary a no with a correction the bot cannot place keeps the request, and "the reason is …" rewrites the reason`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const afterCode = await verifiedBy(harness, convo, lang, p.changeContact, JONAS);
            assert.match(afterCode, p.askNewContact);
            const de = lang === 'de';
            await play(harness, convo, [
                { say: 'Lea Fischer', expect: [p.askReason] },
                { say: 'lea.fischr@mueller-design.example', expect: [de ? /Das ist eine E-Mail-Adresse/ : /That's an email address/, p.askReason], absent: [p.summary] },
                { say: de ? 'Anna geht in Rente.' : 'Anna is retiring.', expect: [p.summary, p.confirm] },
                { say: de ? 'ne falsche adresse, lea.fischer@mueller-design.example' : 'no wrong address, lea.fischer@mueller-design.example', expect: [de ? /noch nichts eingereicht/ : /Nothing has been filed yet/, p.summary, p.confirm], absent: [p.notFiled] },
                { say: de ? 'nein, der Grund ist: Anna geht Ende Mai in Rente' : 'no, the reason is: Anna retires at the end of May', expect: [p.summary, de ? /Grund: Anna geht Ende Mai in Rente/ : /Reason: Anna retires at the end of May/, p.confirm] },
                { say: yes, expect: [p.filed] }
            ]);
            const requests = await new ChangeRequestRepository(harness.db).list();
            assert.deepStrictEqual(requests.map((r) => [r.newContact.name, r.reason]), [['Lea Fischer', de ? 'Anna geht Ende Mai in Rente' : 'Anna retires at the end of May']]);
        });

        it(`[${lang}] offered to an admin after case b: the button goes straight to the request, without a new code`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: PHRASES[lang].whoIs },
                { say: JONAS },
                { say: CODE, expect: [PHRASES[lang].caseB, PHRASES[lang].adminMayChange], buttons: [PHRASES[lang].emailButton, p.requestChangeButton, PHRASES[lang].noThanks] },
                { say: p.requestChangeButton, expect: [p.changeIntro, p.askNewContact], absent: [PHRASES[lang].askEmail] }
            ], JONAS);
        });

        it(`[${lang}] "Status BC-…" typed in the middle of a request answers, then the request goes on; a short reason is no command`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await verifiedBy(harness, convo, lang, p.changeContact, JONAS);
            await play(harness, convo, [
                { say: 'Status BC-2026-000042', expect: [p.statusNotFound, p.askNewContact] },
                { say: 'Lea Fischer', expect: [p.askReason] },
                { say: 'Anna quit.', expect: [p.summary, /Anna quit\./], absent: [PHRASES[lang].cancelled] },
                { say: yes, expect: [p.filed] }
            ]);
        });

        it(`[${lang}] a retried activity files one request and one set of emails`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            await jonasAsksForLea(harness, convo, lang);
            // The channel drops the bot's answer the first time (the turn fails after the request is filed) and retries the activity.
            let failOnce = true;
            convo.use(async (context, next) => {
                context.onSendActivities(async (_ctx, activities, nextSend) => {
                    if (failOnce && activities.some((a) => /BC-\d{4}-\d{6}/.test(a.text ?? ''))) {
                        failOnce = false;
                        throw new Error('connection reset by the channel');
                    }
                    return nextSend();
                });
                await next();
            });
            const activity = { type: ActivityTypes.Message, text: yes, id: 'activity-42' };
            const first = joined(await convo.deliver(activity));
            assert.doesNotMatch(first, p.filed, 'the first attempt failed');
            const retry = joined(await convo.deliver(activity));
            assert.match(retry, p.filed);
            assert.deepStrictEqual(await convo.deliver(activity), [], 'a third delivery of a completed activity runs no turn');
            assert.strictEqual((await new ChangeRequestRepository(harness.db).list()).length, 1);
            const kinds = (await harness.mails()).map((m) => m.kind).filter((k) => k.startsWith('change-request')).sort();
            assert.deepStrictEqual(kinds, ['change-request-confirmation', 'change-request-notice']);
        });
    }

    it('a day allows three requests per person, then answers politely', async () => {
        const harness = harnessOf();
        const convo = harness.conversation('en-US');
        const p = TASK_PHRASES.en;
        await verifiedBy(harness, convo, 'en', p.changeContact, JONAS);
        for (let i = 1; i <= 4; i++) {
            if (i > 1) {
                await play(harness, convo, [{ say: p.changeContact, expect: [p.askNewContact] }]);
            }
            const replies = await play(harness, convo, [{ say: 'Lea Fischer' }, { say: `Reason ${i}` }, { say: 'yes' }]);
            assert.match(joined(replies[2]), i <= 3 ? p.filed : /already filed several requests today/);
            // Decided, so the same change may be asked for again (a pending one is not filed twice).
            const requests = new ChangeRequestRepository(harness.db);
            for (const request of await requests.list('open')) {
                await requests.setStatus(request.id, 'open', 'rejected', null, Date.now());
            }
        }
        assert.strictEqual((await new ChangeRequestRepository(harness.db).list()).length, 3);
    });
});
