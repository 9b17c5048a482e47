import * as assert from 'assert';
import * as crypto from 'crypto';
import type { InsightReport } from '../../../services/insights/insightFigures';
import { AgentClient } from '../../helpers/agentClient';
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
    async function say(text: string): Promise<{ text: string; buttons: string[] }> {
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
                conversation: { conversationType: 'personal', tenantId: TENANT, id: conversationId },
                recipient: { id: `28:${APP_ID}`, name: 'Billing Contact Assistant' },
                textFormat: 'plain',
                locale: 'en-US',
                channelData: { tenant: { id: TENANT } },
                text
            })
        });
        assert.strictEqual(res.status, 200, await res.text());
        const sent: SentActivity[] = stub.sent.slice(before);
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

    it('counts the door, the verification by sign-in, the case and the rating given with the card button', async () => {
        assert.match((await say(PHRASES.en.amI)).text, PHRASES.en.caseB);
        await say(PHRASES.en.noThanks);
        const closing = await say('bye');
        assert.match(closing.text, /did this conversation help you\?/);
        assert.deepStrictEqual(closing.buttons, ['👍 Yes, it helped', "👎 No, it didn't"]);
        assert.match((await say(closing.buttons[0])).text, /tell me in one sentence/);

        const directory = running.app.runtime.handoff.agents;
        assert.ok(await directory.setPassword('john', SUPERVISOR_PASSWORD));
        assert.ok(await directory.setSupervisor('john', true));
        const john = new AgentClient(running.url);
        assert.strictEqual((await john.login('john', SUPERVISOR_PASSWORD)).status, 200);
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
});
