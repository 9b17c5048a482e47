import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CloudAdapter, type TurnContext } from 'botbuilder';
import { BotFrameworkAuthentication, ClaimsIdentity, ConnectorFactory, type AuthenticateRequestResult, type BotFrameworkClient, type ConnectorClient, type UserTokenClient } from 'botframework-connector';
import { ReusingBotFrameworkAuthentication } from '../../sdkSpeedups/reusingAuthentication';

/** An authentication that lets every request in and counts the clients it is asked to make. */
class CountingAuthentication extends BotFrameworkAuthentication {
    public connectorsMade = 0;
    public tokenClientsMade = 0;
    private readonly factory: ConnectorFactory;

    public constructor() {
        super();
        const made = (): void => {
            this.connectorsMade++;
        };
        this.factory = new (class extends ConnectorFactory {
            public create(): Promise<ConnectorClient> {
                made();
                return Promise.resolve({} as ConnectorClient);
            }
        })();
    }

    public override authenticateRequest(): Promise<AuthenticateRequestResult> {
        return Promise.resolve({ claimsIdentity: new ClaimsIdentity([], true), audience: 'https://api.botframework.com', callerId: '', connectorFactory: this.factory });
    }

    public override authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
        return this.authenticateRequest();
    }

    public override createConnectorFactory(): ConnectorFactory {
        return this.factory;
    }

    public override createUserTokenClient(): Promise<UserTokenClient> {
        this.tokenClientsMade++;
        return Promise.resolve({} as UserTokenClient);
    }

    public override createBotFrameworkClient(): BotFrameworkClient {
        return {} as BotFrameworkClient;
    }
}

/** The method names botbuilder's CloudAdapter calls on its BotFrameworkAuthentication. */
function methodsTheAdapterCalls(): string[] {
    const core = path.dirname(require.resolve('botbuilder-core'));
    const builder = path.dirname(require.resolve('botbuilder'));
    const sources = [path.join(core, 'cloudAdapterBase.js'), path.join(builder, 'cloudAdapter.js')].map((file) => fs.readFileSync(file, 'utf8'));
    return [...new Set(sources.flatMap((text) => [...text.matchAll(/botFrameworkAuthentication\.(\w+)\(/g)].map((match) => match[1])))].sort();
}

describe('ReusingBotFrameworkAuthentication pins the botbuilder internals it relies on', () => {
    it('CloudAdapter asks its authentication only through methods the wrapper overrides, and the wrapper overrides every public one', () => {
        const called = methodsTheAdapterCalls();
        assert.deepStrictEqual(called, ['authenticateRequest', 'authenticateStreamingRequest', 'createConnectorFactory', 'createUserTokenClient']);
        const own = (name: string): boolean => Object.prototype.hasOwnProperty.call(ReusingBotFrameworkAuthentication.prototype, name);
        for (const name of called) {
            assert.ok(own(name), `${name} is overridden`);
        }
        // generateCallerId is a protected helper of the implementations, not something the adapter asks for.
        const publicMethods = Object.getOwnPropertyNames(BotFrameworkAuthentication.prototype).filter((name) => name !== 'constructor' && name !== 'generateCallerId');
        assert.deepStrictEqual(publicMethods.filter((name) => !own(name)), []);
    });

    it('two turns through a CloudAdapter make one connector client and one token client', async () => {
        const inner = new CountingAuthentication();
        const adapter = new CloudAdapter(new ReusingBotFrameworkAuthentication(inner));
        const clients: unknown[] = [];
        const logic = async (context: TurnContext): Promise<void> => {
            clients.push(context.turnState.get(adapter.ConnectorClientKey));
        };
        for (const id of ['a1', 'a2']) {
            await adapter.processActivityDirect('Bearer x', { type: 'message', id, text: 'hi', channelId: 'msteams', serviceUrl: 'https://smba.example/', conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'b1' } } as never, logic);
        }
        assert.strictEqual(clients.length, 2, 'both turns ran');
        assert.strictEqual(clients[0], clients[1], 'the second turn got the first turn’s connector client');
        assert.strictEqual(inner.connectorsMade, 1);
        assert.strictEqual(inner.tokenClientsMade, 1);
    });

    it('hands every turn a connector factory of one class, not a class built per turn (issue 16)', async () => {
        const adapter = new CloudAdapter(new ReusingBotFrameworkAuthentication(new CountingAuthentication()));
        const factories: ConnectorFactory[] = [];
        const logic = async (context: TurnContext): Promise<void> => {
            factories.push(context.turnState.get(adapter.ConnectorFactoryKey) as ConnectorFactory);
        };
        for (const id of ['a1', 'a2', 'a3']) {
            await adapter.processActivityDirect('Bearer x', { type: 'message', id, text: 'hi', channelId: 'msteams', serviceUrl: 'https://smba.example/', conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'b1' } } as never, logic);
        }
        assert.strictEqual(factories.length, 3, 'every turn ran');
        assert.ok(factories.every((factory) => factory instanceof ConnectorFactory));
        assert.strictEqual(new Set(factories.map((factory) => Object.getPrototypeOf(factory) as object)).size, 1, 'one class for every turn');
        assert.strictEqual(await factories[2].create('https://smba.example/', 'https://api.botframework.com'), await factories[0].create('https://smba.example/', 'https://api.botframework.com'));
    });
});
