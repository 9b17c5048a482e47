import * as assert from 'assert';
import type { IncomingMessage } from 'http';
import { ClientAddresses, isLoopbackAddress, parseTrustProxy } from '../../web/clientAddress';

function request(peer: string, forwardedFor?: string): IncomingMessage {
    return { socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } } as unknown as IncomingMessage;
}

describe('ClientAddresses (TRUST_PROXY)', () => {
    it('trusts no proxy by default: X-Forwarded-For is ignored', () => {
        const clients = new ClientAddresses(parseTrustProxy(''));
        assert.strictEqual(clients.of(request('::ffff:127.0.0.1', '203.0.113.7')), '127.0.0.1');
        assert.strictEqual(clients.of(request('198.51.100.4', '127.0.0.1')), '198.51.100.4');
    });

    it('with hops: the address the outermost trusted proxy saw', () => {
        const one = new ClientAddresses(parseTrustProxy('1'));
        assert.strictEqual(one.of(request('127.0.0.1', '203.0.113.7')), '203.0.113.7');
        // A client cannot hide behind a made-up entry: only the last hop is believed.
        assert.strictEqual(one.of(request('127.0.0.1', '10.9.9.9, 203.0.113.7')), '203.0.113.7');
        assert.strictEqual(one.of(request('127.0.0.1')), '127.0.0.1');
        const two = new ClientAddresses(parseTrustProxy('2'));
        assert.strictEqual(two.of(request('10.0.0.2', '1.2.3.4, 203.0.113.7, 10.0.0.1')), '203.0.113.7');
    });

    it('with ranges: walks back through trusted proxies only', () => {
        const clients = new ClientAddresses(parseTrustProxy('loopback, 10.0.0.0/8, 2001:db8::/32'));
        assert.strictEqual(clients.of(request('127.0.0.1', '1.2.3.4, 203.0.113.7, 10.1.2.3')), '203.0.113.7');
        assert.strictEqual(clients.of(request('2001:db8::5', '[2001:db8::1]:443, 198.51.100.9')), '198.51.100.9');
        // A peer that is not a trusted proxy is the client, whatever it says.
        assert.strictEqual(clients.of(request('198.51.100.4', '127.0.0.1')), '198.51.100.4');
        // Garbage in the header is not an address: the walk stops before it.
        assert.strictEqual(clients.of(request('127.0.0.1', 'evil, 10.0.0.9')), '10.0.0.9');
    });

    it('refuses settings that are neither hops nor addresses', () => {
        for (const wrong of ['yes', '10.0.0.0/33', '300.1.1.1', '11', '10.0.0.1/8/1']) {
            assert.throws(() => parseTrustProxy(wrong), /hops|CIDR/, wrong);
        }
    });

    it('believes X-Forwarded-Proto only from trusted proxies: the value the outermost trusted one set', () => {
        const proto = (peer: string, value: string, forwardedFor?: string): IncomingMessage => {
            const req = request(peer, forwardedFor);
            (req.headers as Record<string, string>)['x-forwarded-proto'] = value;
            return req;
        };
        assert.strictEqual(new ClientAddresses(parseTrustProxy('')).isHttps(proto('127.0.0.1', 'https')), false);
        const one = new ClientAddresses(parseTrustProxy('1'));
        assert.strictEqual(one.isHttps(proto('127.0.0.1', 'https')), true);
        assert.strictEqual(one.isHttps(proto('127.0.0.1', 'https, http')), false, 'a client-sent value before the proxy’s own is not believed');
        assert.strictEqual(new ClientAddresses(parseTrustProxy('2')).isHttps(proto('10.0.0.2', 'https, http')), true);
        const ranges = new ClientAddresses(parseTrustProxy('10.0.0.0/8'));
        assert.strictEqual(ranges.isHttps(proto('10.0.0.2', 'HTTPS')), true);
        assert.strictEqual(ranges.isHttps(proto('198.51.100.4', 'https')), false, 'the peer is no trusted proxy');
        assert.strictEqual(ranges.isHttps(proto('10.0.0.2', 'https, http', '203.0.113.7, 10.0.0.1')), true, 'two trusted hops');
        assert.strictEqual(new ClientAddresses(parseTrustProxy('')).isHttps({ socket: { encrypted: true }, headers: {} } as unknown as IncomingMessage), true);
    });

    it('knows loopback addresses, IPv4-mapped ones included', () => {
        assert.ok(isLoopbackAddress('127.0.0.1') && isLoopbackAddress('::ffff:127.0.0.2') && isLoopbackAddress('::1'));
        assert.ok(!isLoopbackAddress('192.0.2.2') && !isLoopbackAddress('unknown') && !isLoopbackAddress('::ffff:10.0.0.1'));
    });
});
