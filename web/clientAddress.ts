import type { IncomingMessage } from 'http';
import { BlockList, isIP } from 'net';

/**
 * Which proxies in front of the bot may name the client in `X-Forwarded-For`
 * (`TRUST_PROXY`): none (the socket's peer is the client), the last `hops`
 * proxies whatever their address, or proxies whose address is in `ranges`.
 */
export type TrustProxy = { readonly kind: 'none' } | { readonly kind: 'hops'; readonly hops: number } | { readonly kind: 'ranges'; readonly ranges: readonly string[] };

/** No proxy is trusted. */
export const TRUST_NO_PROXY: TrustProxy = { kind: 'none' };

/** The loopback ranges, what `loopback` stands for in `TRUST_PROXY`. */
const LOOPBACK_RANGES = ['127.0.0.0/8', '::1/128'];

/**
 * Parses `TRUST_PROXY`: empty or `false` = none; a whole number = that many
 * hops; otherwise a comma-separated list of addresses and CIDR ranges
 * (`loopback` for 127.0.0.0/8 and ::1).
 * @throws Error naming what is wrong.
 */
export function parseTrustProxy(text: string | undefined): TrustProxy {
    const value = (text ?? '').trim();
    if (value === '' || value === 'false' || value === '0') {
        return TRUST_NO_PROXY;
    }
    if (/^\d+$/.test(value)) {
        const hops = Number(value);
        if (hops > 10) {
            throw new Error(`must be 0 to 10 hops (got ${hops})`);
        }
        return { kind: 'hops', hops };
    }
    const ranges: string[] = [];
    for (const item of value.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
        if (item.toLowerCase() === 'loopback') {
            ranges.push(...LOOPBACK_RANGES);
            continue;
        }
        const [address, prefix, extra] = item.split('/');
        const family = isIP(address);
        const bits = family === 4 ? 32 : 128;
        if (family === 0 || extra !== undefined || (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits))) {
            throw new Error(`must be a number of hops, or addresses and CIDR ranges separated by commas (got "${item}")`);
        }
        ranges.push(prefix === undefined ? `${address}/${bits}` : item);
    }
    return { kind: 'ranges', ranges };
}

/**
 * The address of the client behind a request, for rate limits and the
 * local-mode loopback check. `X-Forwarded-For` counts only as far as
 * {@link TrustProxy} allows: walking from the socket's peer towards the
 * client, each trusted proxy hands over to the address it names.
 */
export class ClientAddresses {
    private readonly trusted?: BlockList;

    public constructor(private readonly trust: TrustProxy = TRUST_NO_PROXY) {
        if (trust.kind === 'ranges') {
            this.trusted = new BlockList();
            for (const range of trust.ranges) {
                const [address, prefix] = range.split('/');
                const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
                this.trusted.addSubnet(address, Number(prefix), family);
            }
        }
    }

    /** The client's address (normalised: no `::ffff:` prefix), or `unknown`. */
    public of(req: IncomingMessage): string {
        const peer = normalise(req.socket.remoteAddress ?? '');
        if (this.trust.kind === 'none' || peer === '') {
            return peer || 'unknown';
        }
        const forwarded = forwardedFor(req);
        if (this.trust.kind === 'hops') {
            // The last `hops` hops are proxies: the client is the address the outermost of them saw.
            const chain = [...forwarded, peer];
            return chain[Math.max(0, chain.length - 1 - this.trust.hops)];
        }
        let client = peer;
        for (let i = forwarded.length - 1; i >= 0 && this.isTrusted(client); i--) {
            client = forwarded[i];
        }
        return client;
    }

    /**
     * Whether the client reached us over https: TLS to this server itself, or
     * `X-Forwarded-Proto: https` set by a trusted proxy (the value of the
     * outermost one trusted). Without a trusted proxy the header is ignored:
     * anyone can send it.
     */
    public isHttps(req: IncomingMessage): boolean {
        if ((req.socket as { encrypted?: boolean }).encrypted === true) {
            return true;
        }
        const hops = this.trustedHops(req);
        if (hops === 0) {
            return false;
        }
        const header = req.headers['x-forwarded-proto'];
        const values = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
        return values[Math.max(0, values.length - hops)] === 'https';
    }

    /** How many proxies in front of us are trusted for this request (0: the peer is the client, or not trusted). */
    private trustedHops(req: IncomingMessage): number {
        const peer = normalise(req.socket.remoteAddress ?? '');
        if (this.trust.kind === 'none' || peer === '') {
            return 0;
        }
        if (this.trust.kind === 'hops') {
            return this.trust.hops;
        }
        const chain = [...forwardedFor(req), peer];
        let hops = 0;
        for (let i = chain.length - 1; i >= 0 && this.isTrusted(chain[i]); i--) {
            hops++;
        }
        return hops;
    }

    private isTrusted(address: string): boolean {
        const family = isIP(address);
        return family !== 0 && (this.trusted?.check(address, family === 4 ? 'ipv4' : 'ipv6') ?? false);
    }
}

/** True for 127.0.0.0/8 and ::1 (also written as IPv4-mapped IPv6). */
export function isLoopbackAddress(address: string): boolean {
    const plain = normalise(address);
    return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/** The addresses of `X-Forwarded-For`, first (client) to last (the proxy next to us); malformed entries end the list's trust. */
function forwardedFor(req: IncomingMessage): string[] {
    const header = req.headers['x-forwarded-for'];
    const text = Array.isArray(header) ? header.join(',') : (header ?? '');
    const entries = text.split(',').map((part) => normalise(part.trim().replace(/^\[([^\]]+)\](:\d+)?$/, '$1').replace(/^(\d{1,3}(\.\d{1,3}){3}):\d+$/, '$1'))).filter((part) => part !== '');
    // Only the addresses after the last malformed entry can be believed at all.
    const lastBad = entries.map((entry) => isIP(entry) !== 0).lastIndexOf(false);
    return entries.slice(lastBad + 1);
}

function normalise(address: string): string {
    const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
    return (mapped ? mapped[1] : address).toLowerCase();
}
