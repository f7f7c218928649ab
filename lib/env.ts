// Environment variables, parsed once by zod. A bad configuration stops the start with a message naming the variable.
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  // read by db/client.ts (poolSize): PostgreSQL connections per process
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
  // read by db/client.ts (preparedStatements): 0 for a pooler in transaction mode
  DATABASE_PREPARED_STATEMENTS: z.enum(['0', '1']).optional(),
  PGLITE_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  RESEND_API_KEY: z.string().optional(),
  MAIL_FROM: z.string().default('Portail Famille <portail-famille@example.fr>'),
  APP_URL: z.string().url().optional(),
  APP_NOW: z.string().optional(),
  SKIP_DEMO_SEED: z.enum(['0', '1']).optional(),
  // read by lib/auth/client-address.ts; checked here so a typo stops the start
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).optional(),
  // read by lib/email/dev-mail.ts (local demo and tests only: see isRealDeployment)
  MAIL_DEV_DIR: z.string().min(1).optional(),
  // read by lib/waiting-room (admission.ts, configFromEnv): the default limit of active parents (none: no waiting
  // room), and after how long a silent waiting ticket or an idle admitted one is dropped
  WAITING_ROOM_LIMIT: z.coerce.number().int().positive().optional(),
  WAITING_ROOM_QUEUE_SECONDS: z.coerce.number().int().min(90).optional(),
  WAITING_ROOM_IDLE_SECONDS: z.coerce.number().int().min(60).optional(),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const names = result.error.issues.map((i) => `${i.path.join('.')} (${i.message})`).join(', ');
    throw new Error(`Configuration invalide : ${names}. Voir .env.example.`);
  }
  const env = result.data;
  // A real deployment (PostgreSQL in production) must bring its own secret; the local demo gets one from scripts/start.mjs.
  if (env.NODE_ENV === 'production' && env.DATABASE_URL && !env.AUTH_SECRET) {
    throw new Error(
      'Configuration invalide : AUTH_SECRET est obligatoire en production (32 caractères au moins). Voir .env.example.',
    );
  }
  return env;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * A town's portal, as opposed to the local demo and the tests: it is served over HTTPS (APP_URL), the demo and the
 * tests on http://localhost. Outside one, the live links of account e-mails are also written to MAIL_DEV_DIR.
 * Read at each call, like the e-mail transport, so a test or a restart with another APP_URL takes effect.
 */
export function isRealDeployment(appUrl: string | undefined = process.env.APP_URL): boolean {
  return /^https:\/\//i.test(appUrl?.trim() ?? '');
}

/** Where the local demo writes the live version of account e-mails (default .data/mail, beside PGlite's files). */
export function mailDevDir(dir: string | undefined = process.env.MAIL_DEV_DIR): string {
  return dir?.trim() || '.data/mail';
}
