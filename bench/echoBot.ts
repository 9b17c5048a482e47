/**
 * The baseline of `npm run bench`: the plain Bot Framework stack (CloudAdapter,
 * MemoryStorage, ConversationState, restify 11) echoing text, as in
 * Microsoft's echo-bot sample. Started as its own process by the benchmark.
 */
import * as restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } from 'botbuilder';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const state = new ConversationState(new MemoryStorage());
const turns = state.createProperty<number>('turns');

const bot = new ActivityHandler()
    .onMembersAdded(async (context, next) => {
        await context.sendActivity('Hello and welcome!');
        await next();
    })
    .onMessage(async (context, next) => {
        await turns.set(context, (await turns.get(context, 0)) + 1);
        await context.sendActivity(`Echo: ${context.activity.text}`);
        await next();
    });

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
});
server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
        await bot.run(context);
        await state.saveChanges(context);
    });
});
server.listen(Number(process.env.PORT ?? 3979), process.env.HOST ?? '127.0.0.1');
