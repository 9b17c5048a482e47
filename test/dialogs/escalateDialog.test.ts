import * as assert from 'assert';
import { BotHarness, joined, type Conversation } from '../helpers/botHarness';
import { HANDOFF_PHRASES } from '../helpers/handoffPhrases';
import { LANGUAGES, PHRASES } from '../helpers/phrases';
import { CODE, localeOf, play } from '../helpers/script';
import { BusinessHours } from '../../core/businessHours';
import type { Agent, Handoff } from '../../data/handoffModel';
import type { Lang } from '../../core/language';

/** The open handoff of a conversation, as the agents see it. */
async function handoffOf(harness: BotHarness, convo: Conversation): Promise<Handoff> {
    const handoff = await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`);
    assert.ok(handoff, 'the conversation is in the queue');
    return handoff;
}

/** Asks for a person, gives a description, lands in the queue. */
async function escalate(harness: BotHarness, convo: Conversation, lang: Lang, description: string, queued: RegExp): Promise<void> {
    const h = HANDOFF_PHRASES[lang];
    await play(harness, convo, [
        { say: h.human, expect: [h.askDescription], buttons: [h.skip] },
        { say: description, expect: [queued, h.estimate, h.waitPrompt] }
    ]);
}

describe('EscalateDialog: customer service, the customer side', () => {
    let harness: BotHarness;
    let erika: Agent;
    beforeEach(async () => {
        harness = await BotHarness.create();
        erika = await harness.agentOnline('erika');
    });
    afterEach(async () => harness.close());

    for (const lang of LANGUAGES) {
        const h = HANDOFF_PHRASES[lang];
        const p = PHRASES[lang];

        it(`[${lang}] escalate with a description: queued first, the agent joins, messages both ways, hand-back continues with the menu`, async () => {
            const convo = harness.conversation(localeOf(lang));
            await convo.start();
            await escalate(harness, convo, lang, 'My invoice shows the wrong company name', h.queuedNext);
            const handoff = await handoffOf(harness, convo);
            assert.strictEqual(handoff.description, 'My invoice shows the wrong company name');
            assert.strictEqual(handoff.lang, lang);
            assert.ok(handoff.history.some((line) => line.from === 'customer' && line.text === h.human), 'the agent sees the conversation so far');

            assert.ok((await harness.runtime.handoff.desk.accept(handoff.id, erika)).ok);
            await harness.settle();
            assert.match(joined(convo.inbox()), h.agentJoined);

            await harness.runtime.handoff.desk.sendMessage(handoff.id, erika, 'Hello, I can see your invoice.');
            await harness.settle();
            const fromAgent = convo.inbox();
            assert.strictEqual(fromAgent.length, 1);
            assert.strictEqual(fromAgent[0].text, 'Erika Mustermann: Hello, I can see your invoice.');

            // Everything the person writes now goes to the agent, nothing to the dialogs; the bot only offers "end chat" again, without a word.
            const replies = await convo.say(p.cancel);
            assert.deepStrictEqual(replies, [{ text: '', buttons: [h.endChatButton] }], 'the bot stays silent while the agent has the conversation');
            const messages = await harness.runtime.handoff.desk.detail(handoff.id, erika);
            assert.ok(messages.ok && messages.value.messages.some((m) => m.sender === 'customer' && m.text === p.cancel));

            assert.ok((await harness.runtime.handoff.desk.handBack(handoff.id, erika, 'Invoice corrected')).ok);
            await harness.settle();
            const back = joined(convo.inbox());
            assert.match(back, h.handedBack);
            assert.match(back, h.rateChat, 'asked once whether the chat helped');
            assert.doesNotMatch(back, h.anythingElse, 'one question at a time');
            await play(harness, convo, [{ say: p.whoIs, expect: [p.askEmail] }]);
        });

        it(`[${lang}] escalate without a description: position 2, told when the first conversation is accepted`, async () => {
            const first = harness.conversation(localeOf(lang));
            await escalate(harness, first, lang, 'Question about my plan', h.queuedNext);
            const second = harness.conversation(localeOf(lang));
            const turns = await play(harness, second, [
                { say: h.menuButton, expect: [h.askDescription] },
                { say: h.skip, expect: [h.queued, h.waitPrompt] }
            ]);
            assert.strictEqual(h.queued.exec(joined(turns[1]))?.[1], '2');
            assert.strictEqual((await handoffOf(harness, second)).description, null);

            await harness.runtime.handoff.desk.accept((await handoffOf(harness, first)).id, erika);
            await harness.settle();
            assert.match(joined(second.inbox()), h.positionNext);
            await play(harness, second, [{ say: 'Are you still there?', expect: [h.stillWaiting, h.queuedNext.source.includes('Stelle') ? /an erster Stelle/ : /next/] }]);
            const detail = await harness.runtime.handoff.desk.detail((await handoffOf(harness, second)).id, erika);
            assert.ok(detail.ok && detail.value.messages.some((m) => m.text === 'Are you still there?'), 'what the person writes while waiting is kept for the agent');
        });

        for (const cancel of [h.cancel, lang === 'de' ? 'doch nicht' : 'quit']) {
            it(`[${lang}] "${cancel}" leaves the queue with one message and returns to the bot`, async () => {
                const convo = harness.conversation(localeOf(lang));
                await escalate(harness, convo, lang, 'Billing question', h.queuedNext);
                const [replies] = await play(harness, convo, [{ say: cancel, expect: [h.left, h.anythingElse], absent: [p.cancelled] }]);
                assert.strictEqual(replies.filter((r) => h.left.test(r.text)).length, 1, joined(replies));
                assert.strictEqual(await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`), undefined);
                assert.strictEqual((await harness.runtime.handoff.desk.snapshot(erika)).waiting.length, 0);
            });
        }

        it(`[${lang}] "start over" while waiting also leaves the queue`, async () => {
            const convo = harness.conversation(localeOf(lang));
            await escalate(harness, convo, lang, 'Billing question', h.queuedNext);
            await play(harness, convo, [{ say: p.startOver, expect: [h.left, p.restarted] }]);
            assert.strictEqual(await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`), undefined);
        });

        it(`[${lang}] asking for a person mid-task starts the escalation; asking again while waiting keeps the place`, async () => {
            const convo = harness.conversation(localeOf(lang));
            await play(harness, convo, [
                { say: p.whoIs, expect: [p.askEmail] },
                { say: h.human, expect: [h.askDescription] },
                { say: h.skip, expect: [h.queuedNext] },
                { say: h.human, expect: [h.stillWaiting] }
            ]);
            assert.strictEqual((await harness.runtime.handoff.desk.snapshot(erika)).waiting.length, 1);
        });

        it(`[${lang}] the agent hands the person to a bot flow and the bot starts it`, async () => {
            const convo = harness.conversation(localeOf(lang));
            await escalate(harness, convo, lang, 'I need to know my role', h.queuedNext);
            const handoff = await handoffOf(harness, convo);
            await harness.runtime.handoff.desk.accept(handoff.id, erika);
            assert.ok((await harness.runtime.handoff.desk.handToFlow(handoff.id, erika, 'am-i-billing-contact')).ok);
            await harness.settle();
            const back = joined(convo.inbox());
            assert.match(back, h.flowIdentify);
            assert.match(back, h.askEmailIdentify);
        });

        it(`[${lang}] the agent gets the context: identity, account, billing role, what the bot did; other people's emails masked`, async () => {
            const convo = harness.conversation(localeOf(lang));
            const jonas = 'jonas.weber@mueller-design.example';
            await play(harness, convo, [
                { say: p.whoIs },
                { say: jonas },
                { say: CODE, expect: [p.caseB, /anna\.mueller@mueller-design\.example/] },
                { say: h.human, expect: [h.askDescription] },
                { say: h.skip, expect: [h.queuedNext] }
            ], jonas);
            const handoff = await handoffOf(harness, convo);
            assert.deepStrictEqual(handoff.context.identity, { userId: 'U-102', name: 'Jonas Weber', email: jonas, method: 'email-code' });
            assert.deepStrictEqual(handoff.context.account, { id: 'ACC-1001', name: 'Müller Design GmbH', type: 'online' });
            assert.deepStrictEqual(handoff.context.billingRole, { case: 'b', isAdmin: true, isBillingContact: false });
            assert.deepStrictEqual(handoff.context.actions.map((a) => a.kind), ['verified', 'billing-role-answered']);
            const history = handoff.history.map((line) => line.text).join('\n');
            assert.match(history, /a\*\*\*@mueller-design\.example/, 'Anna’s email is masked');
            assert.doesNotMatch(history, /anna\.mueller@/);
            assert.match(history, /jonas\.weber@mueller-design\.example/, 'the person’s own email stays');
            assert.doesNotMatch(history, /\b\d{6}\b/, 'the code the person typed is hidden');
        });

        it(`[${lang}] an agent who went offline: the bot takes the conversation back`, async () => {
            const convo = harness.conversation(localeOf(lang));
            await escalate(harness, convo, lang, 'Invoice', h.queuedNext);
            const handoff = await handoffOf(harness, convo);
            await harness.runtime.handoff.desk.accept(handoff.id, erika);
            await harness.settle();
            convo.inbox();
            harness.clock.advance(6 * 60_000);
            await harness.runtime.handoff.queue.sweep();
            await harness.settle();
            const back = joined(convo.inbox());
            assert.match(back, h.agentGone);
            assert.match(back, h.anythingElse);
            assert.strictEqual(await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`), undefined);
        });

        it(`[${lang}] a transfer tells the person who they are talking to now, and goes only to an agent who speaks their language`, async () => {
            const john = await harness.agentOnline('john');
            const convo = harness.conversation(localeOf(lang));
            await escalate(harness, convo, lang, 'Invoice', h.queuedNext);
            const handoff = await handoffOf(harness, convo);
            await harness.runtime.handoff.desk.accept(handoff.id, erika);
            if (lang === 'de') {
                // John speaks only English: the German customer stays with Erika and hears of no transfer.
                const refused = await harness.runtime.handoff.desk.transfer(handoff.id, erika, 'john');
                assert.deepStrictEqual(refused.ok ? 'done' : refused.problem, 'agent-language');
                await harness.settle();
                assert.doesNotMatch(joined(convo.inbox()), h.transferred);
                return;
            }
            assert.ok((await harness.runtime.handoff.desk.transfer(handoff.id, erika, 'john')).ok);
            await harness.settle();
            assert.match(joined(convo.inbox()), h.transferred);
            assert.strictEqual((await harness.runtime.handoff.desk.sendMessage(handoff.id, erika, 'still me?')).ok, false, 'the first agent no longer has it');
            assert.ok((await harness.runtime.handoff.desk.sendMessage(handoff.id, john, 'Hi, John here.')).ok);
            await harness.settle();
            assert.deepStrictEqual(convo.inbox().map((r) => r.text), ['John Smith: Hi, John here.']);
        });
    }
});

describe('EscalateDialog: callback requests instead of a chat', () => {
    for (const lang of LANGUAGES) {
        const h = HANDOFF_PHRASES[lang];

        it(`[${lang}] no agent online: a callback request with a reference in the person's language`, async () => {
            const harness = await BotHarness.create();
            try {
                const convo = harness.conversation(localeOf(lang));
                const turns = await play(harness, convo, [
                    { say: h.human, expect: [h.askDescription] },
                    { say: 'Please change our billing address', expect: [h.noAgent, h.offerCallback] },
                    { say: h.yes, expect: [h.askEmail] },
                    // The conversation's language is the callback's: no question about it.
                    { say: 'kim@example.com', expect: [h.callbackCreated] }
                ]);
                const [, reference, email] = h.callbackCreated.exec(joined(turns[3])) ?? [];
                assert.match(reference, /^CB-2026-\d{6}$/);
                assert.strictEqual(email, 'kim@example.com');
                const erika = await harness.agentOnline('erika');
                const [request] = (await harness.runtime.handoff.desk.snapshot(erika)).callbacks;
                assert.deepStrictEqual([request.reference, request.email, request.lang, request.note, request.reason], [reference, 'kim@example.com', lang, 'Please change our billing address', 'no-agent']);
            } finally {
                await harness.close();
            }
        });

        it(`[${lang}] an address typed at the callback offer is a yes to that address`, async () => {
            const harness = await BotHarness.create();
            try {
                const convo = harness.conversation(localeOf(lang));
                await play(harness, convo, [
                    { say: h.human, expect: [h.askDescription] },
                    { say: 'Please change our billing address', expect: [h.noAgent, h.offerCallback] },
                    { say: 'kim@example.com', expect: [h.callbackCreated], absent: [h.offerCallback] }
                ]);
                const erika = await harness.agentOnline('erika');
                const [request] = (await harness.runtime.handoff.desk.snapshot(erika)).callbacks;
                assert.deepStrictEqual([request.email, request.note], ['kim@example.com', 'Please change our billing address']);
            } finally {
                await harness.close();
            }
        });

        it(`[${lang}] the concern typed at the callback offer is noted for the team and the offer asked again; "it's sorted, thanks" there ends the chat`, async () => {
            const harness = await BotHarness.create();
            try {
                const de = lang === 'de';
                const convo = harness.conversation(localeOf(lang));
                const concern = de ? 'es geht um eine doppelte Abbuchung im Oktober' : 'it is about a double charge in October';
                await play(harness, convo, [
                    { say: h.human, expect: [h.askDescription] },
                    { say: h.skip, expect: [h.noAgent, h.offerCallback] },
                    { say: concern, expect: [de ? /für den Kundendienst notiert/ : /noted that for the customer service team/, h.offerCallback], absent: [h.noAgent, /nicht helfen|can't help/] },
                    { say: h.yes, expect: [h.askEmail] },
                    { say: 'kim@example.com', expect: [h.callbackCreated] }
                ]);
                const other = harness.conversation(localeOf(lang));
                await play(harness, other, [
                    { say: h.human, expect: [h.askDescription] },
                    { say: h.skip, expect: [h.offerCallback] },
                    { say: de ? 'ach, hat sich erledigt, danke' : 'oh never mind, all sorted now, thanks', expect: [de ? /Auf Wiedersehen|schönen Tag/ : /Goodbye|nice day/], absent: [h.offerCallback] }
                ]);
                // Signed in only now: with an agent online the person would be queued instead.
                const erika = await harness.agentOnline('erika');
                const [request] = (await harness.runtime.handoff.desk.snapshot(erika)).callbacks;
                assert.strictEqual(request.note, concern, 'the concern is the note the team reads');
            } finally {
                await harness.close();
            }
        });

        it(`[${lang}] nobody free: the matter is asked without "I'll put you through"; the concern typed at the callback's address question is noted and the address asked again; "when will they write?" is answered there without "talk to a person"`, async () => {
            const harness = await BotHarness.create();
            try {
                const de = lang === 'de';
                const convo = harness.conversation(localeOf(lang));
                const concern = de ? 'Auf der Rechnung steht der falsche Firmenname, wir heißen Müller Design GmbH' : 'the invoice shows the wrong company name, we are Northwind Traders Ltd';
                await play(harness, convo, [
                    { say: h.human, expect: [h.askDescription], absent: [de ? /Ich verbinde Sie/ : /put you through/] },
                    { say: h.skip, expect: [h.noAgent, h.offerCallback] },
                    { say: h.yes, expect: [h.askEmail] },
                    { say: concern, expect: [de ? /für den Kundendienst notiert/ : /noted that for the customer service team/, h.askEmail], absent: [/Rechnungen|invoices show/, h.callbackCreated] },
                    { say: de ? 'wann melden die sich?' : 'when will they get back to me?', expect: [de ? /so bald wie möglich/ : /as soon as they can/, h.askEmail], absent: [de ? /Mitarbeiter“/ : /"talk to a person"/] },
                    { say: 'kim@example.com', expect: [h.callbackCreated], absent: [h.askNote] }
                ]);
                const erika = await harness.agentOnline('erika');
                const [request] = (await harness.runtime.handoff.desk.snapshot(erika)).callbacks;
                assert.deepStrictEqual([request.email, request.note], ['kim@example.com', concern], 'the concern is the note the team reads');
            } finally {
                await harness.close();
            }
        });

        it(`[${lang}] outside business hours: the hours and a callback offer; a verified person's email on file is used`, async () => {
            // The harness clock starts on Monday 2 March 2026, 10:00 in Berlin; Saturday is closed.
            const harness = await BotHarness.create({ handoff: { businessHours: BusinessHours.parse('Mon-Fri 08:00-18:00', 'Europe/Berlin') } });
            try {
                await harness.agentOnline('erika');
                harness.clock.advance(5 * 24 * 3600_000);
                const convo = harness.conversation(localeOf(lang));
                const email = 'lea.fischer@mueller-design.example';
                await play(harness, convo, [
                    { say: PHRASES[lang].amI },
                    { say: email },
                    { say: CODE, expect: [PHRASES[lang].verified] },
                    { say: h.menuButton, expect: [h.askDescription] },
                    { say: h.skip, expect: [h.closed, h.offerCallback] },
                    { say: h.yes, expect: [h.emailOnFile, h.askNote] },
                    { say: h.skip, expect: [h.callbackCreated, new RegExp(email.replace(/\./g, '\\.'))] }
                ], email);
            } finally {
                await harness.close();
            }
        });

        it(`[${lang}] nobody accepts within the wait: the bot offers a callback`, async () => {
            const harness = await BotHarness.create();
            try {
                await harness.agentOnline('erika');
                const convo = harness.conversation(localeOf(lang));
                await escalate(harness, convo, lang, 'Urgent invoice question', h.queuedNext);
                harness.clock.advance(60_000);
                await harness.runtime.handoff.queue.sweep();
                await harness.settle();
                assert.deepStrictEqual(convo.inbox(), [], 'not yet');
                harness.clock.advance(4 * 60_000);
                await harness.runtime.handoff.queue.sweep();
                await harness.settle();
                const offer = joined(convo.inbox());
                assert.match(offer, h.timedOut);
                assert.match(offer, h.offerCallback);
                await play(harness, convo, [
                    { say: h.yes, expect: [h.askEmail] },
                    { say: 'kim@example.com', expect: [h.callbackCreated] }
                ]);
            } finally {
                await harness.close();
            }
        });

        it(`[${lang}] verification locked: the bot offers customer service`, async () => {
            const harness = await BotHarness.create();
            try {
                await harness.agentOnline('erika');
                const convo = harness.conversation(localeOf(lang));
                const email = 'tom.hughes@northwind.example';
                await play(harness, convo, [{ say: PHRASES[lang].whoIs }, { say: email }]);
                for (let i = 0; i < 4; i++) {
                    await convo.say('000000');
                }
                await play(harness, convo, [
                    { say: '000000', expect: [PHRASES[lang].locked, h.offer] },
                    { say: h.yes, expect: [h.askDescription] },
                    { say: h.skip, expect: [h.queuedNext] }
                ]);
                const handoff = await harness.runtime.services.handoffs.openFor(`directline:${convo.id}`);
                assert.strictEqual(handoff?.context.reason, 'verification-locked');
                assert.ok(handoff?.history.every((line) => !/\b000000\b/.test(line.text)), 'codes the person typed are hidden from agents');
            } finally {
                await harness.close();
            }
        });
    }
});
