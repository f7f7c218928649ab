// A fresh database of its own for each test file: a new PostgreSQL database when TEST_DATABASE_URL or
// DATABASE_URL is set (dropped after), else an in-memory PGlite. Never a leftover of another run.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Database } from '@/db/client';
import { unlabelledAuditFields } from './audit-labels';
import { presentMonthsDrift } from './present-months';

export interface TestDatabase extends Database {
  engine: 'postgres' | 'pglite';
  url?: string;
}

export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

type Options = Parameters<typeof openDatabase>[1];

export async function createTestDatabase(options: Options = {}): Promise<TestDatabase> {
  const base = serverUrl();
  if (!base) {
    const database = await openDatabase({ pglite: 'memory://' }, options);
    return checkedOnClose({ ...database, engine: 'pglite' });
  }
  return checkedOnClose(await postgresDatabase(base, '', options));
}

/**
 * Closing a test's database first reads every audit row the test wrote as the Journal shows it: a field or a code
 * with no French label (lib/audit/describe.ts) fails the test file, rather than an agent reading raw JSON; then the
 * CAF report's monthly counts against the marks (tests/support/present-months.ts).
 */
function checkedOnClose(database: TestDatabase): TestDatabase {
  return {
    ...database,
    async close() {
      const unlabelled = await unlabelledAuditFields(database.db);
      const drift = await presentMonthsDrift(database.db);
      await database.close();
      if (unlabelled.length > 0)
        throw new Error(`The Journal cannot say these in French (lib/audit/describe.ts): ${unlabelled.join(', ')}`);
      if (drift.length > 0)
        throw new Error(`attendance_present_months disagrees with attendance_marks: ${drift.slice(0, 10).join('; ')}`);
    },
  };
}

/** A new database on the PostgreSQL server (a copy of `template` if given), dropped when closed. */
async function postgresDatabase(base: string, template: string, options: Options): Promise<TestDatabase> {
  const name = `portail_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ''}`);
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

/**
 * A fresh database of its own holding the demo town, as createTestDatabase() then seedIfEmpty() would give it, but
 * copied from the one the run seeded once (tests/support/demo-template.ts): a PostgreSQL database created from that
 * template, or a PGlite started from that dump. Seeding costs seconds per file (more on PGlite); a copy, a fraction.
 */
export async function createDemoDatabase(options: Options = {}): Promise<TestDatabase> {
  const template = inject('demoTemplate');
  const base = serverUrl();
  if (!base) {
    if (template.kind !== 'pglite')
      throw new Error('the demo template was made for PostgreSQL, the test runs on PGlite');
    const dump = new Blob([await readFile(template.dump)]);
    const database = await openDatabase({ pglite: 'memory://', loadDataDir: dump }, options);
    return checkedOnClose({ ...database, engine: 'pglite' });
  }
  if (template.kind !== 'postgres')
    throw new Error('the demo template was made for PGlite, the test runs on PostgreSQL');
  return checkedOnClose(await postgresDatabase(base, template.database, options));
}
