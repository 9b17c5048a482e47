import type { IncomingMessage } from 'http';
import * as zlib from 'zlib';
import { HttpError } from './httpError';

const DECODERS: Record<string, (input: Buffer, options: zlib.ZlibOptions & zlib.BrotliOptions) => Buffer> = {
    gzip: zlib.gunzipSync,
    'x-gzip': zlib.gunzipSync,
    deflate: zlib.inflateSync,
    br: zlib.brotliDecompressSync
};

/** Deepest nesting of objects and arrays accepted; activities nest a handful of levels, adaptive cards a few more. */
export const MAX_JSON_DEPTH = 64;

/** JSON is UTF-8 (RFC 8259); bytes that are not are refused rather than silently replaced. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON object from the request: `application/json` only, at most
 * `maxBytes` on the wire and again after decompression (gzip, deflate, br),
 * so neither a large body nor a small "zip bomb" gets through.
 * @throws HttpError 413, 415 or 400 with a clear message.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
        throw new HttpError(415, 'UnsupportedMediaType', 'The body must be JSON (Content-Type: application/json).');
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
        throw new HttpError(413, 'PayloadTooLarge', `The body must not be larger than ${maxBytes} bytes.`);
    }
    const raw = await readLimited(req, maxBytes);
    const encoding = (req.headers['content-encoding'] ?? 'identity').toString().trim().toLowerCase();
    let data = raw;
    if (encoding !== 'identity' && encoding !== '') {
        const decode = DECODERS[encoding];
        if (!decode) {
            throw new HttpError(415, 'UnsupportedEncoding', `Content-Encoding "${encoding.slice(0, 20)}" is not supported; use gzip, deflate or br.`);
        }
        try {
            data = decode(raw, { maxOutputLength: maxBytes });
        } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
                throw new HttpError(413, 'PayloadTooLarge', `The decompressed body must not be larger than ${maxBytes} bytes.`);
            }
            throw new HttpError(400, 'BadEncoding', `The body is not valid ${encoding} data.`);
        }
    }
    let text: string;
    try {
        text = UTF8.decode(data);
    } catch {
        throw new HttpError(400, 'InvalidJson', 'The body is not valid UTF-8.');
    }
    if (nestingDepth(text) > MAX_JSON_DEPTH) {
        throw new HttpError(400, 'InvalidJson', `The body must not nest objects and arrays deeper than ${MAX_JSON_DEPTH} levels.`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        throw new HttpError(400, 'InvalidJson', 'The body is not valid JSON.');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new HttpError(400, 'InvalidJson', 'The body must be a JSON object.');
    }
    return parsed as Record<string, unknown>;
}

/**
 * The deepest nesting of `{` and `[` in JSON text, brackets inside strings
 * not counted; checked before parsing, because code that walks a parsed
 * value recursively (JSON.stringify, the SDK) overflows the stack on deep ones.
 */
export function nestingDepth(text: string): number {
    let depth = 0;
    let deepest = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c) {
                i++;
            } else if (c === 0x22) {
                inString = false;
            }
        } else if (c === 0x22) {
            inString = true;
        } else if (c === 0x7b || c === 0x5b) {
            depth++;
            if (depth > deepest) {
                deepest = depth;
            }
        } else if (c === 0x7d || c === 0x5d) {
            depth--;
        }
    }
    return deepest;
}

/** Reads the raw body, at most `maxBytes`. @throws HttpError 413 when larger, 400 when the request breaks off. */
export function readLimited(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let done = false;
        const finish = (err?: Error, body?: Buffer): void => {
            if (done) {
                return;
            }
            done = true;
            req.removeListener('data', onData);
            if (err) {
                // Stop reading; the rest of an oversized body is discarded.
                req.resume();
                reject(err);
            } else {
                resolve(body ?? Buffer.alloc(0));
            }
        };
        const onData = (chunk: Buffer): void => {
            size += chunk.length;
            if (size > maxBytes) {
                finish(new HttpError(413, 'PayloadTooLarge', `The body must not be larger than ${maxBytes} bytes.`));
                return;
            }
            chunks.push(chunk);
        };
        req.on('data', onData);
        req.once('end', () => finish(undefined, Buffer.concat(chunks)));
        req.once('error', () => finish(new HttpError(400, 'BadRequest', 'The request body could not be read.')));
        req.once('aborted', () => finish(new HttpError(400, 'BadRequest', 'The request was aborted.')));
    });
}
