import * as http from 'http';
import * as net from 'net';

/** One instance behind the proxy. */
interface Backend {
    readonly port: number;
    /** False once a connection to it was refused (the process is gone). */
    alive: boolean;
}

/**
 * A tiny load balancer for the multi-instance tests: each HTTP request and
 * each WebSocket upgrade goes to the next instance in turn, as a reverse
 * proxy without sticky sessions would send them. A request whose connection
 * is refused (the instance was killed) is sent to the next one, and so is a
 * GET cut off before its answer; any other request cut off mid-way answers
 * 502, as nginx would. It remembers which instance holds
 * each Direct Line stream, and which streams are open right now.
 */
export class RoundRobinProxy {
    private readonly server: http.Server;
    private readonly backends: Backend[];
    private next = 0;
    private readonly sockets = new Set<net.Socket>();
    /** Conversation id → index of the instance its newest stream went to. */
    public readonly streams = new Map<string, number>();
    /** Direct Line streams open right now: conversation id and instance index. */
    private readonly open = new Set<{ readonly conversation: string; readonly index: number }>();
    /** Requests and upgrades per instance index. */
    public readonly served: number[];

    private constructor(ports: readonly number[]) {
        this.backends = ports.map((port) => ({ port, alive: true }));
        this.served = ports.map(() => 0);
        this.server = http.createServer((req, res) => void this.forward(req, res));
        this.server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => this.upgrade(req, socket, head));
        this.server.on('connection', (socket) => {
            this.sockets.add(socket);
            socket.once('close', () => this.sockets.delete(socket));
        });
    }

    /** Listens on a free loopback port in front of the instances on `ports`. */
    public static async start(ports: readonly number[]): Promise<RoundRobinProxy> {
        const proxy = new RoundRobinProxy(ports);
        await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
        return proxy;
    }

    public get url(): string {
        return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
    }

    public async close(): Promise<void> {
        for (const socket of this.sockets) {
            socket.destroy();
        }
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    /** Conversations whose Direct Line stream is open on instance `index` right now. */
    public heldBy(index: number): string[] {
        return [...this.open].filter((s) => s.index === index).map((s) => s.conversation);
    }

    /** The next instance still thought alive, or -1 when none is. */
    private pick(): number {
        for (let tried = 0; tried < this.backends.length; tried++) {
            const index = this.next++ % this.backends.length;
            if (this.backends[index].alive) {
                return index;
            }
        }
        return -1;
    }

    private async forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const chunks: Buffer[] = [];
        for await (const chunk of req) {
            chunks.push(chunk as Buffer);
        }
        const body = Buffer.concat(chunks);
        for (;;) {
            const index = this.pick();
            if (index < 0) {
                res.statusCode = 502;
                res.end();
                return;
            }
            const outcome = await this.send(index, req, body, res);
            if (outcome !== 'refused') {
                return;
            }
            this.backends[index].alive = false;
        }
    }

    /** Sends the buffered request to one instance and pipes its answer back. */
    private send(index: number, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<'done' | 'refused'> {
        return new Promise((resolve) => {
            const upstream = http.request({ host: '127.0.0.1', port: this.backends[index].port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
                this.served[index]++;
                res.writeHead(answer.statusCode ?? 502, answer.headers);
                answer.pipe(res);
                answer.once('error', () => res.destroy());
                answer.once('end', () => resolve('done'));
                answer.once('close', () => {
                    // Cut off after the headers (the instance died mid-answer): the client's connection is closed too, as nginx does.
                    if (!answer.complete) {
                        res.destroy();
                    }
                    resolve('done');
                });
            });
            upstream.once('error', (err: NodeJS.ErrnoException) => {
                if (err.code === 'ECONNREFUSED') {
                    resolve('refused');
                    return;
                }
                // A read (GET, HEAD) cut off before any answer is tried on the next instance, as nginx's
                // `proxy_next_upstream error` does; a 502 would stop a polling Direct Line client for good.
                if (!res.headersSent && !res.destroyed && (req.method === 'GET' || req.method === 'HEAD')) {
                    resolve('refused');
                    return;
                }
                // Cut off mid-way (the instance died, or the client left): 502 if nothing was answered yet.
                if (!res.headersSent && !res.destroyed) {
                    res.statusCode = 502;
                    res.end();
                } else {
                    res.destroy();
                }
                resolve('done');
            });
            res.once('close', () => upstream.destroy());
            upstream.end(body);
        });
    }

    private upgrade(req: http.IncomingMessage, socket: net.Socket, head: Buffer, attempt = 0): void {
        const index = this.pick();
        if (index < 0 || attempt >= this.backends.length) {
            socket.destroy();
            return;
        }
        const upstream = net.connect(this.backends[index].port, '127.0.0.1');
        let connected = false;
        upstream.once('connect', () => {
            connected = true;
            this.served[index]++;
            const conversation = /\/conversations\/([^/]+)\/stream/.exec(req.url ?? '')?.[1];
            if (conversation) {
                const stream = { conversation: decodeURIComponent(conversation), index };
                this.streams.set(stream.conversation, index);
                this.open.add(stream);
                socket.once('close', () => this.open.delete(stream));
            }
            const lines = [`${req.method} ${req.url} HTTP/1.1`];
            for (let i = 0; i < req.rawHeaders.length; i += 2) {
                lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
            }
            upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
            upstream.write(head);
            upstream.pipe(socket);
            socket.pipe(upstream);
        });
        upstream.once('error', (err: NodeJS.ErrnoException) => {
            if (!connected && err.code === 'ECONNREFUSED') {
                this.backends[index].alive = false;
                this.upgrade(req, socket, head, attempt + 1);
                return;
            }
            socket.destroy();
        });
        upstream.once('close', () => socket.destroy());
        socket.once('error', () => upstream.destroy());
        socket.once('close', () => upstream.destroy());
    }
}
