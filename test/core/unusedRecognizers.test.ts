import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { PROJECT_ROOT } from '../../paths';

const DIST = path.join(PROJECT_ROOT, 'dist');

/** Runs `body` in a fresh Node process (an empty module cache, as at the bot's start) and returns what it printed as JSON. */
function inFreshProcess<T>(body: string): T {
    const script = `
const path = require('path');
const dist = ${JSON.stringify(DIST)};
const out = {};
(async () => {
${body}
})().then(() => process.stdout.write(JSON.stringify(out)), (err) => { process.stderr.write(String(err && err.stack || err)); process.exit(1); });`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 })) as T;
}

/** Script lines for a fresh process: a TestAdapter bot that asks with `prompt` (id `id`) and runs `onAnswer` (with `result`, `context`) when it is answered. */
function promptBot(prompt: string, id: string, question: string, onAnswer: string): string {
    return `
const { ConversationState, MemoryStorage, TestAdapter } = require('botbuilder');
const { DialogSet, DialogTurnStatus } = require('botbuilder-dialogs');
const state = new ConversationState(new MemoryStorage());
const dialogs = new DialogSet(state.createProperty('dialog'));
dialogs.add(${prompt});
const adapter = new TestAdapter(async (context) => {
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
        await dc.prompt('${id}', '${question}');
    } else if (result.status === DialogTurnStatus.complete) {
        ${onAnswer}
    }
    await state.saveChanges(context);
});`;
}

describe('Unused SDK bundles stay out of memory (core/unusedRecognizers.ts; pins botbuilder-dialogs and botframework-connector 4.23 internals)', function () {
    this.timeout(90_000);

    it('the whole app loaded after the entry point\'s first import: none of the left-out packages is loaded (date-time, suite, @azure/identity, the dialogs\' choice recognizer, axios, htmlparser2, http-signature, send, csv)', () => {
        const result = inFreshProcess<{ names: string[]; leftOut: boolean[] }>(`
require(path.join(dist, 'core/leaveUnusedRecognizersOut.js'));
require(path.join(dist, 'app.js'));
const u = require(path.join(dist, 'core/unusedRecognizers.js'));
out.names = u.LEFT_OUT;
out.leftOut = u.LEFT_OUT.map((name) => !u.recognizerLoaded(name));
`);
        assert.deepStrictEqual(result.names, ['@microsoft/recognizers-text-date-time', '@microsoft/recognizers-text-suite', '@azure/identity', '@microsoft/recognizers-text-choice', 'axios', 'htmlparser2', 'http-signature', 'send', 'csv']);
        assert.deepStrictEqual(result.leftOut, result.names.map(() => true));
    });

    it('a managed identity still works: the connector\'s token provider factory loads the real @azure/identity when first used', () => {
        const result = inFreshProcess<{ leftOut: string[]; loadedBefore: boolean; loadedAfter: boolean; credential: string; msalCopies: number }>(`
const u = require(path.join(dist, 'core/unusedRecognizers.js'));
out.leftOut = u.leaveUnusedRecognizersOut();
const { JwtTokenProviderFactory } = require('botframework-connector');
out.loadedBefore = u.recognizerLoaded('@azure/identity');
out.msalCopies = new Set(Object.keys(require.cache).filter((k) => k.includes('msal-node')).map((k) => k.split('msal-node')[0])).size;
out.credential = new JwtTokenProviderFactory().createAzureServiceTokenProvider('00000000-0000-0000-0000-000000000001').constructor.name;
out.loadedAfter = u.recognizerLoaded('@azure/identity');
`);
        assert.ok(result.leftOut.includes('@azure/identity'), result.leftOut.join());
        assert.strictEqual(result.loadedBefore, false);
        assert.strictEqual(result.msalCopies, 1, 'one copy of msal-node loaded (botbuilder\'s), not also @azure/identity\'s');
        assert.strictEqual(result.credential, 'DefaultAzureCredential');
        assert.strictEqual(result.loadedAfter, true);
    });

    it('the prompts\' culture table reads the same Culture constants from the stand-in as from the real suite', () => {
        const result = inFreshProcess<{ before: string[]; real: string[]; loadedBefore: boolean; loadedAfter: boolean }>(`
const u = require(path.join(dist, 'core/unusedRecognizers.js'));
u.leaveUnusedRecognizersOut();
const dialogs = require('botbuilder-dialogs');
out.before = dialogs.PromptCultureModels.getSupportedCultures().map((c) => c.locale);
out.loadedBefore = u.recognizerLoaded('@microsoft/recognizers-text-suite');
const suite = require(require('module').createRequire(require.resolve('botbuilder-dialogs')).resolve('@microsoft/recognizers-text-suite'));
const real = suite.recognizeNumber && suite.Culture;
out.real = ['Chinese', 'Dutch', 'English', 'French', 'German', 'Italian', 'Japanese', 'Korean', 'Portuguese', 'Spanish', 'Turkish', 'Hindi', 'Swedish']
    .filter((name) => typeof real[name] === 'string' && out.before.includes(real[name])).map((name) => real[name]);
out.loadedAfter = u.recognizerLoaded('@microsoft/recognizers-text-suite');
`);
        assert.strictEqual(result.loadedBefore, false);
        assert.ok(result.before.includes('de-de') && result.before.includes('en-us'), result.before.join());
        assert.deepStrictEqual([...result.real].sort(), [...result.before].sort(), 'every locale of the culture table is a constant of the real suite');
        assert.strictEqual(result.loadedAfter, true, 'reading anything else loads the real bundle');
    });

    it('a DateTimePrompt still works: its first recognition loads the real date-time bundle', () => {
        const result = inFreshProcess<{ loadedBefore: boolean; loadedAfter: boolean; recognized: string }>(`
const u = require(path.join(dist, 'core/unusedRecognizers.js'));
u.leaveUnusedRecognizersOut();
const { DateTimePrompt } = require('botbuilder-dialogs');
out.loadedBefore = u.recognizerLoaded('@microsoft/recognizers-text-date-time');
${promptBot("new DateTimePrompt('when')", 'when', 'When?', 'await context.sendActivity(result.result[0].timex);')}
await adapter.send('hi').assertReply('When?').send('March 5th 2027').assertReply((activity) => (out.recognized = activity.text));
out.loadedAfter = u.recognizerLoaded('@microsoft/recognizers-text-date-time');
`);
        assert.deepStrictEqual(result, { loadedBefore: false, loadedAfter: true, recognized: '2027-03-05' });
    });

    it('restify\'s authorization, static-file and CSV body plugins still work: each loads its real package on its first request', () => {
        const result = inFreshProcess<{ leftOut: string[]; loadedBefore: boolean[]; keyId: string; file: string; rows: unknown; loadedAfter: boolean[] }>(`
const u = require(path.join(dist, 'core/unusedRecognizers.js'));
out.leftOut = u.leaveUnusedRecognizersOut();
const names = ['http-signature', 'send', 'csv'];
const restify = require('restify');
out.loadedBefore = names.map((name) => u.recognizerLoaded(name));
const server = restify.createServer();
server.use(restify.plugins.authorizationParser());
server.use(restify.plugins.bodyParser());
server.get('/key', (req, res, next) => { res.send(200, { keyId: req.authorization.signature.keyId }); next(); });
server.post('/rows', (req, res, next) => { res.send(200, { rows: req.body }); next(); });
server.get('/files/*', restify.plugins.serveStaticFiles(path.join(dist, '..', 'locales')));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = 'http://127.0.0.1:' + server.address().port;
const date = new Date().toUTCString();
const key = await fetch(base + '/key', { headers: { date, authorization: 'Signature keyId="bot-key",algorithm="rsa-sha256",headers="date",signature="c2ln"' } });
out.keyId = (await key.json()).keyId;
out.file = String(JSON.parse(await (await fetch(base + '/files/en/common.json')).text()) !== null);
const rows = await fetch(base + '/rows', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b\\n1,2\\n' });
out.rows = (await rows.json()).rows;
server.close();
out.loadedAfter = names.map((name) => u.recognizerLoaded(name));
`);
        assert.ok(['http-signature', 'send', 'csv'].every((name) => result.leftOut.includes(name)), result.leftOut.join());
        assert.deepStrictEqual(result.loadedBefore, [false, false, false]);
        assert.strictEqual(result.keyId, 'bot-key');
        assert.strictEqual(result.file, 'true');
        assert.deepStrictEqual(result.rows, [{ a: '1', b: '2', index: 0 }]);
        assert.deepStrictEqual(result.loadedAfter, [true, true, true]);
    });

    it('botbuilder\'s SetSpeakMiddleware and the connector\'s skill client still work: htmlparser2 and axios load when first used', () => {
        const result = inFreshProcess<{ leftOut: string[]; loadedBefore: boolean[]; speak: string; skillStatus: number; loadedAfter: boolean[] }>(`
const u = require(path.join(dist, 'core/unusedRecognizers.js'));
out.leftOut = u.leaveUnusedRecognizersOut();
const names = ['htmlparser2', 'axios'];
const { SetSpeakMiddleware, TestAdapter } = require('botbuilder');
const { BotFrameworkClientImpl } = require('botframework-connector/lib/auth/botFrameworkClientImpl');
out.loadedBefore = names.map((name) => u.recognizerLoaded(name));
const adapter = new TestAdapter(async (context) => {
    await context.sendActivity({ type: 'message', text: 'hi', speak: '<speak version="1.0" xml:lang="en-US"><voice name="en-US-JennyNeural">hi</voice></speak>' });
});
adapter.use(new SetSpeakMiddleware('en-US-JennyNeural', false));
adapter.addUserAgent = () => undefined;
Object.assign(adapter.template, { channelId: 'directlinespeech' });
await adapter.send('hello').assertReply((activity) => (out.speak = activity.speak));
const http = require('http');
const skill = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"ok":true}'); }); });
await new Promise((resolve) => skill.listen(0, '127.0.0.1', resolve));
const client = new BotFrameworkClientImpl({ createCredentials: async () => ({ signRequest: async (request) => request, getToken: async () => '' }) }, 'https://login.example');
const reply = await client.postActivity('', '', 'http://127.0.0.1:' + skill.address().port + '/api/messages', 'http://127.0.0.1/service', 'conv-1', { type: 'message', text: 'hi', conversation: { id: 'c' }, recipient: { id: 'r' }, from: { id: 'f' }, channelId: 'test', serviceUrl: 'x' });
out.skillStatus = reply.status;
skill.close();
out.loadedAfter = names.map((name) => u.recognizerLoaded(name));
`);
        assert.ok(['htmlparser2', 'axios'].every((name) => result.leftOut.includes(name)), result.leftOut.join());
        assert.deepStrictEqual(result.loadedBefore, [false, false]);
        assert.ok(result.speak.includes('<voice name="en-US-JennyNeural">'), result.speak);
        assert.strictEqual(result.skillStatus, 200);
        assert.deepStrictEqual(result.loadedAfter, [true, true]);
    });

    it('a ConfirmPrompt still works: its first recognition loads botbuilder-dialogs\' own choice recognizer, and the bot\'s newer copy stays apart', () => {
        const result = inFreshProcess<{ loadedBefore: boolean; loadedAfter: boolean; answers: string[]; copies: number }>(`
const u = require(path.join(dist, 'core/unusedRecognizers.js'));
u.leaveUnusedRecognizersOut();
require(path.join(dist, 'language/entities.js'));
const { ConfirmPrompt } = require('botbuilder-dialogs');
out.loadedBefore = u.recognizerLoaded('@microsoft/recognizers-text-choice');
out.answers = [];
${promptBot("new ConfirmPrompt('sure', undefined, 'de-de')", 'sure', 'Sicher?', "out.answers.push(String(result.result)); await context.sendActivity('ok');")}
await adapter.send('hallo').assertReply((a) => a.text.startsWith('Sicher?')).send('ja, bitte').assertReply('ok');
out.loadedAfter = u.recognizerLoaded('@microsoft/recognizers-text-choice');
out.copies = new Set(Object.keys(require.cache).filter((k) => k.includes('recognizers-text-choice/')).map((k) => k.split('recognizers-text-choice/')[0])).size;
`);
        assert.deepStrictEqual(result, { loadedBefore: false, loadedAfter: true, answers: ['true'], copies: 2 });
    });
});
