// After the run: the run's own databases and folders go (Playwright may stop the servers too hard to clean up).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { e2eTempPrefix } from '../../scripts/e2e-paths.mjs';

export default async function teardown(): Promise<void> {
  const runId = process.env.E2E_RUN_ID;
  if (!runId) return;
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
  // PGlite's folders, and every server's MAIL_DEV_DIR
  const prefix = e2eTempPrefix(runId);
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (name.startsWith(prefix)) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}
