import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { JONAS } from '../helpers/demoPeople';
import type { Lang } from '../../core/language';

/** What the help article says, as the bot must say it (DESIGN §1, seed/billing-contact-help-de.txt). */
const FACTS: Record<Lang, {
    addLicenses: string;
    notAdminsAddLicenses: RegExp;
    adminSeesContact: RegExp;
    signIn: string;
    noteNameAndEmail: RegExp;
    adminCenterWay: RegExp;
}> = {
    en: {
        addLicenses: 'how do I add licenses in the admin center?',
        notAdminsAddLicenses: /Admins can (also )?add licenses/i,
        adminSeesContact: /admin who is not the billing contact and clicks "Add licenses" in the Admin Center \(https:\/\/admin\.logmeininc\.com\) only sees the billing contact's name and email address/,
        signIn: 'How do I sign in to Billing?',
        noteNameAndEmail: /a note with your billing administrator's name and email address/,
        adminCenterWay: /Admin Center at https:\/\/admin\.logmeininc\.com and click "Add licenses" in the left-hand menu.*name and email address/
    },
    de: {
        addLicenses: 'wie füge ich im admin center lizenzen hinzu?',
        notAdminsAddLicenses: /Administratoren können .*Lizenzen hinzufügen/,
        adminSeesContact: /Administrator, der nicht Abrechnungskontakt ist, sieht im Admin Center \(https:\/\/admin\.logmeininc\.com\) unter „Lizenzen hinzufügen“ nur den Namen und die E-Mail-Adresse des Abrechnungskontakts/,
        signIn: 'Wie melde ich mich bei der Abrechnung an?',
        noteNameAndEmail: /Hinweis mit dem Namen und der E-Mail-Adresse Ihres Abrechnungsadministrators/,
        adminCenterWay: /Admin Center unter https:\/\/admin\.logmeininc\.com an und klicken Sie im linken Menü auf „Lizenzen hinzufügen“.*Name und E-Mail-Adresse des Abrechnungskontakts/
    }
};

describe('The article, said right: Add licenses, the note of Go to Billing, the Admin Center way', () => {
    const harnessOf = useHarness();
    for (const lang of LANGUAGES) {
        const f = FACTS[lang];
        it(`[${lang}] admins do not add licenses in the Admin Center: one who is not the billing contact only sees the contact's name and email there`, async () => {
            const harness = harnessOf();
            await play(harness, harness.conversation(localeOf(lang)), [{ say: f.addLicenses, expect: [f.adminSeesContact], absent: [f.notAdminsAddLicenses] }]);
        });

        it(`[${lang}] the sign-in topic says the note shows the billing contact's name and email`, async () => {
            const harness = harnessOf();
            await play(harness, harness.conversation(localeOf(lang)), [{ say: f.signIn, expect: [f.noteNameAndEmail] }]);
        });

        it(`[${lang}] an admin who is not the billing contact learns the Admin Center way to look the contact up`, async () => {
            const harness = harnessOf();
            await play(harness, harness.conversation(localeOf(lang)), [
                { say: PHRASES[lang].whoIs },
                { say: JONAS },
                { say: CODE, expect: [PHRASES[lang].caseB, f.adminCenterWay] }
            ], JONAS);
        });
    }
});

describe('Shorter answers: the case in one message, a long paragraph once', () => {
    const harnessOf = useHarness();
    for (const lang of LANGUAGES) {
        const p = PHRASES[lang];
        it(`[${lang}] the verified admin of case b gets the case and what an admin may do in one message, and a short reference when asking again`, async () => {
            const harness = harnessOf();
            const convo = harness.conversation(localeOf(lang));
            const turns = await play(harness, convo, [{ say: p.whoIs }, { say: JONAS }, { say: CODE, expect: [p.verified, p.caseB, p.adminMayChange, p.offerEmail] }], JONAS);
            const answer = turns[2].filter((reply) => p.caseB.test(reply.text));
            assert.strictEqual(answer.length, 1);
            assert.match(answer[0].text, p.adminMayChange, 'the admin line is in the same message');
            const again = await play(harness, convo, [{ say: p.noThanks }, { say: p.amI, expect: [p.saidBefore], absent: [p.caseB, p.adminMayChange] }]);
            const reference = again[1].find((reply) => p.saidBefore.test(reply.text));
            assert.ok(reference && reference.text.length < 160, 'the reference is short');
        });
    }
});
