import { useHarness } from '../helpers/botHarness';
import { CODE } from '../helpers/script';
import * as assert from 'assert';
import { BotHarness } from '../helpers/botHarness';
import { localeOf, play } from '../helpers/script';
import { EVA, JONAS, KLAUS, LEA, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';
import { playRow, type ConversationRow } from '../helpers/conversationTable';

/** `toService`: handed on at once with the person's words as the description (no agent is online in these tests, so a callback is offered). */
const de = { askDescription: /Worum geht es\?/, toService: /niemand vom Kundendienst frei/, codeSent: /6-stelligen Code/, topic: /Zahlungsmethode|Rechnungsstellung/ };
const en = { askDescription: /In one line, what is it about\?/, toService: /nobody from customer service is free/, codeSent: /6-digit code/, topic: /payment method|invoices online/ };

/** A clear request for a person, in the customer's words: it wins over the topic words around it and over the open question. */
const PERSON_ROWS: readonly ConversationRow[] = [
    {
        name: 'an angry request for an agent with a double charge in the same message goes to customer service, not to the payment answer',
        lang: 'en',
        steps: [{ say: 'hi' }, { say: 'I need to speak to an agent NOW. You charged us twice for the March invoice. The payment went out two times from our card!', expect: [en.toService], absent: [en.topic, en.askDescription] }],
        outcome: {}
    },
    {
        name: 'a request for an agent with the charge in one sentence goes to customer service',
        lang: 'en',
        steps: [{ say: 'hello' }, { say: 'I need to speak to an agent NOW, we were charged twice for our invoice', expect: [en.toService], absent: [en.askDescription] }],
        outcome: {}
    },
    {
        name: 'someone from support asked for at the code step: customer service, no new code',
        lang: 'en', email: PETER,
        steps: [{ say: 'am i the billing contact' }, { say: PETER }, { say: 'i never got any code. can someone from support help me please', expect: [en.toService], absent: [en.codeSent, en.askDescription] }],
        outcome: {}
    },
    {
        name: '"yes customer service" to "Shall I check …? Or talk to customer service?" goes to customer service',
        lang: 'en',
        steps: [{ say: 'how do i change the payment method?', expect: [/talk to customer service/] }, { say: 'yes customer service', expect: [en.askDescription], absent: [/make sure it's you/] }],
        outcome: {}
    },
    {
        name: 'ein sofortiger Wunsch nach einem Menschen mit einer Doppelbuchung in derselben Nachricht geht an den Kundendienst',
        lang: 'de',
        steps: [{ say: 'hallo' }, { say: 'ich will sofort mit einem Menschen sprechen. Sie haben uns die Rechnung doppelt abgebucht. Das ist schon das zweite Mal!', expect: [de.toService], absent: [de.topic, de.askDescription] }],
        outcome: {}
    },
    {
        name: 'jemand vom Support mit einer Zahlungsfrage dahinter: Kundendienst',
        lang: 'de',
        steps: [{ say: 'hallo' }, { say: 'kann mir jemand vom Support helfen? Die Zahlung per Kreditkarte klappt nicht.', expect: [de.toService], absent: [de.topic, de.askDescription] }],
        outcome: {}
    },
    {
        name: 'jemand vom Support beim Code: Kundendienst statt eines neuen Codes',
        lang: 'de', email: JONAS,
        steps: [{ say: 'bin ich der abrechnungskontakt' }, { say: JONAS }, { say: 'ich habe keinen Code bekommen. kann mir jemand vom Support helfen?', expect: [de.toService], absent: [de.codeSent, de.askDescription] }],
        outcome: {}
    },
    {
        name: '„ja, Kundendienst“ auf „Soll ich prüfen …? Oder möchten Sie mit dem Kundendienst sprechen?“ geht an den Kundendienst',
        lang: 'de',
        steps: [{ say: 'wie ändere ich die zahlungsmethode?', expect: [/mit dem Kundendienst sprechen/] }, { say: 'ja, Kundendienst', expect: [de.askDescription], absent: [/sicherstellen, dass Sie es/] }],
        outcome: {}
    },
    {
        name: 'a code is still a code: the person who only says the code never came gets a new one',
        lang: 'en', email: PETER,
        steps: [{ say: 'am i the billing contact' }, { say: PETER }, { say: 'i never got any code', expect: [en.codeSent], absent: [en.askDescription] }, { say: CODE, expect: [/billing contact/] }],
        outcome: {}
    }
];

/** Details the person gave in the same message are used, not asked for again. */
const DETAIL_ROWS: readonly ConversationRow[] = [
    {
        name: 'an email introduced in the first message gets the code without the email question',
        lang: 'en', email: SARAH,
        steps: [{ say: "hi, i'm sarah.lee@northwind.example, am i the billing contact?", expect: [/sent a 6-digit code to it/], absent: [/Which email address/] },
            { say: CODE, expect: [/not a billing contact|billing contact of Northwind Traders Ltd is Peter Brooks|Peter Brooks/] }],
        outcome: {}
    },
    {
        name: 'eine im ersten Satz genannte E-Mail-Adresse bekommt den Code ohne Rückfrage',
        lang: 'de', email: LEA,
        steps: [{ say: 'Guten Tag, hier ist lea.fischer@mueller-design.example. Bin ich der Abrechnungskontakt?', expect: [/6-stelligen Code an diese Adresse/], absent: [/Mit welcher E-Mail-Adresse/] },
            { say: CODE, expect: [/Anna Müller/] }],
        outcome: {}
    },
    {
        name: 'an email that is not introduced as the own one is not used for the code',
        lang: 'en',
        steps: [{ say: 'who is our billing contact? is it anna.mueller@mueller-design.example?', expect: [/Which email address/] }],
        outcome: {}
    },
    {
        name: 'a user ID in the reset request is used (already worked on main)',
        lang: 'en',
        steps: [{ say: 'reset my portal password, user id pbrooks', expect: [/asked the portal to send a password reset link/], absent: [/Please type the user ID/] }],
        outcome: { resetTo: PETER }
    },
    {
        name: 'die Benutzer-ID in der Bitte um ein neues Kennwort wird verwendet (ging schon auf main)',
        lang: 'de',
        steps: [{ say: 'Bitte mein Portal-Kennwort zurücksetzen, Benutzer-ID pbrooks', expect: [/Link zum Zurücksetzen/], absent: [/Bitte geben Sie die Benutzer-ID/] }],
        outcome: { resetTo: PETER }
    },
    {
        name: 'the new contact named in the change request is not asked for again (already worked on main)',
        lang: 'en', email: PETER,
        steps: [{ say: 'make Sarah Lee the billing contact' }, { say: PETER }, { say: CODE, expect: [/Why should Sarah Lee become the billing contact/], absent: [/Who should become/] },
            { say: 'She runs our finance team now.', expect: [/New billing contact: Sarah Lee/] }, { say: 'yes' }],
        outcome: { request: { account: 'ACC-2002', newContact: /Sarah Lee/, reason: /finance team/ } }
    }
];

/** A correction at the reason question or at the summary replaces what it names; nothing wrong is filed. */
const CORRECTION_ROWS: readonly ConversationRow[] = [
    {
        name: 'Korrektur bei der Frage nach dem Grund: Lea statt Jonas, die Zusammenfassung nennt Lea',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Ich möchte den Abrechnungskontakt ändern' }, { say: JONAS }, { say: CODE }, { say: 'Jonas Weber', expect: [/Warum soll Jonas Weber/] },
            { say: 'nein warte, ich meinte Lea Fischer, nicht Jonas', expect: [/Warum soll Lea Fischer/], absent: [/Grund: nein warte/] },
            { say: 'Sie übernimmt ab Mai die Buchhaltung.', expect: [/Neuer Abrechnungskontakt: Lea Fischer/], absent: [/Neuer Abrechnungskontakt: Jonas/] }, { say: 'ja' }],
        outcome: { request: { account: 'ACC-1001', newContact: /Lea Fischer/, reason: /^Sie übernimmt ab Mai die Buchhaltung\.$/ } }
    },
    {
        name: 'a correction at the reason question: Tom instead of Sarah, the summary names Tom',
        lang: 'en', email: PETER,
        steps: [{ say: 'I want to change the billing contact' }, { say: PETER }, { say: CODE }, { say: 'Sarah Lee', expect: [/Why should Sarah Lee/] },
            { say: 'no wait, I meant Tom Hughes, not Sarah', expect: [/Why should Tom Hughes/] },
            { say: 'He runs accounts payable now.', expect: [/New billing contact: Tom Hughes/], absent: [/New billing contact: Sarah/] }, { say: 'yes' }],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/, reason: /^He runs accounts payable now\.$/ } }
    },
    {
        name: 'a correction at the summary replaces the new contact and shows the summary again',
        lang: 'en', email: PETER,
        steps: [{ say: 'I want to change the billing contact' }, { say: PETER }, { say: CODE }, { say: 'Sarah Lee' }, { say: 'She runs our finance team now.', expect: [/New billing contact: Sarah Lee/] },
            { say: 'no, instead make Tom Hughes the new contact', expect: [/New billing contact: Tom Hughes/, /Reason: She runs our finance team now\./, /Shall I file this request\?/], absent: [/didn't file/] },
            { say: 'yes', expect: [/BC-\d{4}-\d{6}/] }],
        outcome: { request: { account: 'ACC-2002', newContact: /Tom Hughes/, reason: /finance team/ } }
    },
    {
        name: 'Korrektur bei der Zusammenfassung: stattdessen Jonas, die Zusammenfassung kommt noch einmal',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Ich möchte den Abrechnungskontakt ändern' }, { say: JONAS }, { say: CODE }, { say: 'Lea Fischer' }, { say: 'Sie übernimmt die Buchhaltung.', expect: [/Neuer Abrechnungskontakt: Lea Fischer/] },
            { say: 'nein, tragen Sie stattdessen Jonas Weber ein', expect: [/Neuer Abrechnungskontakt: Jonas Weber/, /Soll ich den Antrag stellen\?/], absent: [/keinen Antrag gestellt/] },
            { say: 'ja' }],
        outcome: { request: { account: 'ACC-1001', newContact: /Jonas Weber/, reason: /Buchhaltung/ } }
    },
    {
        name: 'a misspelt new person is corrected in place at the summary',
        lang: 'en', email: PETER,
        steps: [{ say: 'I want to change the billing contact' }, { say: PETER }, { say: CODE }, { say: 'Someone else' }, { say: 'Jane Smyth' }, { say: 'jane.smith@northwind.example' },
            { say: 'She is our new controller.', expect: [/Jane Smyth/] },
            { say: 'the name is Jane Smith, not Jane Smyth', expect: [/New billing contact: Jane Smith/, /jane\.smith@northwind\.example/, /Shall I file this request\?/], absent: [/New billing contact: Jane Smyth/] },
            { say: 'yes' }],
        outcome: { request: { account: 'ACC-2002', newContact: /^Jane Smith/, reason: /controller/ } }
    },
    {
        name: 'ein falsch geschriebener neuer Name wird bei der Zusammenfassung berichtigt',
        lang: 'de', email: JONAS,
        steps: [{ say: 'Ich möchte den Abrechnungskontakt ändern' }, { say: JONAS }, { say: CODE }, { say: 'Eine andere Person' }, { say: 'Max Mayer' }, { say: 'max.meier@mueller-design.example' },
            { say: 'Er ist unser neuer Controller.', expect: [/Max Mayer/] },
            { say: 'der Name ist Max Meier, nicht Max Mayer', expect: [/Neuer Abrechnungskontakt: Max Meier/, /Soll ich den Antrag stellen\?/], absent: [/Neuer Abrechnungskontakt: Max Mayer/] },
            { say: 'ja' }],
        outcome: { request: { account: 'ACC-1001', newContact: /^Max Meier/, reason: /Controller/ } }
    },
    {
        name: 'a reason that names another member without correcting stays the reason',
        lang: 'en', email: PETER,
        steps: [{ say: 'I want to change the billing contact' }, { say: PETER }, { say: CODE }, { say: 'Sarah Lee' },
            { say: 'Tom Hughes used to do it but he moved to sales.', expect: [/New billing contact: Sarah Lee/, /Reason: Tom Hughes used to do it/] }, { say: 'yes' }],
        outcome: { request: { account: 'ACC-2002', newContact: /Sarah Lee/, reason: /Tom Hughes used to do it/ } }
    }
];

/** Small things: lists in the language of the moment, no stale lead-in after help, a description that begins with "no". */
const SMALL_ROWS: readonly ConversationRow[] = [
    {
        name: 'after "english please" the current billing contacts are joined with "and", not "und"',
        lang: 'de', email: KLAUS,
        steps: [{ say: 'Ich möchte den Abrechnungskontakt ändern' }, { say: KLAUS }, { say: CODE, expect: [/Klaus Bergmann und Maria Bergmann/] },
            { say: 'english please', expect: [/Klaus Bergmann and Maria Bergmann/], absent: [/ und /] }],
        outcome: {}
    },
    {
        name: 'nach „auf Deutsch bitte“ werden die Abrechnungskontakte mit „und“ verbunden, nicht mit „and“',
        lang: 'en', email: EVA,
        steps: [{ say: 'who is our billing contact?' }, { say: EVA }, { say: CODE, expect: [/Klaus Bergmann and Maria Bergmann/] },
            { say: 'auf Deutsch bitte', expect: [/Klaus Bergmann und Maria Bergmann/], absent: [/ and /] }],
        outcome: {}
    },
    {
        name: '„hilfe“ nach „von vorn“ erklärt und fragt, ohne noch einmal „fangen wir von vorn an“',
        lang: 'de',
        steps: [{ say: 'von vorn anfangen', expect: [/fangen wir von vorn an/] }, { say: 'hilfe', expect: [/Ich helfe Ihnen bei Fragen/, /Was kann ich für Sie tun\?/], absent: [/fangen wir von vorn an/] }],
        outcome: {}
    },
    {
        name: '"help" after "start over" explains and asks, without "Let\'s start over" again',
        lang: 'en',
        steps: [{ say: 'start over', expect: [/Let's start over/] }, { say: 'help', expect: [/I help with billing contacts/, /What can I do for you\?/], absent: [/Let's start over/] }],
        outcome: {}
    }
];

describe('Conversations in customers\' own words: requests and corrections found by exploratory testing', () => {
    const harnessOf = useHarness();
    for (const row of PERSON_ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harnessOf(), row));
    }
    for (const row of CORRECTION_ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harnessOf(), row));
    }
    for (const row of SMALL_ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harnessOf(), row));
    }
    for (const row of DETAIL_ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => playRow(harnessOf(), row));
    }
});

describe('Conversations in customers\' own words: a description for customer service that begins with "no"', () => {
    let harness: BotHarness;
    beforeEach(async () => {
        harness = await BotHarness.create();
        await harness.agentOnline('erika');
    });
    afterEach(async () => harness.close());
    const cases = [
        { lang: 'en', ask: 'I want to talk to a person', description: 'no code arrives in my inbox since Monday' },
        { lang: 'de', ask: 'Ich möchte mit einem Mitarbeiter sprechen', description: 'nein, bei mir kommt seit Montag kein Code an' }
    ] as const;
    for (const { lang, ask, description } of cases) {
        it(`[${lang}] the description reaches the agent whole, it is no "skip"`, async () => {
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [{ say: ask }, { say: description }]);
            const handoff = await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`);
            assert.strictEqual(handoff?.description, description);
        });
    }
});
