// The database: postgres.js when DATABASE_URL is set, otherwise the embedded PGlite (persisted under .data/).
// One instance per process, cached on globalThis; migrations are applied when it opens.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type Logger, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { MIGRATION_LOCK } from './locks';
import * as schema from './schema';

export type Schema = typeof schema;
/** Both drivers expose the same query builder; we type them as one. */
export type Db = PostgresJsDatabase<Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database or a transaction: every query function takes one, so it runs inside a transaction unchanged. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/**
 * PostgreSQL connections per process (DATABASE_POOL_SIZE, default 10). On 2 cores `npm run bench:rush` (2 workers, the
 * waiting room at 20) did not tell 10 from 5 apart: 324 and 360 démarches a minute at 500 parents, but 375 and 355 at
 * 2,500, within the runs' spread. A smaller pool is the knob for a database shared with other work.
 */
export function poolSize(source: NodeJS.ProcessEnv = process.env): number {
  const n = Number(source.DATABASE_POOL_SIZE);
  return Number.isInteger(n) && n >= 1 ? n : 10;
}

/**
 * Whether the app's statements are prepared on their connection (DATABASE_PREPARED_STATEMENTS, default on; `0` for a
 * pooler in transaction mode that cannot keep them, such as PgBouncer before 1.21).
 */
export function preparedStatements(source: NodeJS.ProcessEnv = process.env): boolean {
  return source.DATABASE_PREPARED_STATEMENTS !== '0';
}

type Unsafe = (query: string, args?: unknown[], options?: Record<string, unknown>) => unknown;
type Scoped = (...args: unknown[]) => unknown;
interface PreparableSql {
  unsafe: Unsafe;
  begin?: Scoped;
  savepoint?: Scoped;
}

/**
 * Drizzle sends every statement unprepared (postgres.js' `unsafe(…, { prepare: false })`): postgres.js then asks
 * PostgreSQL for the parameters' types before it binds them, two round trips per statement, and PostgreSQL parses
 * and plans the text each time. Prepared by default instead, as postgres.js prepares its own tagged statements:
 * after its first use on a connection, a statement is bound and run in one round trip, its plan kept by PostgreSQL
 * (a generic plan after five runs, only where it costs no more than the custom ones, PostgreSQL's `auto` mode). The
 * transactions and savepoints Drizzle opens get their own `unsafe`, so they are wrapped as they open. A connection
 * keeps the statements it has prepared until postgres.js replaces it (`max_lifetime`, 30 to 60 minutes).
 */
function prepareByDefault<T>(sql: T): T {
  const target = sql as unknown as PreparableSql;
  const unsafe = target.unsafe;
  target.unsafe = (query, args = [], options = {}) => unsafe(query, args, { ...options, prepare: true });
  for (const key of ['begin', 'savepoint'] as const) {
    const open = target[key];
    if (!open) continue;
    // (options?, fn): the scope's own `sql` is handed to fn
    target[key] = (...args: unknown[]) => {
      const fn = args.at(-1);
      // a tagged savepoint (sql.savepoint`…`) is not a scope: left as it is
      if (typeof fn !== 'function') return open(...args);
      args.pop();
      return open(...args, (scoped: unknown) => (fn as (s: unknown) => unknown)(prepareByDefault(scoped)));
    };
  }
  return sql;
}

/**
 * Opens a database and applies the migrations. `target`: a postgres URL, a PGlite folder, or 'memory://' (with
 * `loadDataDir`, a PGlite started from that dump: the tests' demo database, tests/support/db.ts).
 */
export async function openDatabase(
  target: { url: string } | { pglite: string; loadDataDir?: Blob },
  options: { logger?: Logger; max?: number } = {},
): Promise<Database> {
  if ('url' in target) {
    const client = postgres(target.url, { max: options.max ?? poolSize(), onnotice: () => {} });
    if (preparedStatements()) prepareByDefault(client);
    const db = drizzlePostgres(client, { schema, logger: options.logger });
    // Several app instances may start together: one migrates at a time (a session lock on its own connection).
    const lock = postgres(target.url, { max: 1, onnotice: () => {} });
    try {
      await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
      await lock.end({ timeout: 5 });
    }
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const client = await PGlite.create({
    dataDir: target.pglite === 'memory://' ? undefined : target.pglite,
    loadDataDir: target.loadDataDir,
  });
  const db = drizzlePglite(client, { schema, logger: options.logger });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/** Where the app's data lives when no DATABASE_URL is set. */
export function defaultTarget(): { url: string } | { pglite: string } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  return { pglite: process.env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite') };
}

const globalForDb = globalThis as unknown as { __portailDb?: Promise<Database> };

/** The process-wide database (opened and migrated once). */
export function getDatabase(): Promise<Database> {
  globalForDb.__portailDb ??= openDatabase(defaultTarget()).catch((error: unknown) => {
    globalForDb.__portailDb = undefined;
    throw error;
  });
  return globalForDb.__portailDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Runs raw SQL and returns its rows on both drivers (PGlite answers { rows }, postgres.js an array). */
export async function rows<T = Record<string, unknown>>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export { sql };
