// Vitest's global setup: the demo town seeded once per run, which each test file's createDemoDatabase() copies
// (tests/support/db.ts): on PostgreSQL a template database, on PGlite a dump of its data folder. Both go at the end.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';
import { seedIfEmpty } from '@/lib/demo/seed';
import { serverUrl } from './db';

export type DemoTemplate = { kind: 'pglite'; dump: string } | { kind: 'postgres'; database: string };

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplate: DemoTemplate;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = serverUrl();
  if (!base) {
    const database = await openDatabase({ pglite: 'memory://' });
    await seedIfEmpty(database.db, () => {});
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    await database.close();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'portail-demo-'));
    const file = path.join(dir, 'demo.tar');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('demoTemplate', { kind: 'pglite', dump: file });
    return () => rm(dir, { recursive: true, force: true });
  }
  const name = `portail_demo_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() }, { max: 1 });
  await seedIfEmpty(database.db, () => {});
  await database.close();
  project.provide('demoTemplate', { kind: 'postgres', database: name });
  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
