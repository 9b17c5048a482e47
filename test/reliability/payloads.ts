import * as zlib from 'zlib';

/** One hostile request body with the headers that go with it. */
export interface Payload {
    readonly kind: string;
    readonly body: Buffer;
    readonly headers: Record<string, string>;
}

/** A small seeded random source, so a failing run can be repeated with its seed. */
export class Random {
    public constructor(private state: number) {}

    public next(): number {
        this.state = (this.state * 1664525 + 1013904223) >>> 0;
        return this.state / 2 ** 32;
    }

    public int(max: number): number {
        return Math.floor(this.next() * max);
    }

    public pick<T>(items: readonly T[]): T {
        return items[this.int(items.length)];
    }
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** A valid message activity; every payload breaks it in one way. */
export function validActivity(n: number): Record<string, unknown> {
    return {
        type: 'message',
        id: `fuzz-${n}`,
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1:9/',
        conversation: { id: `fuzz-conversation-${n % 50}` },
        from: { id: `fuzz-user-${n % 50}` },
        recipient: { id: 'bot' },
        locale: 'de-DE',
        text: 'Hallo',
        deliveryMode: 'expectReplies'
    };
}

const WRONG_VALUES: readonly unknown[] = [0, -1, 1e308, true, false, [], [1, 2], {}, { a: { b: [] } }, '', ' ', 'x'.repeat(30_000), '\u0000', '\ud800'];
const NOT_STRINGS = WRONG_VALUES.filter((v) => typeof v !== 'string' || v.length > 20_000);
const CHECKED_FIELDS = ['type', 'id', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient', 'locale', 'text', 'deliveryMode', 'timestamp', 'replyToId', 'channelData', 'attachments', 'entities', 'membersAdded', 'membersRemoved'];
const NESTED_FIELDS = [['conversation', 'id'], ['from', 'id'], ['recipient', 'id'], ['from', 'name']];
const REQUIRED = ['type', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient'];

/**
 * Malformed, truncated, wrongly typed or huge bodies: each one is something no
 * channel sends and the bot must refuse with a 4xx.
 */
export function hostilePayload(rng: Random, n: number, maxBodyBytes: number): Payload {
    const activity = validActivity(n);
    const json = (value: unknown, kind: string): Payload => ({ kind, body: Buffer.from(JSON.stringify(value)), headers: JSON_TYPE });
    switch (n % 16) {
        case 0: {
            const text = JSON.stringify(activity);
            return { kind: 'truncated JSON', body: Buffer.from(text.slice(0, 1 + rng.int(text.length - 2))), headers: JSON_TYPE };
        }
        case 1:
            return { kind: 'random bytes', body: Buffer.from(Array.from({ length: 1 + rng.int(300) }, () => rng.int(256))), headers: JSON_TYPE };
        case 2:
            return json(rng.pick([null, 1, 'text', [], [activity], true]), 'JSON that is not an object');
        case 3: {
            const field = rng.pick(CHECKED_FIELDS);
            const objectField = typeof activity[field] === 'object' || ['channelData', 'attachments', 'entities', 'membersAdded', 'membersRemoved'].includes(field);
            // Only values the field may never hold: a string where an object goes, a non-string or overlong string where a string goes.
            const broken = { ...activity, [field]: objectField ? 'not-an-object-or-array' : rng.pick(NOT_STRINGS) };
            return json(broken, `wrong type of ${field}`);
        }
        case 4: {
            const [outer, inner] = rng.pick(NESTED_FIELDS);
            return json({ ...activity, [outer]: { ...(activity[outer] as object), [inner]: rng.pick([5, {}, [], true, 'y'.repeat(2000)]) } }, `wrong type of ${outer}.${inner}`);
        }
        case 5: {
            const field = rng.pick(REQUIRED);
            const { [field]: _dropped, ...rest } = activity;
            return json(rest, `missing ${field}`);
        }
        case 6:
            return { kind: 'wrong content type', body: Buffer.from(JSON.stringify(activity)), headers: { 'content-type': rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '']) } };
        case 7:
            return { kind: 'too large', body: Buffer.alloc(maxBodyBytes + 1 + rng.int(1000), 0x20), headers: JSON_TYPE };
        case 8:
            return { kind: 'decompresses too large', body: zlib.gzipSync(Buffer.from(`{"text":"${'a'.repeat(maxBodyBytes * 2)}"}`)), headers: { ...JSON_TYPE, 'content-encoding': 'gzip' } };
        case 9:
            return { kind: 'bad compressed data', body: Buffer.from(Array.from({ length: 50 }, () => rng.int(256))), headers: { ...JSON_TYPE, 'content-encoding': rng.pick(['gzip', 'deflate', 'br', 'zstd', 'compress']) } };
        case 10: {
            const depth = 1000 + rng.int(50_000);
            return { kind: 'deeply nested', body: Buffer.from('['.repeat(depth) + ']'.repeat(depth)), headers: JSON_TYPE };
        }
        case 11:
            return json({ ...activity, [rng.pick(['attachments', 'entities', 'membersAdded', 'membersRemoved'])]: [rng.pick([1, 'x', null, true, [], [[]]])] }, 'array of the wrong things');
        case 12:
            return json({ ...activity, serviceUrl: rng.pick(['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://169.254.169.254/']) }, 'foreign or broken service URL');
        case 13: {
            const text = Buffer.from(JSON.stringify(activity));
            const at = text.indexOf('Hallo');
            return { kind: 'invalid UTF-8 in a string', body: Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe, 0xc3]), text.subarray(at)]), headers: JSON_TYPE };
        }
        case 14:
            return { kind: 'prototype keys', body: Buffer.from(`{"__proto__":{"type":"message"},"constructor":{"prototype":{"polluted":1}},"type":{"toString":1}}`), headers: JSON_TYPE };
        default:
            return json({ ...activity, type: rng.pick([5, ['message'], { type: 'message' }, '', '   ']) }, 'wrong type of type');
    }
}
