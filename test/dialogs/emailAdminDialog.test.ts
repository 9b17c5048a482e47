import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';

describe('EmailAdminDialog: case b, emailing the billing administrator for the person', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES) {
        const p = PHRASES[lang];

        it(`[${lang}] Jonas emails Anna: preview in Anna's language, sent only after yes, reply-to Jonas`, async () => {

            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const jonas = 'jonas.weber@mueller-design.example';
            await play(harness, convo, [
                { say: p.whoIs },
                { say: jonas },
                { say: CODE, expect: [p.offerEmail], buttons: [p.emailButton, p.noThanks] },
                { say: p.emailButton, expect: [p.askMessage, /Anna Müller/] },
                { say: 'Please add five licenses for the sales team.', expect: [p.preview, /Jonas Weber hat eine Frage zur Abrechnung von Müller Design GmbH/, /Please add five licenses/, p.confirm] }
            ], jonas);
            assert.strictEqual((await harness.mails('anna.mueller@mueller-design.example')).length, 0, 'nothing is sent before the yes');
            await play(harness, convo, [{ say: p.yes, expect: [p.sent, /Anna Müller/, p.anythingElse] }]);
            const [mail] = await harness.mails('anna.mueller@mueller-design.example');
            assert.strictEqual(mail.kind, 'admin-contact');
            assert.strictEqual(mail.locale, 'de', 'Anna reads German');
            assert.strictEqual(mail.replyTo, jonas);
            assert.match(mail.text, /Guten Tag Anna Müller/);
            assert.match(mail.text, /Please add five licenses for the sales team\./);
        });

        it(`[${lang}] Tom emails Peter in English; saying no sends nothing`, async () => {

            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const tom = 'tom.hughes@northwind.example';
            await play(harness, convo, [
                { say: p.amI },
                { say: tom },
                { say: CODE, expect: [p.offerEmail] },
                { say: p.emailButton, expect: [p.askMessage] },
                { say: 'We need the Enterprise plan for 20 more people.', expect: [p.preview, /asks you about the billing of Northwind Traders Ltd/] },
                { say: p.no, expect: [p.notSent, p.anythingElse] }
            ], tom);
            assert.strictEqual((await harness.mails('peter.brooks@northwind.example')).length, 0);
        });

        it(`[${lang}] a message that is too long is asked for again, politely`, async () => {

            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const lea = 'lea.fischer@mueller-design.example';
            await play(harness, convo, [{ say: p.whoIs }, { say: lea }, { say: CODE }, { say: p.emailButton, expect: [p.askMessage] }], lea);
            const replies = await convo.say('x'.repeat(1500));
            assert.match(replies.map((r) => r.text).join('\n'), lang === 'de' ? /weniger als 1000 Zeichen/ : /under 1000 characters/);
        });
    }
});
