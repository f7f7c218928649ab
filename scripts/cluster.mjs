// The primary of the production server (scripts/server.mjs) on PostgreSQL: it owns the port and hands connections
// to its workers (node:cluster, round robin), forks one worker per slot, replaces a worker that dies, stops them
// gracefully on SIGTERM/SIGINT, and restarts them one at a time on SIGHUP or SIGUSR2 (a new build, a new
// configuration) without the port ever ceasing to answer.
// What several workers share is safe to share: migrations take an advisory lock (db/client.ts), the demo seed
// another (lib/demo/seed.ts), the outbox dispatcher claims rows with FOR UPDATE SKIP LOCKED and fences its writes
// (lib/email/dispatcher.ts), and the housekeeping loops only delete what has expired, which any number may do.
import cluster from 'node:cluster';
import os from 'node:os';
import { positiveInt } from './request-gate.mjs';

/** WEB_CONCURRENCY workers, by default one per core the process may use. */
export function webConcurrency(env) {
  return positiveInt(env, 'WEB_CONCURRENCY', os.availableParallelism());
}

/** A worker that dies this soon after starting is crashing in a loop: wait longer before each new try. */
const HEALTHY_AFTER_MS = 30_000;
const BACKOFF_MS = { first: 1_000, max: 30_000 };

export async function runPrimary({ workers, port, stopDeadlineMs }) {
  console.log(`[server] Portail Famille on http://localhost:${port}: ${workers} workers (primary pid ${process.pid})`);
  /** slot (1…workers) → its current worker; a slot keeps its number across restarts (X-Portail-Worker). */
  const slots = new Map();
  /** workers we asked to stop: their exit is not a crash */
  const retiring = new WeakSet();
  const backoff = new Map(); // slot → next delay
  let stopping = false;
  let starting = true;
  let restartQueue = Promise.resolve();

  /** Forks the slot's worker; resolves once it listens, rejects if it dies first. */
  const fork = (slot) =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork({ PORTAIL_WORKER: String(slot) });
      const bornAt = Date.now();
      worker.once('listening', () => {
        console.log(`[server] worker ${slot} started (pid ${worker.process.pid})`);
        resolve(worker);
      });
      worker.once('exit', (code, signal) => {
        reject(new Error(`worker ${slot} exited before listening (${signal ?? `code ${code}`})`));
        if (slots.get(slot) === worker) slots.delete(slot);
        if (stopping || retiring.has(worker)) return;
        // a crash: the slot gets a new worker, later and later if it keeps crashing at once
        const lived = Date.now() - bornAt;
        const delay = lived > HEALTHY_AFTER_MS ? BACKOFF_MS.first : (backoff.get(slot) ?? BACKOFF_MS.first);
        backoff.set(slot, Math.min(delay * 2, BACKOFF_MS.max));
        console.error(
          `[server] worker ${slot} (pid ${worker.process.pid}) died (${signal ?? `code ${code}`}); a new one in ${delay} ms`,
        );
        setTimeout(() => {
          if (!stopping && !slots.has(slot)) void replace(slot);
        }, delay);
      });
      slots.set(slot, worker);
    });

  const replace = (slot) => fork(slot).catch((error) => console.error(`[server] ${error.message}`)); // the exit handler tries again

  const retire = (worker) => {
    retiring.add(worker);
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    if (worker.isConnected()) worker.send('portail:stop');
    else worker.process.kill('SIGTERM');
    // the worker gives itself the same deadline; this one is for a worker that hangs
    const killer = setTimeout(() => worker.process.kill('SIGKILL'), stopDeadlineMs + 2_000);
    return exited.finally(() => clearTimeout(killer));
  };

  // A rolling restart: slot by slot, the new worker first; the old one stops once the new one listens, so the port
  // always has as many workers answering as it had.
  const rollingRestart = async () => {
    console.log('[server] rolling restart: one worker at a time');
    for (const slot of [...slots.keys()].sort((a, b) => a - b)) {
      if (stopping) return;
      const old = slots.get(slot);
      try {
        const fresh = await fork(slot);
        if (old) await retire(old);
        slots.set(slot, fresh);
      } catch (error) {
        // the new build or configuration does not start: keep the old workers serving and say so
        console.error(`[server] rolling restart stopped: ${error.message}; the previous workers keep serving`);
        if (old && !slots.has(slot)) slots.set(slot, old);
        return;
      }
    }
    console.log('[server] rolling restart done');
  };

  const stopAll = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`[server] ${signal}: stopping ${slots.size} workers (requests in flight finish)`);
    await Promise.all([...slots.values()].map(retire));
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stopAll(signal));
  for (const signal of ['SIGHUP', 'SIGUSR2']) {
    process.on(signal, () => {
      if (!starting) restartQueue = restartQueue.then(rollingRestart);
    });
  }

  try {
    await Promise.all(Array.from({ length: workers }, (_, i) => fork(i + 1)));
  } catch (error) {
    if (stopping) return; // a SIGTERM during the start: stopAll exits
    // at start, a worker that cannot start (a bad configuration, no database) is not retried forever: stop, as a
    // single server would, and let the service manager say so
    console.error(`[server] ${error.message}: stopping`);
    stopping = true;
    await Promise.all([...slots.values()].map(retire));
    process.exit(1);
  }
  starting = false;
}
