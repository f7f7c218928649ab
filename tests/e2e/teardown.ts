// After the run: the servers stop, then the run's own databases and folders go (Playwright may stop the servers too
// hard to clean up).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { e2eTempPrefix } from '../../scripts/e2e-paths.mjs';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Playwright runs the global teardown before it stops the web servers: a server still running would see its database
 * dropped under it (its e-mail dispatcher logs the missing database). Each server (scripts/e2e-server.mjs) wrote its
 * process id; SIGTERM makes it stop its portal, which finishes its work, and drop its own database, as at a Ctrl-C.
 */
async function stopServers(prefix: string): Promise<void> {
  const pids = fs
    .readdirSync(os.tmpdir())
    .filter((name) => name.startsWith(prefix) && name.endsWith('.pid'))
    .map((name) => Number(fs.readFileSync(path.join(os.tmpdir(), name), 'utf8')))
    .filter((pid) => Number.isInteger(pid) && pid > 0 && alive(pid));
  for (const pid of pids) process.kill(pid, 'SIGTERM');
  // e2e-server.mjs gives its portal 10 s, then drops the database
  const deadline = Date.now() + 20_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

export default async function teardown(): Promise<void> {
  const runId = process.env.E2E_RUN_ID;
  if (!runId) return;
  const prefix = e2eTempPrefix(runId);
  await stopServers(prefix);
  if (process.env.DATABASE_URL) {
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      const found = await admin<
        { datname: string }[]
      >`select datname from pg_database where datname like ${`portail_e2e_${runId}_%`}`;
      for (const { datname } of found) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    } finally {
      await admin.end();
    }
  }
  // PGlite's folders, every server's MAIL_DEV_DIR and process id
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (name.startsWith(prefix)) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}
