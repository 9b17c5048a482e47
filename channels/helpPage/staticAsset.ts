import * as crypto from 'crypto';
import * as fs from 'fs';
import * as zlib from 'zlib';
import type { Request, Response } from 'restify';

/**
 * A file served from memory with an ETag and, when the browser takes it,
 * gzip. Read on first use (the Web Chat bundle is 4 MB and only needed once a
 * page opens the chat), then kept.
 */
export class StaticAsset {
    private loaded?: Promise<{ body: Buffer; gzipped: Buffer; etag: string }>;

    public constructor(private readonly file: string, private readonly contentType: string, private readonly maxAgeSeconds: number) {}

    /** Answers the request with the file, or 304 when the browser's copy is current. */
    public async serve(req: Request, res: Response): Promise<void> {
        const { body, gzipped, etag } = await this.load();
        const headers: Record<string, string> = {
            'Content-Type': this.contentType,
            'Cache-Control': `public, max-age=${this.maxAgeSeconds}`,
            ETag: etag,
            Vary: 'Accept-Encoding',
            'X-Content-Type-Options': 'nosniff'
        };
        if (req.headers['if-none-match'] === etag) {
            res.writeHead(304, headers);
            res.end();
            return;
        }
        const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        const payload = gzip ? gzipped : body;
        res.writeHead(200, { ...headers, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': String(payload.length) });
        res.end(payload);
    }

    private load(): Promise<{ body: Buffer; gzipped: Buffer; etag: string }> {
        this.loaded ??= fs.promises.readFile(this.file).then(async (body) => ({
            body,
            gzipped: await new Promise<Buffer>((resolve, reject) => zlib.gzip(body, { level: 9 }, (err, out) => (err ? reject(err) : resolve(out)))),
            etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
        }));
        this.loaded.catch(() => {
            this.loaded = undefined;
        });
        return this.loaded;
    }
}
