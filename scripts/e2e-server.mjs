// The server of the end-to-end tests: the production build on a fresh database of its own
// (a new PostgreSQL database when DATABASE_URL is set, else a fresh PGlite folder), with a fixed clock, and a
// MAIL_DEV_DIR of its own where the journeys read the live links of account e-mails (the mailbox masks them).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { e2eMailDir, e2ePidFile } from './e2e-paths.mjs';

const runId = process.env.E2E_RUN_ID ?? String(Date.now());
const port = process.env.E2E_PORT ?? '3100';
const env = { ...process.env, NODE_ENV: 'production', PORT: port };
let cleanup = async () => {};

if (process.env.DATABASE_URL) {
  const name = `portail_e2e_${runId}_${port}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const dropper = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await dropper.end();
  };
} else {
  const dir = path.join(os.tmpdir(), `portail-e2e-${runId}-${port}`);
  fs.rmSync(dir, { recursive: true, force: true });
  env.PGLITE_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

const mailDir = e2eMailDir(runId, port);
fs.rmSync(mailDir, { recursive: true, force: true });
env.MAIL_DEV_DIR = mailDir;
const cleanupDatabase = cleanup;
cleanup = async () => {
  await cleanupDatabase();
  fs.rmSync(mailDir, { recursive: true, force: true });
};
// the teardown, which runs before Playwright stops the servers, asks this process to stop (and waits) first
fs.writeFileSync(e2ePidFile(runId, port), String(process.pid));

// E2E_NODE_ARGS: flags for the web server's Node only, e.g. npm run bench:pages's --cpu-prof (not allowed in NODE_OPTIONS)
const nodeArgs = (process.env.E2E_NODE_ARGS ?? '').split(' ').filter(Boolean);
const child = spawn(process.execPath, [...nodeArgs, path.join(process.cwd(), 'scripts', 'server.mjs')], {
  stdio: 'inherit',
  env,
});
let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  // the server's database goes only once the server has stopped: its background loop would log the missing database
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  await cleanup();
  process.exit(code);
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
child.on('exit', (code) => stop(code ?? 0));
