// The life of a benchmark's database on the PostgreSQL server: created fresh, handed to the bench, and dropped
// at the end whatever happens (a failure, Ctrl-C), with what the bench opened on it closed first. Sets the exit
// code from the bench's failures.
import postgres from 'postgres';

export const SERVER_URL =
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  name: string;
  url: string;
  /** the server's version, e.g. 15.19 */
  version: string;
  /** closed before the database is dropped, the last registered first */
  closeLater(close: () => Promise<unknown>): void;
}

export async function withBenchDatabase(
  p: { tag: string; prefix: string; failures: string[] },
  run: (bench: BenchDatabase) => Promise<void>,
): Promise<void> {
  const name = `${p.prefix}_${Date.now()}_${process.pid}`; // two benches at once never share one
  const server = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  const closers: (() => Promise<unknown>)[] = [];
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    for (const close of closers.reverse()) await close().catch(() => {});
    await server.unsafe(`drop database if exists ${name} with (force)`);
    await server.end({ timeout: 5 });
    console.log(`\n[${p.tag}] database ${name} dropped`);
  };
  // Ctrl-C reaches this process twice (from the terminal and relayed by tsx): keep listening, drop once.
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n[${p.tag}] ${signal}: dropping ${name}`);
    void drop()
      .catch((error: unknown) => console.error(`[${p.tag}] could not drop ${name}:`, error))
      .finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const [{ version }] = (await server`select current_setting('server_version') as version`) as unknown as [
      { version: string },
    ];
    await server.unsafe(`create database ${name}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    await run({ name, url: url.toString(), version, closeLater: (close) => closers.push(close) });
  } catch (error) {
    p.failures.push('the bench itself');
    if (!interrupted) console.error(`\n[${p.tag}] failed:`, error);
  } finally {
    await drop().catch((error: unknown) => {
      p.failures.push('dropping the database');
      console.error(`[${p.tag}] could not drop ${name}:`, error);
    });
    process.exitCode = p.failures.length === 0 ? 0 : 1;
  }
}
