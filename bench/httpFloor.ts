/**
 * The bare HTTP floor of `npm run bench`: Node's own http server answering
 * every POST with one canned reply in the shape of an `expectReplies`
 * response, after reading the body. Nothing is cheaper over the same sockets,
 * so it shows how much of a figure is the load generator and the loopback.
 */
import * as http from 'http';

const reply = JSON.stringify({ activities: [{ type: 'message', text: 'Echo' }] });

http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
        if (req.method === 'GET') {
            res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
            return;
        }
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' }).end(reply);
    });
}).listen(Number(process.env.PORT ?? 3980), process.env.HOST ?? '127.0.0.1');
