import * as assert from 'assert';
import { ChangeRequestRepository } from '../../data/repositories/changeRequestRepository';
import { useHarness, type BotHarness } from '../helpers/botHarness';
import { playRow, type ConversationRow } from '../helpers/conversationTable';
import { HANDOFF_PHRASES as HANDOFF } from '../helpers/handoffPhrases';
import { PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { JONAS, PETER } from '../helpers/demoPeople';

const SARAH = 'sarah.lee@northwind.example';

/** The conversation is over: a goodbye, and no question or menu after it. */
const CLOSED = { en: /Goodbye|goodbye|Have a nice day/, de: /Auf Wiedersehen|schönen Tag/ } as const;
const ASKS_ON = { en: /What can I do for you\?|anything else I can help you with/, de: /Was kann ich für Sie tun\?|Kann ich sonst noch etwas für Sie tun\?/ } as const;
const RATING = { en: /did this conversation help you\?/, de: /Hat Ihnen dieses Gespräch geholfen\?/ } as const;

const ROWS: readonly ConversationRow[] = [
    // "No thanks" and a question: the offer is declined, the question answered; the chat goes on.
    {
        name: '"no thanks. whats the difference …?" at the offer declines it and answers the question',
        lang: 'en', email: SARAH,
        steps: [
            { say: 'two things: who is our billing contact, and how do we change the payment method to invoice?', expect: [PHRASES.en.askEmail] },
            { say: SARAH, expect: [PHRASES.en.codeSent] },
            { say: CODE, expect: [/Shall I email Peter Brooks for you/] },
            { say: 'no thanks. whats the difference between online and corporate accounts anyway?', expect: [/corporate account: it is set up through your company/], absent: [CLOSED.en, RATING.en] }
        ],
        outcome: { noMailTo: PETER }
    },
    {
        name: '„nein danke. was ist eigentlich der unterschied …?“ beim Angebot lehnt es ab und beantwortet die Frage',
        lang: 'de',
        steps: [
            { say: 'erzähl mir erst nen witz und dann sag mir wie ich meinen plan reaktiviere', expect: [/Plan kann der Abrechnungskontakt reaktivieren/] },
            { say: 'nein danke. was ist eigentlich der unterschied zwischen online- und unternehmenskonto?', expect: [/Online-Konten werden online gekauft/], absent: [CLOSED.de, RATING.de] }
        ],
        outcome: { noHandoff: true }
    },
    // Withdrawing a task in words drops it: nothing filed, the choice not asked again.
    {
        name: '„nö, passt schon. doch keine änderung“ bei der Wahl des neuen Kontakts verwirft den Antrag',
        lang: 'de', email: JONAS,
        steps: [
            { say: 'Wer ist unser Abrechnungskontakt und kann ich den ändern lassen?', expect: [PHRASES.de.askEmail] },
            { say: JONAS, expect: [PHRASES.de.codeSent] },
            { say: CODE, expect: [/Wer soll Abrechnungskontakt von Müller Design GmbH werden\?/] },
            { say: 'nö, passt schon. doch keine änderung', absent: [/Bitte wählen Sie eine der Personen/, /Wer soll Abrechnungskontakt/] },
            { say: 'nein', expect: [CLOSED.de] }
        ],
        outcome: { noRequest: 'ACC-1001' }
    },
    // Goodbyes in the person's words end the chat, also at a question of a task.
    {
        name: '„ok, danke dir“ bei der Frage nach der E-Mail-Adresse ist ein Abschied, keine falsche Adresse',
        lang: 'de',
        steps: [
            { say: 'Wer ist unser Abrechnungskontakt', expect: [PHRASES.de.askEmail] },
            { say: 'ok, danke dir', expect: [CLOSED.de], absent: [/keine E-Mail-Adresse/, ASKS_ON.de] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„ok dann nicht. danke, schönen tag“ bei der Frage nach der E-Mail-Adresse beendet das Gespräch',
        lang: 'de',
        steps: [
            { say: 'Wer ist unser Abrechnungskontakt', expect: [PHRASES.de.askEmail] },
            { say: 'ok dann nicht. danke, schönen tag', expect: [CLOSED.de], absent: [/keine E-Mail-Adresse/, ASKS_ON.de] }
        ],
        outcome: { noHandoff: true }
    },
    // The rating question never blocks: a goodbye or "das war's" at it closes, it is no rating.
    {
        name: '„nein das wars“ bei der Frage, ob das Gespräch geholfen hat, ist ein Abschied, keine schlechte Bewertung',
        lang: 'de',
        steps: [
            { say: 'tschüss', expect: [CLOSED.de] },
            { say: 'nein das wars', expect: [CLOSED.de], absent: [/Was hat Ihnen gefehlt\?/, ASKS_ON.de] }
        ],
        outcome: { noHandoff: true }
    },
    // Goodbyes of Austria and Switzerland.
    {
        name: '„passt schon, baba“ verabschiedet, statt nicht verstanden zu werden',
        lang: 'de',
        steps: [
            { say: 'hallo', expect: [ASKS_ON.de] },
            { say: 'passt schon, baba', expect: [CLOSED.de], absent: [/nicht verstanden/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„Auf Wiederschauen“ nach dem Abschied bringt das Menü nicht zurück',
        lang: 'de',
        steps: [
            { say: 'tschüss', expect: [CLOSED.de] },
            { say: 'Auf Wiederschauen', expect: [CLOSED.de], absent: [ASKS_ON.de, /Was hat Ihnen gefehlt\?/] }
        ],
        outcome: { noHandoff: true }
    },
    // Leaving the way to a person in words: no callback, no "noted for customer service".
    {
        name: '"actually never mind, I found it. cancel" at the callback question declines it and leaves',
        lang: 'en',
        steps: [
            { say: 'can I talk to someone real', expect: [HANDOFF.en.askDescription] },
            { say: 'our invoice shows the wrong company address', expect: [/Shall customer service get back to you by email\?/] },
            { say: 'actually never mind, I found it. cancel', absent: [/noted that for the customer service team/, /Shall customer service get back to you/] }
        ],
        outcome: { noHandoff: true }
    },
    // A no with the goodbye at the callback question answers it: nothing is lost, so nothing is asked before the goodbye.
    {
        name: '"no thanks, bye" at the callback question declines it and closes, without asking whether to drop anything',
        lang: 'en',
        steps: [
            { say: 'can I talk to someone real', expect: [HANDOFF.en.askDescription] },
            { say: 'our invoice shows the wrong company address', expect: [/Shall customer service get back to you by email\?/] },
            { say: 'no thanks, bye', expect: [CLOSED.en], absent: [/in the middle of something/, /Shall customer service get back to you/] }
        ],
        outcome: { noHandoff: true }
    },
    {
        name: '„nein danke, tschüss“ bei der Frage nach dem Rückruf lehnt ihn ab und verabschiedet sich, ohne nachzufragen',
        lang: 'de',
        steps: [
            { say: 'kann ich mit einem Mitarbeiter sprechen', expect: [HANDOFF.de.askDescription] },
            { say: 'auf unserer Rechnung steht die falsche Firmenadresse', expect: [/per E-Mail/] },
            { say: 'nein danke, tschüss', expect: [CLOSED.de], absent: [/mitten in/, /Mitten in/] }
        ],
        outcome: { noHandoff: true }
    }
];

describe('Closing in the person\'s own words (issue 12): a no with a question, withdrawing, goodbyes, leaving the queue', () => {
    const harnessOf = useHarness();
    for (const row of ROWS) {
        it(`[${row.lang}] ${row.name}`, async () => {
            const harness = harnessOf();
            await playRow(harness, row);
            assert.strictEqual((await harness.mails()).filter((m) => m.kind === 'callback-confirmation').length, 0, 'no callback confirmed');
        });
    }

    it('[en] "actually never mind, I found it. cancel" while waiting for an agent leaves the queue', async () => {
        const harness = harnessOf();
        await harness.agentOnline('erika');
        const convo = harness.conversation(localeOf('en'));
        await play(harness, convo, [
            { say: 'can I talk to someone real', expect: [HANDOFF.en.askDescription] },
            { say: 'our invoice shows the wrong company address' },
            { say: 'actually never mind, I found it. cancel', expect: [/taken you out of the queue/], absent: [/passed that on/] }
        ]);
        assert.strictEqual(await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`), undefined, 'out of the queue');
    });

    it('[de] Peter widerspricht BC-… in eigenen Worten („Ich bleibe Abrechnungskontakt, das ist ein Missverständnis!“): der Widerspruch wird festgehalten', async () => {
        const harness = harnessOf();
        const reference = await filedBySarahForHerself(harness);
        const convo = harness.conversation(localeOf('de'));
        await play(harness, convo, [
            { say: `Ich habe eine Mail wegen ${reference} bekommen. Ich bleibe Abrechnungskontakt, das ist ein Missverständnis! Bitte stoppen Sie das.`, expect: [PHRASES.de.askEmail] },
            { say: PETER, expect: [PHRASES.de.codeSent] },
            { say: CODE, expect: [new RegExp(`Widerspruch gegen den Antrag ${reference} festgehalten`)] }
        ], PETER);
        const stored = await new ChangeRequestRepository(harness.db).byReference(reference);
        assert.strictEqual(stored?.objection?.name, 'Peter Brooks', 'the objection is recorded');
        const mails = (await harness.mails(SARAH)).filter((m) => m.kind === 'change-request-objection');
        assert.strictEqual(mails.length, 1, 'Sarah is told');
        assert.match(mails[0].text, /Ich bleibe Abrechnungskontakt, das ist ein Missverständnis!/, "in Peter's own words");
    });

    it('[en] Peter objects to two requests in one message: both recorded, his words in the mails', async () => {
        const harness = harnessOf();
        const first = await filedBySarahForHerself(harness);
        const second = await filedBySarahForHerself(harness, 'Tom', { userId: 'U-203', name: 'Tom Hughes' });
        const convo = harness.conversation(localeOf('en'));
        await play(harness, convo, [
            { say: `I object to both, ${first} and ${second}. Nobody asked me and I am staying the billing contact.`, expect: [PHRASES.en.askEmail] },
            { say: PETER, expect: [PHRASES.en.codeSent] },
            { say: CODE, expect: [new RegExp(`objection to request ${first}`), new RegExp(`objection to request ${second}`)] }
        ], PETER);
        const repository = new ChangeRequestRepository(harness.db);
        for (const reference of [first, second]) {
            assert.strictEqual((await repository.byReference(reference))?.objection?.name, 'Peter Brooks', `${reference} objected to`);
        }
        const mails = (await harness.mails(SARAH)).filter((m) => m.kind === 'change-request-objection');
        assert.strictEqual(mails.length, 2, 'Sarah is told of both');
        mails.forEach((mail) => assert.match(mail.text, /Nobody asked me and I am staying the billing contact\./));
    });
});

/** Sarah Lee asks for herself (or `newContact`) to become the billing contact of Northwind Traders instead of Peter Brooks. */
async function filedBySarahForHerself(harness: BotHarness, key = 'sarah', newContact = { userId: 'U-202', name: 'Sarah Lee' }): Promise<string> {
    const { services } = harness.runtime;
    const [requester, account] = [await services.users.get('U-202'), await services.accounts.get('ACC-2002')];
    assert.ok(requester && account);
    const outcome = await services.changeRequests.submit({ requester, account, newContact, reason: 'Peter is leaving', lang: 'en', channel: 'test', conversationKey: `test:${key}` }, `test:${key}`);
    assert.strictEqual(outcome.kind, 'filed');
    return outcome.request.reference;
}
