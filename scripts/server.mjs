// The portal's HTTP server: Next.js (the production build, or the development server with --dev) behind a plain
// Node server of ours, for two reasons:
// - it writes the connection's peer address into x-portail-peer, replacing anything a client sent under that name.
//   Next.js alone only fills X-Forwarded-For when the client sent none, so a client could choose the address the
//   sign-in limits count (lib/auth/client-address.ts);
// - it is a door (scripts/request-gate.mjs): a cap on requests in flight, a short queue, and no work started for a
//   client that has gone.
// On PostgreSQL the production server is a node:cluster: a primary that owns the port and WEB_CONCURRENCY workers
// (one per core by default), each a whole Next.js server; see scripts/cluster.mjs. Everything a worker shares with
// the others is in the database (sessions, drafts, the outbox, the waiting room), so any worker serves any request.
import cluster from 'node:cluster';
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import compression from 'compression';
import { runPrimary, webConcurrency } from './cluster.mjs';
import { createRequestGate, gateOptionsFromEnv } from './request-gate.mjs';

const PEER_HEADER = 'x-portail-peer'; // lib/auth/client-address.ts
// When a server action redirects, Next.js renders the next page by fetching it from this very server over HTTP, with
// the action request's headers (action-handler.js, createRedirectRenderResult). That fetch must not queue behind the
// door or the waiting room: the action it serves already holds a place in both, and at the door's limit the two
// would wait on each other. Every request we hand to Next carries this header with a value only our workers know
// (derived from AUTH_SECRET, so that any worker of the cluster recognises another's), and a request that arrives
// with it is that inner fetch. A client cannot forge it without the secret.
const INTERNAL_HEADER = 'x-portail-internal';
const internalToken = process.env.AUTH_SECRET
  ? createHmac('sha256', process.env.AUTH_SECRET).update('portail:internal-forward').digest('base64url')
  : randomBytes(32).toString('base64url'); // development: one process, no secret needed across workers
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || 'localhost';
/** How long a stopping worker lets its requests in flight finish. */
const STOP_DEADLINE_MS = 10_000;
/** How long a worker waits for instrumentation.ts to start (migrations, the demo seed) before listening anyway. */
const START_WAIT_MS = 120_000;

// The embedded PGlite is one process's database: with it (and in development) the server stays one process.
// Serving PGlite to several workers over @electric-sql/pglite-socket is possible, but a single socket runs every
// query of every worker one after the other and adds a hop to each: the workers would wait on it instead of on
// the CPU they were meant to use. A town that needs more than one core runs PostgreSQL.
// On PostgreSQL even one worker (WEB_CONCURRENCY=1) runs under the primary: it is replaced if it dies, and restarted
// without a gap on SIGHUP.
const clustered = !dev && Boolean(process.env.DATABASE_URL);

if (cluster.isPrimary && clustered) {
  await runPrimary({ workers: webConcurrency(process.env), port, stopDeadlineMs: STOP_DEADLINE_MS });
} else {
  // Next.js installs handlers that log an uncaught error and carry on: a worker that failed to start would hang
  await runWorker().catch((error) => {
    console.error('[server] the web server could not start', error);
    process.exit(1);
  });
}

/**
 * In production Next.js runs instrumentation.ts (lib/start-server.ts) in the background of app.prepare(), without
 * waiting for it: wait for the promise it leaves on globalThis, so the worker listens once it can serve.
 */
async function startedOrTimeout() {
  const until = Date.now() + START_WAIT_MS;
  while (!globalThis.__portailStarted) {
    if (Date.now() > until) {
      console.warn('[server] instrumentation.ts did not start: listening anyway');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await globalThis.__portailStarted;
}

/**
 * Compression, ours rather than Next.js' (`compress: false` in next.config.ts). React streams a page in many small
 * chunks, and Next.js calls `res.flush()` after each: with its own middleware every chunk went through zlib and out
 * to the socket on its own, a fifth of a worker's CPU under bench:rush. Here the chunks written in one turn of the
 * event loop leave as one: concatenated, compressed and flushed once (and written once to the socket when not
 * compressed, as for Next's inner fetch). A page rendered in one go leaves in one piece; a streamed Suspense boundary
 * still leaves as soon as it is rendered. Backpressure holds: after a real write refused, a write answers false until
 * the 'drain' that Next.js then waits for.
 * Brotli where the client takes it, else gzip (`compression`'s default level). Quality 3 rather than `compression`'s
 * 4: on the portal's pages and scripts it spends about half the CPU for answers 1–2 % larger (4 switches to a
 * slower match finder), and on rush day the CPU is what runs out, not the network.
 */
function compressWithCoalescedWrites() {
  const compress = compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3 } } });
  return (req, res, next) =>
    compress(req, res, () => {
      const write = res.write;
      const end = res.end;
      const flush = res.flush;
      /** @type {Uint8Array[]} */
      let pending = [];
      let scheduled = false;
      let lastWriteOk = true;
      let ended = false; // compression's end finishes the response only once zlib is done
      const take = () => {
        const chunk = pending.length === 1 ? pending[0] : Buffer.concat(pending);
        pending = [];
        return chunk;
      };
      const send = () => {
        scheduled = false;
        if (ended) return;
        if (pending.length > 0 && !write.call(res, take())) lastWriteOk = false;
        flush.call(res);
      };
      // (compression hands a 'drain' listener to its zlib stream, else to the response)
      res.on('drain', () => {
        lastWriteOk = true;
      });
      const toBytes = (chunk, encoding) =>
        typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;
      res.write = (chunk, encoding) => {
        if (ended) return false;
        if (chunk && chunk.length > 0) pending.push(toBytes(chunk, encoding));
        if (!scheduled) {
          scheduled = true;
          setImmediate(send);
        }
        return lastWriteOk;
      };
      res.end = (chunk, encoding, callback) => {
        if (typeof chunk === 'function') return res.end(undefined, undefined, chunk);
        if (typeof encoding === 'function') return res.end(chunk, undefined, encoding);
        if (ended) return res;
        ended = true;
        if (chunk && chunk.length > 0) pending.push(toBytes(chunk, encoding));
        return pending.length > 0
          ? end.call(res, take(), undefined, callback)
          : end.call(res, undefined, undefined, callback);
      };
      // Next.js flushes after every chunk: the flush happens with the turn's one write instead
      res.flush = () => {};
      next();
    });
}

async function runWorker() {
  const gate = createRequestGate(gateOptionsFromEnv(process.env));
  // 1, 2 … in a cluster (stable across restarts of the same slot): which worker answered, for tests and logs
  const workerIndex = cluster.isWorker ? process.env.PORTAIL_WORKER : undefined;

  // imported here, not at the top: the primary of a cluster never loads Next.js
  const { default: next } = await import('next');
  const app = next({ dev, hostname, port });
  const nextHandler = app.getRequestHandler();
  const compress = compressWithCoalescedWrites();
  const handle = (req, res) => compress(req, res, () => nextHandler(req, res));
  await app.prepare();
  if (!dev) await startedOrTimeout();

  const server = http.createServer(async (req, res) => {
    const innerFetch = req.headers[INTERNAL_HEADER] === internalToken;
    req.headers[INTERNAL_HEADER] = internalToken;
    if (workerIndex) res.setHeader('X-Portail-Worker', workerIndex);
    if (innerFetch) {
      // keeps the peer address of the parent's request, which Next forwarded with the other headers. Not compressed:
      // Next reads this answer itself (and would only inflate it again) before sending it on, compressed then.
      delete req.headers['accept-encoding'];
      void handle(req, res);
      return;
    }
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
    // the waiting room (lib/waiting-room, set up at start by lib/start-server.ts) answers alone, before the door: its
    // page renders nothing, and only admitted parents go on to the door and Next
    const waitingRoom = globalThis.__portailWaitingRoom;
    if (waitingRoom && (await waitingRoom.handle(req, res))) return;
    gate(req, res, () => handle(req, res));
  });
  // as `next start`: idle connections of a load balancer are not cut before it does
  server.keepAliveTimeout = 65_000;
  // in a cluster the primary logs each worker's start, with its pid
  server.listen(port, () => {
    if (!workerIndex) console.log(`[server] Portail Famille on http://localhost:${port}${dev ? ' (development)' : ''}`);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // requests in flight finish; idle keep-alive connections are closed at once rather than waited for, and a
    // connection that becomes idle after its last answer is closed then (closeIdleConnections only sees those idle now)
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 250);
    sweep.unref();
    setTimeout(() => process.exit(0), STOP_DEADLINE_MS).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
  // the primary asks a worker to stop by message: a signal sent to the whole process group (Ctrl-C) reaches it anyway
  if (cluster.isWorker) process.on('message', (message) => message === 'portail:stop' && stop());
  else
    process.on('SIGHUP', () =>
      console.warn('[server] SIGHUP ignored: a rolling restart needs several workers (PostgreSQL, see README)'),
    );
}
