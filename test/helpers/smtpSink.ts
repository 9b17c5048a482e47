import { SMTPServer } from 'smtp-server';

/** A mail as the SMTP server received it. */
export interface ReceivedMail {
    readonly from: string;
    readonly to: string[];
    /** The raw message (headers and body, transfer-encoded as sent). */
    readonly raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
export class SmtpSink {
    private constructor(public readonly port: number, private readonly server: SMTPServer, public readonly received: readonly ReceivedMail[]) {}

    /** Listens on `port` (0 = any free port). */
    public static async start(port = 0): Promise<SmtpSink> {
        const received: ReceivedMail[] = [];
        const server = new SMTPServer({
            authOptional: true,
            disabledCommands: ['STARTTLS'],
            logger: false,
            onData(stream, session, callback) {
                const chunks: Buffer[] = [];
                stream.on('data', (chunk: Buffer) => chunks.push(chunk));
                stream.on('end', () => {
                    received.push({
                        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                        to: session.envelope.rcptTo.map((r) => r.address),
                        raw: Buffer.concat(chunks).toString('utf8')
                    });
                    callback();
                });
            }
        });
        const actualPort = await new Promise<number>((resolve, reject) => {
            server.on('error', reject);
            server.listen(port, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
        });
        return new SmtpSink(actualPort, server, received);
    }

    public get url(): string {
        return `smtp://127.0.0.1:${this.port}`;
    }

    /** Waits until a mail to `to` has arrived and returns the newest. */
    public async waitFor(to: string, timeoutMs = 10_000): Promise<ReceivedMail> {
        const until = Date.now() + timeoutMs;
        for (;;) {
            const mail = [...this.received].reverse().find((m) => m.to.includes(to));
            if (mail) {
                return mail;
            }
            if (Date.now() > until) {
                throw new Error(`SmtpSink.waitFor(): no mail to ${to} within ${timeoutMs} ms`);
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
    }

    public stop(): Promise<void> {
        return new Promise((resolve) => this.server.close(() => resolve()));
    }
}

/** Decodes a quoted-printable body enough to read umlauts and soft line breaks. */
export function decodeQuotedPrintable(raw: string): string {
    return Buffer.from(
        raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1'
    ).toString('utf8');
}
