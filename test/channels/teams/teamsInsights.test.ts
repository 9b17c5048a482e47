import * as assert from 'assert';
import * as crypto from 'crypto';
import type { InsightReport } from '../../../services/insights/insightFigures';
import { AgentClient } from '../../helpers/agentClient';
import { HANDOFF_PHRASES } from '../../helpers/handoffPhrases';
import { PHRASES } from '../../helpers/phrases';
import { startRunningApp, type RunningApp } from '../../helpers/runningApp';
import { LocalChannelCredentials, TeamsStub, type SentActivity, type TeamsMember } from '../../helpers/teamsStub';

const APP_ID = '5f2a0c64-1f7e-4c1e-9a55-0b7d2f6c9e11';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const JONAS: TeamsMember = { id: '29:1jonas-teams-id', aadObjectId: '6b0c6e28-9c1a-4d6e-8f65-3f0f8a3e9a01', name: 'Jonas Weber', email: 'jonas.weber@mueller-design.example', tenantId: TENANT };
const SUPERVISOR_PASSWORD = 'supervisor-password-1';

/** A conversation in Teams (signed channel tokens, the sign-in as identity) counted under the Teams door, rated with the card's button. */
describe('Insights of a Teams conversation', function () {
    this.timeout(60_000);
    let stub: TeamsStub;
    let running: RunningApp;
    const conversationId = `a:${crypto.randomUUID()}`;

    before(async () => {
        stub = await TeamsStub.start(APP_ID);
        running = await startRunningApp({
            env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-in-tests', BOT_OPENID_METADATA_URL: stub.metadataUrl, TEAMS_ALLOWED_TENANTS: TENANT },
            options: { channelCredentials: new LocalChannelCredentials(APP_ID, stub.outboundToken) }
        });
        stub.members.set(JONAS.id, JONAS);
    });
    after(async () => {
        await running.close();
        await stub.close();
    });

    /** Jonas writes in his personal chat with the bot; returns the texts and card buttons the bot sent back. */
    async function say(text: string, conversation = conversationId): Promise<{ text: string; buttons: string[] }> {
        const before = stub.sent.length;
        const res = await fetch(`${running.url}/api/messages`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stub.token()}` },
            body: JSON.stringify({
                type: 'message',
                id: `${Date.now()}${crypto.randomInt(1000, 9999)}`,
                timestamp: new Date().toISOString(),
                serviceUrl: stub.serviceUrl,
                channelId: 'msteams',
                from: { id: JONAS.id, name: JONAS.name, aadObjectId: JONAS.aadObjectId },
                conversation: { conversationType: 'personal', tenantId: TENANT, id: conversation },
                recipient: { id: `28:${APP_ID}`, name: 'Billing Contact Assistant' },
                textFormat: 'plain',
                locale: 'en-US',
                channelData: { tenant: { id: TENANT } },
                text
            })
        });
        assert.strictEqual(res.status, 200, await res.text());
        return shown(stub.sent.slice(before));
    }

    /** The texts and card buttons of what the bot sent. */
    function shown(sent: readonly SentActivity[]): { text: string; buttons: string[] } {
        const texts: string[] = [];
        const buttons: string[] = [];
        for (const { activity } of sent) {
            texts.push(activity.text ?? '');
            for (const attachment of activity.attachments ?? []) {
                texts.push(attachment.content.text ?? '');
                buttons.push(...(attachment.content.buttons ?? []).map((b) => b.title));
            }
        }
        return { text: texts.join('\n'), buttons };
    }

    /** Waits until the bot has sent, on its own, a message matching `pattern` into the conversation (after `from` earlier ones). */
    async function proactive(conversation: string, from: number, pattern: RegExp): Promise<{ text: string; buttons: string[] }> {
        const deadline = Date.now() + 10_000;
        for (;;) {
            const match = stub.repliesTo(conversation).slice(from).find((s) => pattern.test(shown([s]).text));
            if (match) {
                return shown([match]);
            }
            assert.ok(Date.now() < deadline, `Teams got no message matching ${pattern}: ${shown(stub.repliesTo(conversation).slice(from)).text}`);
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
    }

    async function supervisor(): Promise<AgentClient> {
        const directory = running.app.runtime.handoff.agents;
        assert.ok(await directory.setPassword('john', SUPERVISOR_PASSWORD));
        assert.ok(await directory.setSupervisor('john', true));
        const john = new AgentClient(running.url);
        assert.strictEqual((await john.login('john', SUPERVISOR_PASSWORD)).status, 200);
        return john;
    }

    it('counts the door, the verification by sign-in, the case and the rating given with the card button', async () => {
        assert.match((await say(PHRASES.en.amI)).text, PHRASES.en.caseB);
        await say(PHRASES.en.noThanks);
        const closing = await say('bye');
        assert.match(closing.text, /did this conversation help you\?/);
        assert.deepStrictEqual(closing.buttons, ['👍 Yes, it helped', "👎 No, it didn't"]);
        assert.match((await say(closing.buttons[0])).text, /tell me in one sentence/);

        const john = await supervisor();
        const teams = (await john.get<InsightReport>('/agent/api/insights?door=teams')).body.totals;
        assert.strictEqual(teams.conversations, 1);
        assert.strictEqual(teams.verified, 1);
        assert.deepStrictEqual(teams.cases, { a: 0, b: 1, c: 0, d: 0 });
        assert.strictEqual(teams.tasksCompleted['billing-role'], 1);
        assert.strictEqual(teams.contained, 1);
        assert.strictEqual(teams.ratingsUp, 1);
        assert.strictEqual(teams.closings, 1);
        assert.strictEqual((await john.get<InsightReport>('/agent/api/insights?door=webchat')).body.totals.conversations, 0);
    });

    it('after an agent hands back, the Teams chat gets the rating question with card buttons once, and the answer counts as after a person', async () => {
        const h = HANDOFF_PHRASES.en;
        const chat = `a:${crypto.randomUUID()}`;
        const directory = running.app.runtime.handoff.agents;
        assert.ok(await directory.setPassword('erika', SUPERVISOR_PASSWORD));
        const erika = new AgentClient(running.url);
        assert.strictEqual((await erika.login('erika', SUPERVISOR_PASSWORD)).status, 200);
        assert.match((await say(h.human, chat)).text, h.askDescription);
        assert.match((await say(h.skip, chat)).text, h.waitPrompt);
        const id = (await erika.get<{ waiting: Array<{ id: string }> }>('/agent/api/queue')).body.waiting[0].id;
        const before = stub.repliesTo(chat).length;
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/accept`)).status, 200);
        await proactive(chat, before, h.agentJoined);
        assert.strictEqual((await erika.post(`/agent/api/handoffs/${id}/close`)).status, 200);
        await proactive(chat, before, h.handedBack);
        const question = await proactive(chat, before, h.rateChat);
        assert.deepStrictEqual(question.buttons, ['👍 Yes, it helped', "👎 No, it didn't"]);
        await running.app.runtime.bot.idle();
        assert.strictEqual(stub.repliesTo(chat).slice(before).filter((s) => h.anythingElse.test(shown([s]).text)).length, 0, 'one question at a time');
        assert.match((await say(question.buttons[1], chat)).text, /What was missing\?/);
        assert.match((await say('No comment', chat)).text, /^All right\. If there is anything else, just write to me\.$/);

        const teams = (await (await supervisor()).get<InsightReport>('/agent/api/insights?door=teams')).body.totals;
        assert.strictEqual(teams.conversations, 2);
        assert.strictEqual(teams.ratingsDown, 1);
        assert.strictEqual(teams.ratingsAfterPersonDown, 1);
        assert.strictEqual(teams.satisfactionAfterPerson, 0);
        assert.strictEqual(teams.satisfactionBotAlone, 1, 'the first conversation, rated 👍 at its goodbye');
    });
});
