import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Request, Response } from 'restify';

/** How a file is served. */
export interface StaticAssetOptions {
    readonly contentType: string;
    /** `Cache-Control: max-age` for the plain name; the hashed name is cached for a year and immutable. */
    readonly maxAgeSeconds: number;
    /** Folder with `<name>.<hash>.br` and `.gz` written by {@link StaticAsset.precompress} at build time. */
    readonly precompressedDir?: string;
}

interface Loaded {
    readonly body: Buffer;
    readonly brotli: Buffer;
    readonly gzip: Buffer;
}

/** Brotli and gzip at their best (build time) or quicker (a build without precompressed files). */
const BEST = { brotli: 11, gzip: 9 } as const;
const QUICK = { brotli: 5, gzip: 6 } as const;

/**
 * A file served from memory, brotli or gzip compressed when the browser takes
 * it, under its plain name and under a content-hashed one
 * (`webchat-minimal.3f9c….js`) that browsers may keep for a year. The
 * compressed copies come from the build (`npm run build` writes them into
 * `dist/assets`); without them they are made on first use, with quicker
 * settings. The body is read on first use (the Web Chat bundle is 2 MB and
 * only needed once a page opens the chat).
 */
export class StaticAsset {
    private loaded?: Promise<Loaded>;
    private hash?: string;

    public constructor(private readonly file: string, private readonly options: StaticAssetOptions) {}

    /** 16 hex digits of the content's SHA-256 (read once). */
    public contentHash(): string {
        this.hash ??= contentHashOf(fs.readFileSync(this.file));
        return this.hash;
    }

    /** The content-hashed file name, e.g. `help.0a1b2c3d4e5f6789.js`. */
    public hashedName(): string {
        return hashedName(this.file, this.contentHash());
    }

    /** Answers with the file (200), or 304 when the browser's copy is current; `immutable` for the hashed name. */
    public async serve(req: Request, res: Response, immutable: boolean): Promise<void> {
        const loaded = await this.load();
        const etag = `"${this.contentHash()}"`;
        const headers: Record<string, string> = {
            'Content-Type': this.options.contentType,
            'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : `public, max-age=${this.options.maxAgeSeconds}`,
            ETag: etag,
            Vary: 'Accept-Encoding',
            'X-Content-Type-Options': 'nosniff'
        };
        if (req.headers['if-none-match'] === etag) {
            res.writeHead(304, headers);
            res.end();
            return;
        }
        const accepted = acceptedEncodings(String(req.headers['accept-encoding'] ?? ''));
        const [encoding, payload] = accepted.has('br') ? ['br', loaded.brotli] : accepted.has('gzip') ? ['gzip', loaded.gzip] : [undefined, loaded.body];
        res.writeHead(200, { ...headers, ...(encoding ? { 'Content-Encoding': encoding } : {}), 'Content-Length': String(payload.length) });
        res.end(payload);
    }

    /**
     * Writes `<name>.<hash>.<ext>.br` and `.gz` of `file` into `outDir` at the
     * best compression (the build step); returns the files written.
     */
    public static async precompress(file: string, outDir: string): Promise<string[]> {
        const body = await fs.promises.readFile(file);
        const base = path.join(outDir, hashedName(file, contentHashOf(body)));
        await fs.promises.mkdir(outDir, { recursive: true });
        const [brotli, gzip] = await Promise.all([compress(body, 'br', BEST), compress(body, 'gzip', BEST)]);
        // Written under a temporary name first: a server starting meanwhile never reads half a file.
        const written: string[] = [];
        for (const [ext, data] of [['br', brotli], ['gz', gzip]] as const) {
            const target = `${base}.${ext}`;
            await fs.promises.writeFile(`${target}.tmp`, data);
            await fs.promises.rename(`${target}.tmp`, target);
            written.push(target);
        }
        return written;
    }

    private load(): Promise<Loaded> {
        this.loaded ??= (async (): Promise<Loaded> => {
            const body = await fs.promises.readFile(this.file);
            const hash = contentHashOf(body);
            this.hash = hash;
            const built = (ext: string): Promise<Buffer | undefined> =>
                this.options.precompressedDir
                    ? fs.promises.readFile(path.join(this.options.precompressedDir, `${hashedName(this.file, hash)}.${ext}`)).catch(() => undefined)
                    : Promise.resolve(undefined);
            const [brotli, gzip] = await Promise.all([built('br'), built('gz')]);
            return {
                body,
                brotli: brotli ?? (await compress(body, 'br', QUICK)),
                gzip: gzip ?? (await compress(body, 'gzip', QUICK))
            };
        })();
        this.loaded.catch(() => {
            this.loaded = undefined;
        });
        return this.loaded;
    }
}

function contentHashOf(body: Buffer): string {
    return crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
}

/** `dir/webchat-minimal.js` + hash → `webchat-minimal.<hash>.js`. */
function hashedName(file: string, hash: string): string {
    const ext = path.extname(file);
    return `${path.basename(file, ext)}.${hash}${ext}`;
}

/** The encodings of an Accept-Encoding header, without those refused by `q=0`. */
function acceptedEncodings(header: string): Set<string> {
    const accepted = new Set<string>();
    for (const part of header.toLowerCase().split(',')) {
        const [name, ...params] = part.trim().split(';');
        if (!params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param))) {
            accepted.add(name.trim());
        }
    }
    return accepted;
}

function compress(body: Buffer, encoding: 'br' | 'gzip', level: { readonly brotli: number; readonly gzip: number }): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const done = (err: Error | null, out: Buffer): void => (err ? reject(err) : resolve(out));
        if (encoding === 'br') {
            zlib.brotliCompress(
                body,
                { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: level.brotli, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } },
                done
            );
        } else {
            zlib.gzip(body, { level: level.gzip }, done);
        }
    });
}
