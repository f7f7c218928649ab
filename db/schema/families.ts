// Families, their parents and their children.
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { familyStatusEnum } from './enums';
import { sectors, sites } from './structures';

export const families = pgTable(
  'families',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(), // nom de famille
    address: text('address').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    sectorId: integer('sector_id').references(() => sectors.id),
    // « Créer mon espace famille » (lib/accounts/signup.ts): pending until an agent validates or refuses it
    status: familyStatusEnum('status').notNull().default('active'),
    refusalReason: text('refusal_reason'), // the agent's reason, shown to the parent and e-mailed
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // « Demander la fermeture de mon compte » (Mes données): when a parent asked; an agent then confirms the closure,
    // which anonymises the family (lib/families/closure.ts) and sets closedAt
    closureRequestedAt: timestamp('closure_requested_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('families_name').on(t.name),
    // the back office's list and count of the closures waiting for an agent
    index('families_closure_pending')
      .on(t.closureRequestedAt)
      .where(sql`${t.closureRequestedAt} is not null and ${t.closedAt} is null`),
    // the back office's « Familles en attente de validation » and the dashboard's count read the few pending ones
    index('families_pending')
      .on(t.createdAt)
      .where(sql`status = 'pending'`),
  ],
);

export const parents = pgTable(
  'parents',
  {
    id: serial('id').primaryKey(),
    familyId: integer('family_id')
      .notNull()
      .references(() => families.id, { onDelete: 'cascade' }),
    accountId: integer('account_id')
      .unique()
      .references(() => accounts.id, { onDelete: 'set null' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
  },
  (t) => [index('parents_family').on(t.familyId)],
);

export const children = pgTable(
  'children',
  {
    id: serial('id').primaryKey(),
    familyId: integer('family_id')
      .notNull()
      .references(() => families.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    schoolId: integer('school_id').references(() => sites.id),
    classLevel: text('class_level').notNull().default(''), // PS, MS, GS, CP, CE1, CE2, CM1, CM2
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('children_family').on(t.familyId)],
);

// The family's private calendar feed (« Ajouter à mon agenda »): /agenda/<token>.ics. The token is
// HMAC-SHA256(a key derived from AUTH_SECRET, the random nonce) (lib/calendar-feed/token.ts): the table keeps the nonce,
// which says nothing without the secret, and the token's SHA-256, which the feed is looked up by. A database leak
// therefore leaks no feed. Regenerating draws a new nonce: the old token matches no row at once.
export const calendarFeeds = pgTable('calendar_feeds', {
  familyId: integer('family_id')
    .primaryKey()
    .references(() => families.id, { onDelete: 'cascade' }),
  nonce: text('nonce').notNull(),
  tokenHash: text('token_hash').notNull().unique(), // hex SHA-256 of the token
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
