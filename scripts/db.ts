// npm run db:migrate | db:seed | db:reset — on the same database the app uses (DATABASE_URL or .data/pglite).
import fs from 'node:fs';
import { defaultTarget, openDatabase } from '@/db/client';
import { seedIfEmpty } from '@/lib/demo/seed';

async function main() {
  const command = process.argv[2];
  const target = defaultTarget();
  if (command === 'reset') {
    if ('pglite' in target) {
      fs.rmSync(target.pglite, { recursive: true, force: true });
    } else {
      const { db, close } = await openDatabase(target);
      await db.execute('drop schema public cascade; create schema public; drop schema if exists drizzle cascade;');
      await close();
    }
    console.log('[db] database emptied');
  }
  const { db, close } = await openDatabase(target);
  console.log('[db] migrations applied');
  if (command === 'seed' || command === 'reset') {
    const loaded = await seedIfEmpty(db);
    if (!loaded) console.log('[db] the database already holds data: demo not loaded (use npm run db:reset)');
  }
  await close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
