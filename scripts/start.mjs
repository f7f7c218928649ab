// `npm start`: builds the app when no build exists, gives the local demo a persistent AUTH_SECRET, then serves the
// production build through scripts/server.mjs (Next.js behind our own Node server, see there why).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('[start] no build yet: running next build (about a minute, once)');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const env = { ...process.env, NODE_ENV: 'production' };
if (!env.AUTH_SECRET) {
  if (env.DATABASE_URL) {
    console.error(
      '[start] Configuration invalide : AUTH_SECRET est obligatoire avec DATABASE_URL (32 caractères au moins). Voir .env.example.',
    );
    process.exit(1);
  }
  // Local demo on the embedded database: one secret, kept beside the data so sessions survive a restart.
  const file = path.join(root, '.data', 'auth-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}

const portFlag = process.argv.indexOf('-p');
if (portFlag !== -1 && process.argv[portFlag + 1]) env.PORT = process.argv[portFlag + 1];
const child = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], { stdio: 'inherit', env });
// SIGHUP or SIGUSR2: a rolling restart of the workers (scripts/cluster.mjs)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGUSR2']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
