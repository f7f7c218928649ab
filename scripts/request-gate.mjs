// The door of a web worker (scripts/server.mjs): at most `maxInFlight` requests are handed to Next.js at once, the
// next ones wait in a short first-come-first-served queue, and work for a client that has gone is not started.
// Next.js renders a page in 30–200 ms of CPU: hundreds of requests at once only make every one of them late, and
// under a rush clients give up (a browser's or a balancer's timeout) while their pages were still being rendered.
// This protects the worker; the waiting room upstream should keep a parent from ever meeting the 503.

/** The small page a parent sees when the worker's queue is full or too slow: no app, no database, French. */
const BUSY_PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portail Famille très sollicité</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Le portail est très sollicité</h1>
<p>Beaucoup de familles se connectent en même temps. Votre demande n'a pas été traitée&nbsp;: rien n'a été enregistré.</p>
<p>Réessayez dans quelques secondes&nbsp;: <a href="">recharger la page</a>.</p>
</body>
</html>
`;

/** Reads a positive integer from the environment, or the default; a typo stops the start rather than being ignored. */
export function positiveInt(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`Configuration invalide : ${name} doit être un entier positif (reçu « ${raw} »).`);
  }
  return value;
}

/** The gate's limits from WEB_MAX_IN_FLIGHT, WEB_QUEUE_TIMEOUT_MS and WEB_MAX_QUEUE. */
export function gateOptionsFromEnv(env = process.env) {
  const maxInFlight = positiveInt(env, 'WEB_MAX_IN_FLIGHT', 64);
  return {
    maxInFlight,
    queueTimeoutMs: positiveInt(env, 'WEB_QUEUE_TIMEOUT_MS', 10_000),
    maxQueue: positiveInt(env, 'WEB_MAX_QUEUE', maxInFlight * 4),
  };
}

/** A client that closed its connection (or whose response was torn down) will never read an answer. */
export function clientGone(req, res) {
  return req.destroyed || res.destroyed || res.writableEnded || req.socket.destroyed;
}

/** Answers 503 with Retry-After and the busy page. */
function refuse(res, retryAfterSeconds) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(503, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Retry-After': String(retryAfterSeconds),
    // the connection goes: a client that lost patience reconnects, possibly to a less busy worker
    Connection: 'close',
  });
  res.end(BUSY_PAGE);
}

/**
 * Returns `gate(req, res, run)`: calls `run()` (which returns a promise settled when the request's work is done)
 * now, later, or never. A slot is held until `run`'s promise settles, not until the client leaves: Next.js goes on
 * rendering for a client that left (see README), and that work still takes the CPU. `stats()` is for tests and logs.
 */
export function createRequestGate({ maxInFlight, queueTimeoutMs, maxQueue }) {
  let inFlight = 0;
  /** @type {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, run: () => Promise<unknown>, timer: NodeJS.Timeout, onClose: () => void }[]} */
  const queue = [];
  const counts = { started: 0, dropped: 0, refused: 0 };
  const retryAfter = Math.max(1, Math.ceil(queueTimeoutMs / 1000));

  const start = (req, res, run) => {
    inFlight += 1;
    counts.started += 1;
    let work;
    try {
      work = Promise.resolve(run());
    } catch (error) {
      work = Promise.reject(error);
    }
    work
      .catch((error) => console.error('[server] a request failed outside Next.js', { url: req.url, error }))
      .finally(() => {
        inFlight -= 1;
        next();
      });
  };

  const leave = (entry) => {
    clearTimeout(entry.timer);
    entry.res.off('close', entry.onClose);
    const index = queue.indexOf(entry);
    if (index !== -1) queue.splice(index, 1);
  };

  // the oldest waiting request whose client is still there takes the free slot
  const next = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const entry = queue[0];
      leave(entry);
      if (clientGone(entry.req, entry.res)) {
        counts.dropped += 1;
        continue;
      }
      start(entry.req, entry.res, entry.run);
    }
  };

  const gate = (req, res, run) => {
    if (clientGone(req, res)) {
      counts.dropped += 1;
      return;
    }
    if (inFlight < maxInFlight && queue.length === 0) {
      start(req, res, run);
      return;
    }
    if (queue.length >= maxQueue) {
      counts.refused += 1;
      refuse(res, retryAfter);
      return;
    }
    const entry = { req, res, run, timer: undefined, onClose: undefined };
    entry.timer = setTimeout(() => {
      leave(entry);
      counts.refused += 1;
      refuse(res, retryAfter);
    }, queueTimeoutMs);
    // a client that disconnects while queued is forgotten at once: its place goes to the next one
    entry.onClose = () => {
      leave(entry);
      counts.dropped += 1;
    };
    res.once('close', entry.onClose);
    queue.push(entry);
  };

  gate.stats = () => ({ inFlight, queued: queue.length, ...counts });
  return gate;
}
