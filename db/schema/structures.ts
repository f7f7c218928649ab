// Sectors, sites (leisure centres and schools) and their capacities.
import { integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { serviceEnum, siteKindEnum, unitEnum } from './enums';

export const sites = pgTable('sites', {
  id: serial('id').primaryKey(),
  kind: siteKindEnum('kind').notNull(), // centre = accueil de loisirs, ecole = école (restauration scolaire)
  name: text('name').notNull(),
  address: text('address').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sectors = pgTable('sectors', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  // the leisure centre that children of this sector are proposed (seed, cas n°2)
  leisureCentreId: integer('leisure_centre_id').references(() => sites.id),
});

// Optional: no row means no limit for that site, service and unit.
export const siteCapacities = pgTable(
  'site_capacities',
  {
    id: serial('id').primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    service: serviceEnum('service').notNull(),
    unit: unitEnum('unit').notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [uniqueIndex('site_capacities_site_service_unit').on(t.siteId, t.service, t.unit)],
);
