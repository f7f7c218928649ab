// A fresh database of its own for each test file: a new PostgreSQL database when TEST_DATABASE_URL or
// DATABASE_URL is set (dropped after), else an in-memory PGlite. Never a leftover of another run.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';

export interface TestDatabase extends Database {
  engine: 'postgres' | 'pglite';
  url?: string;
}

export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export async function createTestDatabase(options: Parameters<typeof openDatabase>[1] = {}): Promise<TestDatabase> {
  const base = serverUrl();
  if (!base) {
    const database = await openDatabase({ pglite: 'memory://' }, options);
    return { ...database, engine: 'pglite' };
  }
  const name = `portail_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() }, options);
  return {
    ...database,
    engine: 'postgres',
    url: url.toString(),
    async close() {
      await database.close();
      const dropper = postgres(base, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
