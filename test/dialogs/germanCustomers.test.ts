import * as assert from 'assert';
import { useHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { TASK_PHRASES } from '../helpers/taskPhrases';
import { ANNA, EVA, JONAS, KLAUS, LEA, MARIA } from '../helpers/demoPeople';

const CHRIS = 'chris.taylor@taylor-consulting.example';
const de = { p: PHRASES.de, task: TASK_PHRASES.de };
const en = { p: PHRASES.en, task: TASK_PHRASES.en };

/** Whole conversations as German-speaking customers write them (issue 12), with what must have happened at the end. */
const ROWS: readonly ConversationRow[] = [
    {
        name: '„Ich bin Eva Schulz von …“ stellt die Person vor: sie ist nicht der neue Abrechnungskontakt, und ihre Vorstellung ist kein Grund',
        lang: 'de', email: EVA,
        steps: [
            { say: 'Moin! Ich bin Eva Schulz von Bergmann & Söhne. Wir müssen den Abrechnungskontakt ändern, Maria Bergmann geht Ende des Monats in Rente.', expect: [de.p.askEmail] },
            { say: EVA, expect: [de.p.codeSent] },
            { say: CODE, expect: [/Wer soll Abrechnungskontakt von Bergmann & Söhne AG werden\?/], absent: [de.task.summary, /Neuer Abrechnungskontakt: Eva Schulz/] },
            { say: 'Eine andere Person', expect: [de.task.askName] },
            { say: 'Petra Klein', expect: [/E-Mail-Adresse von Petra Klein/] },
            {
                say: 'petra.klein@bergmann-soehne.example',
                expect: [de.task.summary, /Neuer Abrechnungskontakt: Petra Klein/, /Ersetzt: Maria Bergmann/, /Grund: Maria Bergmann geht Ende des Monats in Rente/],
                absent: [/Grund: Ich bin/]
            },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-3003', newContact: /^Petra Klein \(petra\.klein@bergmann-soehne\.example\)$/, reason: /^Maria Bergmann geht Ende des Monats in Rente$/ }, noHandoff: true }
    },
    {
        name: '„Hallo, ich bin Jonas Weber“ ist kein Grund: der Grund ist, was die Nachricht sonst sagt',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'Hallo, ich bin Jonas Weber. Anna Müller geht in Elternzeit, bitte ändern Sie den Abrechnungskontakt auf Lea Fischer.', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.task.summary, /Neuer Abrechnungskontakt: Lea Fischer/, /Grund: Anna Müller geht in Elternzeit/], absent: [/Grund: .*ich bin/i] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Lea Fischer$/, reason: /^Anna Müller geht in Elternzeit$/ }, noHandoff: true }
    },
    {
        name: '"This is Sarah Lee …": whoever introduces themselves is not the new billing contact',
        lang: 'en', email: 'sarah.lee@northwind.example',
        steps: [
            { say: 'Hi, this is Sarah Lee. I want to change the billing contact, Peter Brooks is retiring next month.', expect: [en.p.askEmail] },
            { say: 'sarah.lee@northwind.example', expect: [en.p.codeSent] },
            { say: CODE, expect: [/Who should become the billing contact of Northwind/], absent: [/New billing contact: Sarah Lee/] },
            { say: 'bye', expect: [] }
        ],
        outcome: { noRequest: 'ACC-2002' }
    },
    {
        name: '"peter brooks is retiring" typed in lower case: the reason writes the name as the account does',
        lang: 'en', email: 'sarah.lee@northwind.example',
        steps: [
            { say: "hi, peter brooks is retiring, we need a new billing contact. i'm sarah.lee@northwind.example", expect: [en.p.codeSent] },
            { say: CODE, expect: [/Who should become the billing contact of Northwind/] },
            { say: 'tom hughes please', expect: [en.task.summary, /Reason: Peter Brooks is retiring/], absent: [/Peter brooks/] },
            { say: 'yes', expect: [en.task.filed] }
        ],
        outcome: { request: { account: 'ACC-2002', newContact: /^Tom Hughes$/, reason: /^Peter Brooks is retiring$/ }, noHandoff: true }
    },
    {
        name: '„auf mich umstellen“ in der ersten Nachricht nennt die Person selbst als neuen Abrechnungskontakt',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'Anna ist in Elternzeit. Kannst du den Abrechnungskontakt bitte auf mich umstellen?', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [/Neuer Abrechnungskontakt: Jonas Weber/], absent: [de.task.askNewContact] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Jonas Weber$/ }, noHandoff: true }
    },
    {
        name: '„auf mich bitte“ und „ich mach das jetzt“ bei der Wahl des neuen Kontakts wählen die Person selbst',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'ich will den rechnungskontakt wechseln', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.task.askNewContact] },
            { say: 'auf mich bitte', expect: [/Warum soll Jonas Weber Abrechnungskontakt werden/], absent: [de.task.askNewContactRetry] },
            { say: 'Anna ist in Elternzeit', expect: [de.task.summary] },
            { say: 'ja', expect: [de.task.filed] }
        ],
        outcome: { request: { account: 'ACC-1001', newContact: /^Jonas Weber$/ }, noHandoff: true }
    },
    {
        name: '„ich bin chris, chris.taylor@…“: die Adresse nach dem Namen ist die eigene, der Code geht sofort hinaus',
        lang: 'de', email: CHRIS,
        steps: [
            { say: 'hallo! ich bin chris, chris.taylor@taylor-consulting.example, bin ich der rechnungskontakt?', expect: [de.p.codeSent], absent: [de.p.askEmail] },
            { say: CODE, expect: [de.p.verified] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„… bin eva.schulz@…“ ohne „ich“: die Adresse ist die eigene, der Code geht sofort hinaus',
        lang: 'de', email: EVA,
        steps: [
            { say: 'hallo wer ist bei uns der rechnungskontakt? bin eva.schulz@bergmann-soehne.example', expect: [de.p.codeSent], absent: [de.p.askEmail] },
            { say: CODE, expect: [de.p.verified] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„ist anna@… unser Kontakt? Ich bin angemeldet mit jonas@…“: die eigene Adresse nach einer fremden bekommt den Code',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'ist anna.mueller@mueller-design.example bei uns der rechnungskontakt? ich bin angemeldet mit jonas.weber@mueller-design.example', expect: [de.p.codeSent, /jonas\.weber@mueller-design\.example/], absent: [de.p.askEmail, /anna\.mueller@mueller-design\.example gehört/] },
            { say: CODE, expect: [de.p.verified] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '"signed in as peter.brooks@…" after the question: that address is the own one',
        lang: 'en', email: 'peter.brooks@northwind.example',
        steps: [
            { say: 'who handles billing for us? signed in as peter.brooks@northwind.example', expect: [en.p.codeSent], absent: [en.p.askEmail] },
            { say: CODE, expect: [en.p.verified] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„schreib ihr bitte, dass wir 3 lizenzen mehr brauchen“: die Mail bekommt einen ganzen Satz, nicht „Wir 3 lizenzen mehr brauchen“',
        lang: 'de', email: LEA,
        steps: [
            { say: 'servus, wer ist bei uns eigentlich für die abrechnung zuständig?', expect: [de.p.askEmail] },
            { say: LEA, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.offerEmail] },
            { say: 'ok dann schreib ihr bitte dass wir 3 lizenzen mehr brauchen fürs neue team', expect: [de.p.preview, /Ich möchte Ihnen mitteilen, dass wir 3 lizenzen mehr brauchen fürs neue team/], absent: [/^Wir 3 lizenzen/m] },
            { say: 'ja', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /Ich möchte Ihnen mitteilen, dass wir 3 lizenzen mehr brauchen fürs neue team/ }, noHandoff: true }
    },
    {
        name: '„kann ich der Person schreiben?“ beim Angebot fragt nach der Nachricht; „ja bitte, sag ihr, dass …“ beim Entwurf ergänzt einen ganzen Satz',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'hallo, wer kümmert sich bei uns eigentlich um die rechnungen?', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.offerEmail] },
            { say: 'ok und kann ich der person schreiben?', expect: [de.p.askMessage], absent: [de.p.preview] },
            { say: 'Die Rechnung für November fehlt noch.', expect: [de.p.preview, de.p.confirm] },
            {
                say: 'ja bitte, sag ihr dass die kreditkarte abläuft und sie die neue hinterlegen soll',
                expect: [de.p.preview, /Die Rechnung für November fehlt noch\.\n\nIch möchte Ihnen mitteilen, dass die kreditkarte abläuft und sie die neue hinterlegen soll/],
                absent: [/^Dass die kreditkarte/m, /sag ihr/]
            },
            { say: 'ja', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /Die Rechnung für November fehlt noch\.\s+Ich möchte Ihnen mitteilen, dass die kreditkarte abläuft/ }, noHandoff: true }
    },
    {
        name: '„leiten Sie das bitte weiter“ beim Angebot: die Schilderung aus der ersten Nachricht wird die Mail, ohne die Frage an den Bot',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'Guten Tag, auf unserer letzten Rechnung fehlen die zwei Lizenzen für das neue Vertriebsteam. Wer ist bei uns der Abrechnungskontakt?', expect: [de.p.askEmail] },
            { say: JONAS, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.offerEmail] },
            {
                say: 'super, leiten Sie das bitte an sie weiter',
                expect: [de.p.preview, /^Auf unserer letzten Rechnung fehlen die zwei Lizenzen für das neue Vertriebsteam\.$/m, de.p.confirm],
                absent: [/weiter$/m, /Wer ist bei uns der Abrechnungskontakt\?/]
            },
            { say: 'ja', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /^Auf unserer letzten Rechnung fehlen die zwei Lizenzen für das neue Vertriebsteam\.$/m }, noHandoff: true }
    },
    {
        name: '„nee lass mal, ich sag ihr das selber. aber was ist der Unterschied …?“ beim Angebot: keine Mail, die Frage wird beantwortet',
        lang: 'de', email: LEA,
        steps: [
            { say: 'wer ist bei uns für die rechnungen zuständig', expect: [de.p.askEmail] },
            { say: LEA, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.offerEmail] },
            { say: 'nee lass mal, ich sag ihr das selber. aber was ist der unterschied zwischen online und unternehmenskonto?', expect: [/Unternehmenskont/], absent: [de.p.preview, /^Kann ich sonst noch etwas für Sie tun\?$/] }
        ],
        outcome: { noMailTo: ANNA, noHandoff: true }
    },
    {
        name: '„super danke dir“ beim Angebot, die Rolle zu prüfen, ist ein Dank, kein Ja: keine Anmeldung',
        lang: 'de',
        steps: [
            { say: 'wie ändere ich die zahlungsmethode?', expect: [/Soll ich prüfen/] },
            { say: 'super danke dir', expect: [], absent: [de.p.askEmail] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„Schreiben Sie bitte Maria, dass …“ bei zwei Abrechnungskontakten: die Mail geht nur an Maria',
        lang: 'de', email: EVA,
        steps: [
            { say: 'Schreiben Sie bitte Maria, dass sich unsere Kostenstelle ab März auf 4711 ändert.', expect: [de.p.askEmail] },
            { say: EVA, expect: [de.p.codeSent] },
            { say: CODE, expect: [/So sieht die E-Mail an Maria Bergmann aus/, de.p.confirm], absent: [/So sieht die E-Mail an Klaus Bergmann aus/] },
            { say: 'ja', expect: [/Ihre E-Mail an Maria Bergmann ist unterwegs/], absent: [/Klaus/] }
        ],
        outcome: { mailTo: { to: [MARIA], words: /Kostenstelle ab März auf 4711/ }, noMailTo: KLAUS, noHandoff: true }
    },
    {
        name: '„ne passt, tschau“ beim Angebot einer Mail: ein kurzer Abschied, keine Frage nach mehr',
        lang: 'de', email: LEA,
        steps: [
            { say: 'wer ist bei uns für die rechnungen zuständig', expect: [de.p.askEmail] },
            { say: LEA, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.offerEmail] },
            { say: 'ne passt, tschau', expect: [/Auf Wiedersehen|schönen Tag/], absent: [/Kann ich sonst noch etwas für Sie tun\?/] }
        ],
        outcome: { noMailTo: ANNA, noHandoff: true }
    },
    {
        name: '„ne passt, tschau“ bei der Frage nach der Nachricht wird keine Mail: ein Abschied',
        lang: 'de', email: LEA,
        steps: [
            { say: 'wer ist bei uns für die rechnungen zuständig', expect: [de.p.askEmail] },
            { say: LEA, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.offerEmail] },
            { say: 'ja', expect: [de.p.askMessage] },
            { say: 'ne passt, tschau', expect: [], absent: [de.p.preview] }
        ],
        outcome: { noMailTo: ANNA, noHandoff: true }
    },
    {
        name: '„Schreiben Sie unserem Abrechnungskontakt, ob …“ in der ersten Nachricht: die Frage wird ein ganzer Satz',
        lang: 'de', email: LEA,
        steps: [
            { say: 'Schreiben Sie bitte unserem Abrechnungskontakt, ob wir noch dieses Jahr auf den größeren Plan wechseln können', expect: [de.p.askEmail] },
            { say: LEA, expect: [de.p.codeSent] },
            { say: CODE, expect: [de.p.preview, /\n\nKönnen wir noch dieses Jahr auf den größeren Plan wechseln\?/] },
            { say: 'ja', expect: [de.p.sent] }
        ],
        outcome: { mailTo: { to: [ANNA], words: /Können wir noch dieses Jahr auf den größeren Plan wechseln\?/ }, noHandoff: true }
    },
    {
        name: '„tschüss“ bei der Frage nach der Referenz: nichts ginge verloren, also ein kurzer Abschied ohne Rückfrage',
        lang: 'de',
        steps: [
            { say: 'wie ist der stand von meinem antrag?', expect: [de.task.askReference] },
            { say: 'ach egal, tschüss', expect: [/Auf Wiedersehen/], absent: [/mitten in einem Vorgang/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„das wars, tschüss“ bei der Frage nach der Benutzer-ID: ein kurzer Abschied ohne Rückfrage',
        lang: 'de',
        steps: [
            { say: 'ich komm nicht ins corporate billing portal, passwort vergessen', expect: [de.task.askUserId] },
            { say: 'das wars, tschüss', expect: [/Auf Wiedersehen/], absent: [/mitten in einem Vorgang/] }
        ],
        outcome: { noHandoff: true }
    }
];

describe('German-speaking customers in their own words: who asks, who is meant, what the mail says', () => {
    const harness = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            await playRow(harness(), row);
        });
    }

    it('[de] Anna, told by mail that Jonas wants to replace her, objects in her first message ("… ersetzen will?? das hab ich nicht veranlasst … das ist falsch!"): recorded once verified', async () => {
        const h = harness();
        const { services } = h.runtime;
        const [jonas, account] = [await services.users.get('U-102'), await services.accounts.get('ACC-1001')];
        assert.ok(jonas && account);
        const outcome = await services.changeRequests.submit(
            { requester: jonas, account, newContact: { userId: 'U-102', name: 'Jonas Weber' }, reason: 'Anna ist in Elternzeit', lang: 'de', channel: 'test', conversationKey: 'test:jonas' },
            'test:jonas'
        );
        assert.strictEqual(outcome.kind, 'filed');
        const reference = outcome.request.reference;
        await play(h, h.conversation(localeOf('de')), [
            { say: 'hallo, ich hab grad ne mail bekommen dass jemand mich als rechnungskontakt ersetzen will?? das hab ich nicht veranlasst und ich bin auch nicht in elternzeit, das ist falsch!', expect: [de.p.askEmail] },
            { say: ANNA, expect: [de.p.codeSent] },
            { say: CODE, expect: [new RegExp(`Ich habe Ihren Widerspruch gegen den Antrag ${reference} festgehalten`)], absent: [/Ich stelle den Antrag/] }
        ], ANNA);
        const request = await services.changeRequests.visibleTo(reference, 'U-101');
        assert.strictEqual(request?.objection?.name, 'Anna Müller');
    });
});
