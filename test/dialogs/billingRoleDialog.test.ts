import * as assert from 'assert';
import { joined, useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play, type Step } from '../helpers/script';
import type { Lang } from '../../core/language';

/** Asks the question, gives the email and the code: the common start of every case. */
function identifySteps(lang: Lang, question: string, email: string): Step[] {
    const p = PHRASES[lang];
    return [
        { say: question, expect: [p.askEmail], absent: [/@/] },
        { say: email, expect: [p.codeSent, p.askCode] },
        { say: CODE, expect: [p.verified] }
    ];
}

interface CaseRow {
    readonly person: string;
    readonly email: string;
    readonly expect: (lang: Lang) => RegExp[];
    readonly absent: (lang: Lang) => RegExp[];
}

/** The cases of the help article with the demo people (DESIGN §1.4, §3). */
const CASES: readonly CaseRow[] = [
    {
        person: 'Jonas Weber (admin, online account): case b, Anna Müller is his billing contact',
        email: 'jonas.weber@mueller-design.example',
        expect: (l) => [PHRASES[l].caseB, /Anna Müller \(anna\.mueller@mueller-design\.example\)/, PHRASES[l].adminMayChange, PHRASES[l].offerEmail],
        absent: (l) => [PHRASES[l].caseA, PHRASES[l].portalOnlyBC]
    },
    {
        person: 'Lea Fischer (no role, online account): case b without a change offer',
        email: 'lea.fischer@mueller-design.example',
        expect: (l) => [PHRASES[l].caseB, /Anna Müller \(anna\.mueller@mueller-design\.example\)/, PHRASES[l].offerEmail],
        absent: (l) => [PHRASES[l].adminMayChange, PHRASES[l].caseA]
    },
    {
        person: 'Anna Müller (billing contact, online account): case a',
        email: 'anna.mueller@mueller-design.example',
        expect: (l) => [PHRASES[l].caseA, /Müller Design GmbH/, /https:\/\/myaccount\.logmeininc\.com/],
        absent: (l) => [PHRASES[l].caseB, PHRASES[l].offerEmail]
    },
    {
        person: 'Peter Brooks (billing contact, corporate account): case c with his username',
        email: 'peter.brooks@northwind.example',
        expect: (l) => [PHRASES[l].caseC, /Northwind Traders Ltd/, /pbrooks/],
        absent: (l) => [PHRASES[l].caseB, PHRASES[l].offerEmail]
    },
    {
        person: 'Maria Bergmann (billing contact, no admin, corporate): case c, and Klaus is the other contact',
        email: 'buchhaltung@bergmann-soehne.example',
        expect: (l) => [PHRASES[l].caseC, /mbergmann-billing/, /Klaus Bergmann/],
        absent: (l) => [PHRASES[l].caseB, /klaus\.bergmann@/]
    },
    {
        person: 'Eva Schulz (admin, corporate): case b/d with two billing administrators',
        email: 'eva.schulz@bergmann-soehne.example',
        expect: (l) => [PHRASES[l].caseBD, /Klaus Bergmann \(klaus\.bergmann@bergmann-soehne\.example\)/, /Maria Bergmann \(buchhaltung@bergmann-soehne\.example\)/, PHRASES[l].adminMayChange],
        absent: (l) => [PHRASES[l].caseC]
    },
    {
        person: 'Tom Hughes (no role, corporate): case b/d, the portal only accepts billing contacts',
        email: 'tom.hughes@northwind.example',
        expect: (l) => [PHRASES[l].caseBD, PHRASES[l].portalOnlyBC, /Peter Brooks \(peter\.brooks@northwind\.example\)/],
        absent: (l) => [PHRASES[l].adminMayChange]
    }
];

describe('BillingRoleDialog: the cases of the help article', () => {
    const harnessOf = useHarness();

    for (const lang of LANGUAGES) {
        for (const row of CASES) {
            it(`[${lang}] ${row.person}`, async () => {
                const harness = harnessOf();
                const convo = harness.conversation(localeOf(lang));
                const welcome = joined(await convo.start());
                assert.match(welcome, PHRASES[lang].welcome);
                const turns = await play(harness, convo, identifySteps(lang, PHRASES[lang].whoIs, row.email), row.email);
                const answer = joined(turns[turns.length - 1]);
                for (const pattern of row.expect(lang)) {
                    assert.match(answer, pattern);
                }
                for (const pattern of row.absent(lang)) {
                    assert.doesNotMatch(answer, pattern);
                }
            });
        }

        it(`[${lang}] Chris Taylor belongs to two accounts and picks one, then the other in a new conversation`, async () => {

            const harness = harnessOf();
            const p = PHRASES[lang];
            const email = 'chris.taylor@taylor-consulting.example';
            const first = harness.conversation(localeOf(lang));
            await play(harness, first, [
                { say: p.amI, expect: [p.askEmail] },
                { say: email, expect: [p.codeSent] },
                { say: CODE, expect: [p.verified, p.chooseAccount], buttons: ['Northwind Traders Ltd', 'Taylor Consulting'], absent: [p.caseA, p.caseB] },
                { say: 'Taylor Consulting', expect: [p.caseA, /Taylor Consulting/] }
            ], email);
            const second = harness.conversation(localeOf(lang));
            await play(harness, second, [
                { say: p.amI, expect: [p.askEmail] },
                { say: email, expect: [p.codeSent] },
                { say: CODE, expect: [p.chooseAccount] },
                { say: '1', expect: [p.caseBD, /Northwind Traders Ltd/, /Peter Brooks/, p.adminMayChange] }
            ], email);
        });

        it(`[${lang}] Chris Taylor switches between his two accounts: by naming one, after "start over", and with "other account"`, async () => {

            const harness = harnessOf();
            const p = PHRASES[lang];
            const email = 'chris.taylor@taylor-consulting.example';
            const convo = harness.conversation(localeOf(lang));
            const aboutTaylor = lang === 'de' ? 'Bin ich der Abrechnungskontakt von Taylor Consulting?' : 'Am I the billing contact for Taylor Consulting?';
            await play(harness, convo, [
                { say: p.amI },
                { say: email },
                { say: CODE, expect: [p.chooseAccount] },
                { say: 'Northwind Traders Ltd', expect: [p.caseBD, /Northwind Traders Ltd/], buttons: [p.emailButton, p.noThanks] },
                { say: p.startOver, expect: [p.restarted] },
                { say: p.amI, expect: [p.chooseAccount], absent: [p.caseBD, p.askEmail] },
                // Said before in this conversation: a short reference instead of the long paragraph.
                { say: 'Northwind Traders Ltd', expect: [p.saidBefore, /Northwind Traders Ltd/, /Peter Brooks/], absent: [p.caseBD] },
                { say: p.noThanks, expect: [p.anythingElse] },
                { say: aboutTaylor, expect: [p.caseA, /Taylor Consulting/], absent: [p.chooseAccount, p.askEmail, /Northwind/] },
                // Of two accounts, "the other account" is the one not chosen: answered without asking which.
                { say: lang === 'de' ? 'anderes Konto' : 'other account', expect: [p.saidBefore, /Northwind Traders Ltd/], absent: [p.chooseAccount, p.askEmail] },
                { say: p.noThanks, expect: [p.anythingElse] },
                { say: aboutTaylor, expect: [p.saidBefore, /Taylor Consulting/] },
                // The short name people use works too.
                { say: lang === 'de' ? 'Bin ich Abrechnungskontakt bei Northwind?' : 'Am I the billing contact for Northwind?', expect: [p.saidBefore, /Northwind Traders Ltd/], absent: [p.caseA, /Taylor/] }
            ], email);
            assert.strictEqual((await harness.mails(email)).length, 1, 'one verification only');
        });

        it(`[${lang}] an account named in the first question is answered after the code, without asking which account`, async () => {
            const harness = harnessOf();
            const p = PHRASES[lang];
            const email = 'chris.taylor@taylor-consulting.example';
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: lang === 'de' ? 'Bin ich Abrechnungskontakt bei Northwind?' : 'Am I the billing contact for Northwind?', expect: [p.askEmail] },
                { say: email },
                { say: CODE, expect: [p.verified, p.caseBD, /Northwind Traders Ltd/], absent: [p.chooseAccount] }
            ], email);
        });

        it(`[${lang}] a sentence that merely holds a number ("the other one") is no pick of the first option`, async () => {

            const harness = harnessOf();
            const p = PHRASES[lang];
            const email = 'chris.taylor@taylor-consulting.example';
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: p.amI },
                { say: email },
                { say: CODE, expect: [p.chooseAccount] },
                { say: 'Northwind Traders Ltd', expect: [p.caseBD], buttons: [p.emailButton, p.noThanks] },
                { say: lang === 'de' ? 'nicht die 1, die andere' : 'the other one', expect: [lang === 'de' ? /Bitte wählen Sie eine der Optionen/ : /Please choose one of the options/], absent: [p.askMessage, p.cancelled] },
                { say: lang === 'de' ? 'Nummer 2' : 'the second one', expect: [lang === 'de' ? /Wer soll Abrechnungskontakt von Northwind/ : /Who should become the billing contact of Northwind/], absent: [p.askMessage] }
            ], email);
        });

        it(`[${lang}] asking again after verification answers at once, without a new code`, async () => {

            const harness = harnessOf();
            const p = PHRASES[lang];
            const convo = harness.conversation(localeOf(lang));
            const email = 'lea.fischer@mueller-design.example';
            await play(harness, convo, [...identifySteps(lang, p.whoIs, email), { say: p.noThanks, expect: [p.anythingElse] }], email);
            // The answer was given in full above: now a short reference.
            await play(harness, convo, [{ say: p.amI, expect: [p.saidBefore, /Anna Müller \(anna\.mueller@mueller-design\.example\)/], absent: [p.askEmail, p.codeSent, p.caseB] }]);
            assert.strictEqual((await harness.mails(email)).length, 1, 'one code mail only');
        });
    }
});
