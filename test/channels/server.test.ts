import * as assert from 'assert';
import * as zlib from 'zlib';
import { PHRASES } from '../helpers/phrases';
import { messageActivity, replyTexts, startTestApp, type TestApp } from '../helpers/testApp';

describe('HTTP server: /healthz and /api/messages', () => {
    let server: TestApp;
    before(async () => {
        server = await startTestApp();
    });
    after(async () => server.stop());

    const errorCode = (json: unknown): string | undefined => (json as { error?: { code?: string } } | undefined)?.error?.code;

    it('answers /healthz with 200 JSON', async () => {
        const result = await server.get('/healthz');
        assert.strictEqual(result.status, 200);
        assert.deepStrictEqual(result.json, { status: 'ok' });
    });

    it('runs a whole German conversation over /api/messages: Jonas learns Anna Müller is his billing contact', async () => {
        const id = 'http-jonas';
        const say = async (text: string): Promise<string> => {
            const result = await server.post('/api/messages', messageActivity(id, text));
            assert.strictEqual(result.status, 200, result.text);
            return replyTexts(result.json);
        };
        assert.match(await say('Wer ist mein Abrechnungskontakt?'), PHRASES.de.askEmail);
        assert.match(await say('jonas.weber@mueller-design.example'), PHRASES.de.codeSent);
        const answer = await say(await server.latestCode('jonas.weber@mueller-design.example'));
        assert.match(answer, PHRASES.de.verified);
        assert.match(answer, /Ihr Abrechnungsadministrator ist Anna Müller \(anna\.mueller@mueller-design\.example\)/);
    });

    it('answers the same activity delivered twice only once', async () => {
        const activity = messageActivity('http-retry', 'Wer ist mein Abrechnungskontakt?');
        const first = await server.post('/api/messages', activity);
        const second = await server.post('/api/messages', activity);
        assert.match(replyTexts(first.json), PHRASES.de.askEmail);
        assert.strictEqual(replyTexts(second.json), '');
    });

    const bad: Array<[string, unknown, number, string]> = [
        ['not JSON', '{"type": "message", ', 400, 'InvalidJson'],
        ['a JSON array', '[1, 2]', 400, 'InvalidJson'],
        ['a JSON string', '"hello"', 400, 'InvalidJson'],
        ['no type', { ...messageActivity('x', 'hi'), type: undefined }, 400, 'InvalidActivity'],
        ['a numeric type', { ...messageActivity('x', 'hi'), type: 42 }, 400, 'InvalidActivity'],
        ['no conversation', { ...messageActivity('x', 'hi'), conversation: undefined }, 400, 'InvalidActivity'],
        ['conversation as a string', { ...messageActivity('x', 'hi'), conversation: 'abc' }, 400, 'InvalidActivity'],
        ['no from', { ...messageActivity('x', 'hi'), from: null }, 400, 'InvalidActivity'],
        ['no serviceUrl', { ...messageActivity('x', 'hi'), serviceUrl: undefined }, 400, 'InvalidActivity'],
        ['a serviceUrl that is no URL', { ...messageActivity('x', 'hi'), serviceUrl: 'not a url' }, 400, 'InvalidActivity'],
        ['a file: serviceUrl', { ...messageActivity('x', 'hi'), serviceUrl: 'file:///etc/passwd' }, 400, 'InvalidActivity'],
        ['text as an object', { ...messageActivity('x', 'hi'), text: { a: 1 } }, 400, 'InvalidActivity'],
        ['text of 50,000 characters', { ...messageActivity('x', 'hi'), text: 'a'.repeat(50_000) }, 400, 'InvalidActivity'],
        ['attachments as an object', { ...messageActivity('x', 'hi'), attachments: { a: 1 } }, 400, 'InvalidActivity'],
        ['a remote serviceUrl in local mode', { ...messageActivity('x', 'hi'), serviceUrl: 'https://attacker.example/hook' }, 400, 'ServiceUrlNotAllowed'],
        ['a look-alike loopback host', { ...messageActivity('x', 'hi'), serviceUrl: 'http://127.0.0.1.attacker.example/' }, 400, 'ServiceUrlNotAllowed']
    ];
    for (const [what, body, status, code] of bad) {
        it(`refuses ${what} with ${status} ${code} and no internals`, async () => {
            const result = await server.post('/api/messages', body);
            assert.strictEqual(result.status, status, result.text);
            assert.strictEqual(errorCode(result.json), code, result.text);
            assert.doesNotMatch(result.text, /at \w+ \(|node_modules|\.js:\d+/, 'no stack trace');
        });
    }

    it('refuses a body that is not JSON by content type with 415', async () => {
        const result = await server.post('/api/messages', 'type=message', { 'content-type': 'application/x-www-form-urlencoded' });
        assert.strictEqual(result.status, 415);
        assert.strictEqual(errorCode(result.json), 'UnsupportedMediaType');
    });

    it('refuses a body over 1 MB with 413', async () => {
        const result = await server.post('/api/messages', JSON.stringify({ ...messageActivity('x', 'hi'), padding: 'p'.repeat(1_100_000) }));
        assert.strictEqual(result.status, 413);
        assert.strictEqual(errorCode(result.json), 'PayloadTooLarge');
    });

    it('refuses a small gzip body that unpacks to more than 1 MB with 413', async () => {
        const bomb = zlib.gzipSync(Buffer.from(JSON.stringify({ ...messageActivity('x', 'hi'), padding: ' '.repeat(20_000_000) })));
        assert.ok(bomb.length < 100_000, 'the compressed body is small');
        const result = await server.post('/api/messages', new Uint8Array(bomb), { 'content-encoding': 'gzip' });
        assert.strictEqual(result.status, 413);
    });

    it('accepts a gzip-compressed activity', async () => {
        const body = zlib.gzipSync(Buffer.from(JSON.stringify(messageActivity('http-gzip', 'Who is my billing contact?', 'en-US'))));
        const result = await server.post('/api/messages', new Uint8Array(body), { 'content-encoding': 'gzip' });
        assert.strictEqual(result.status, 200, result.text);
        assert.match(replyTexts(result.json), PHRASES.en.askEmail);
    });

    it('refuses an unknown content encoding with 415 and broken gzip with 400', async () => {
        assert.strictEqual((await server.post('/api/messages', '{}', { 'content-encoding': 'compress' })).status, 415);
        assert.strictEqual((await server.post('/api/messages', 'not gzip at all', { 'content-encoding': 'gzip' })).status, 400);
    });

    it('answers unknown routes and wrong methods with JSON 404/405', async () => {
        const missing = await server.get('/nowhere');
        assert.strictEqual(missing.status, 404);
        assert.ok(errorCode(missing.json), missing.text);
        const wrongMethod = await server.get('/api/messages');
        assert.strictEqual(wrongMethod.status, 405);
        assert.ok(errorCode(wrongMethod.json), wrongMethod.text);
    });

    it('is still healthy after all of that', async () => {
        assert.strictEqual((await server.get('/healthz')).status, 200);
    });
});
