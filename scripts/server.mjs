// The portal's HTTP server: Next.js (the production build, or the development server with --dev) behind a plain
// Node server of ours, for one reason: it writes the connection's peer address into x-portail-peer, replacing
// anything a client sent under that name. Next.js alone only fills X-Forwarded-For when the client sent none, so
// a client could choose the address the sign-in limits count (lib/auth/client-address.ts).
import http from 'node:http';
import next from 'next';

const PEER_HEADER = 'x-portail-peer'; // lib/auth/client-address.ts
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || 'localhost';

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
  void handle(req, res);
});
// as `next start`: idle connections of a load balancer are not cut before it does
server.keepAliveTimeout = 65_000;
server.listen(port, () =>
  console.log(`[server] Portail Famille on http://localhost:${port}${dev ? ' (development)' : ''}`),
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // requests in flight finish; idle keep-alive connections are closed at once rather than waited for
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
