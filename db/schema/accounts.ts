// Accounts (parents, staff, admins), sign-in attempts and single-use account links.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { localeEnum, reminderChoiceEnum, roleEnum, tokenKindEnum } from './enums';

export const accounts = pgTable(
  'accounts',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(), // stored lower-cased
    passwordHash: text('password_hash'), // null until the invitation is accepted
    role: roleEnum('role').notNull(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    // bumped when the password changes: every session issued before is refused
    sessionVersion: integer('session_version').notNull().default(0),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    // when the parent first pressed « Commencer » on the démarche's introduction: after that « Gérer mes réservations »
    // goes straight to Étape 1, and « Revoir les étapes de la démarche » brings the introduction back
    introductionReadAt: timestamp('introduction_read_at', { withTimezone: true }),
    // « Rappels par e-mail » chosen on Mon compte (lib/reminders): 'none' until the parent opts in
    reminders: reminderChoiceEnum('reminders').notNull().default('none'),
    // a parent who signed up (« Créer mon espace famille ») and has not yet followed the e-mail's confirmation link:
    // cannot sign in. Any account link used (confirmation, reset) proves the address and clears it.
    emailConfirmationPending: boolean('email_confirmation_pending').notNull().default(false),
    // the language chosen with « Langue » (pages and e-mails); null: none chosen yet, the cookie's or French
    locale: localeEnum('locale'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accounts_email_unique').on(sql`lower(${t.email})`)],
);

// Password-reset and sign-up requests, counted per key ("reset:email:<email>", "signup:ip:<address>", …) across
// instances (recordAttempt, lib/auth/rate-limit.ts).
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_attempts_key_at').on(t.key, t.at)],
);

// Failed sign-ins, one row per failure with the typed identifier and the caller's address, so that the limits
// (lib/auth/rate-limit.ts) can count per (account, address) pair, per address and per account, across instances.
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(), // lower-cased, whether an account has it or not
    address: text('address').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sign_in_failures_email_at').on(t.email, t.at),
    index('sign_in_failures_address_at').on(t.address, t.at),
  ],
);

// One row per sign-in: the session cookie names it, and every request checks it is still open. Signing out ends
// it (ended_at), so a cookie captured before is refused; the rows also tell an account's usual addresses.
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // random, 32 bytes base64url; carried inside the encrypted session cookie
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('sessions_account_address').on(t.accountId, t.address, t.createdAt)],
);

// Invitation, password-reset and e-mail confirmation links: only the hash of the token is stored.
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: tokenKindEnum('kind').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_tokens_account').on(t.accountId)],
);
