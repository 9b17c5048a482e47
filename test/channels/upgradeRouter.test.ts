import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import { HttpError } from '../../web/httpError';
import { UpgradeRouter } from '../../channels/upgradeRouter';
import { configureLogging } from '../../core/logger';

/** Sends an upgrade request for `target`; resolves with the answer's status (0 = closed without one). */
function upgrade(port: number, target: string): Promise<number> {
    return new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`));
        let data = '';
        socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
        socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
        socket.on('error', () => undefined);
    });
}

describe('UpgradeRouter', () => {
    let server: http.Server;
    let port: number;
    const held: Array<() => void> = [];

    beforeEach(async () => {
        configureLogging('silent');
        const router = new UpgradeRouter({ maxPending: 3, handshakeTimeoutMs: 300 });
        router.add((_req, _socket, _head, path) => {
            if (path === '/hold') {
                return new Promise<void>((resolve) => held.push(resolve));
            }
            if (path === '/refuse') {
                return Promise.reject(new HttpError(401, 'Unauthorized', 'no'));
            }
            if (path === '/throw') {
                throw new Error('handler bug');
            }
            return undefined;
        });
        server = http.createServer();
        router.attach(server);
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        port = (server.address() as net.AddressInfo).port;
    });
    afterEach(async () => {
        held.splice(0).forEach((release) => release());
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
    });

    it('answers every upgrade: 404 for other paths, the handler error, 500 for a throwing handler, 400 for a malformed target', async () => {
        assert.deepStrictEqual(
            await Promise.all(['/elsewhere', '/refuse', '/throw', '/%E0%A4%A', '//['].map((target) => upgrade(port, target))),
            [404, 401, 500, 400, 400]
        );
    });

    it('caps the handshakes in progress (503) and closes one that takes too long', async () => {
        const pending = [upgrade(port, '/hold'), upgrade(port, '/hold'), upgrade(port, '/hold')];
        while (held.length < 3) {
            await new Promise((resolve) => setTimeout(resolve, 10));
        }
        assert.strictEqual(await upgrade(port, '/hold'), 503);
        // The held handshakes time out after 300 ms: closed without an answer, and room again.
        assert.deepStrictEqual(await Promise.all(pending), [0, 0, 0]);
        assert.strictEqual(await upgrade(port, '/elsewhere'), 404);
    });
});
