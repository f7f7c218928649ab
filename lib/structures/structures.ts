// Back office "Structures": sectors (and the leisure centre proposed to each), leisure centres and schools.
// Renames are always allowed; a deletion is refused while anything refers to the structure.
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '@/db/client';
import { children, enrolments, families, reservations, sectors, sites } from '@/db/schema';
import { UserError } from '@/lib/errors';
import { writeAudit, type StaffActor } from '@/lib/audit/write';
import { idSchema, parseOrRefuse } from '@/lib/validation';

export type SiteKind = 'centre' | 'ecole';

const nameField = (what: string) =>
  z
    .string({ error: `Indiquez le nom ${what}.` })
    .trim()
    .min(1, `Indiquez le nom ${what}.`)
    .max(120, 'Ce nom est trop long (120 caractères au plus).');
const addressField = z.string().trim().max(200, "L'adresse est trop longue (200 caractères au plus).").default('');
const optionalCentre = z.preprocess(
  (v) => (v === '' || v === 'none' || v === undefined ? null : v),
  idSchema.nullable(),
);

// ---------------------------------------------------------------------------------------------------------------
// Reading

export interface SectorAdmin {
  id: number;
  name: string;
  leisureCentreId: number | null;
  leisureCentreName: string | null;
  families: number;
}

export interface SiteAdmin {
  id: number;
  kind: SiteKind;
  name: string;
  address: string;
  /** how many things refer to it (sectors, children, enrolments, reservations): 0 = it may be deleted */
  references: number;
}

export async function listSectors(db: Queryable): Promise<SectorAdmin[]> {
  const rowsFound = await db
    .select({
      id: sectors.id,
      name: sectors.name,
      leisureCentreId: sectors.leisureCentreId,
      leisureCentreName: sites.name,
      families: sql<number>`(select count(*)::int from ${families} where ${families.sectorId} = ${sectors.id})`,
    })
    .from(sectors)
    .leftJoin(sites, eq(sites.id, sectors.leisureCentreId))
    .orderBy(asc(sectors.name));
  return rowsFound.map((r) => ({ ...r, families: Number(r.families) }));
}

export async function listSites(db: Queryable): Promise<SiteAdmin[]> {
  const found = await db
    .select({
      id: sites.id,
      kind: sites.kind,
      name: sites.name,
      address: sites.address,
      references: sql<number>`(
        (select count(*) from ${sectors} where ${sectors.leisureCentreId} = ${sites.id})
        + (select count(*) from ${children} where ${children.schoolId} = ${sites.id})
        + (select count(*) from ${enrolments} where ${enrolments.siteId} = ${sites.id})
        + (select count(*) from (select 1 from ${reservations} where ${reservations.siteId} = ${sites.id} limit 1) r)
      )::int`,
    })
    .from(sites)
    .orderBy(asc(sites.kind), asc(sites.name));
  return found.map((s) => ({ ...s, references: Number(s.references) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Sectors

export const createSectorSchema = z.object({ name: nameField('du secteur'), leisureCentreId: optionalCentre });
export const updateSectorSchema = z.object({
  id: idSchema,
  name: nameField('du secteur'),
  leisureCentreId: optionalCentre,
});
export const deleteSchema = z.object({ id: idSchema });

async function checkSector(db: Queryable, s: { name: string; leisureCentreId: number | null }, exceptId?: number) {
  const [same] = await db
    .select({ id: sectors.id })
    .from(sectors)
    .where(
      and(
        sql`lower(${sectors.name}) = lower(${s.name})`,
        exceptId === undefined ? undefined : ne(sectors.id, exceptId),
      ),
    );
  if (same) throw new UserError('sector_exists', { name: s.name });
  if (s.leisureCentreId !== null) {
    const [centre] = await db.select({ kind: sites.kind }).from(sites).where(eq(sites.id, s.leisureCentreId));
    if (!centre || centre.kind !== 'centre') throw new UserError('leisure_centre_not_found');
  }
}

export async function createSector(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date },
): Promise<{ id: number }> {
  const s = parseOrRefuse(createSectorSchema, input);
  return db.transaction(async (tx) => {
    await checkSector(tx, s);
    const [row] = await tx.insert(sectors).values(s).returning();
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'sector.create',
      entity: 'sector',
      entityId: row!.id,
      after: row,
    });
    return { id: row!.id };
  });
}

/** Renames a sector and chooses its leisure centre (the one proposed to its families' children). */
export async function updateSector(db: Db, actor: StaffActor, input: unknown, ctx: { now: Date }): Promise<void> {
  const { id, ...s } = parseOrRefuse(updateSectorSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(sectors).where(eq(sectors.id, id)).for('update');
    if (!before) throw new UserError('sector_not_found');
    await checkSector(tx, s, id);
    const [after] = await tx.update(sectors).set(s).where(eq(sectors.id, id)).returning();
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'sector.update',
      entity: 'sector',
      entityId: id,
      before,
      after,
    });
  });
}

export async function deleteSector(db: Db, actor: StaffActor, input: unknown, ctx: { now: Date }): Promise<void> {
  const { id } = parseOrRefuse(deleteSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(sectors).where(eq(sectors.id, id)).for('update');
    if (!before) throw new UserError('sector_already_deleted');
    const [used] = await tx.select({ n: count() }).from(families).where(eq(families.sectorId, id));
    const n = Number(used?.n ?? 0);
    if (n > 0) {
      throw new UserError(n > 1 ? 'sector_used_by_families' : 'sector_used_by_one_family', {
        name: before.name,
        count: n,
      });
    }
    await tx.delete(sectors).where(eq(sectors.id, id));
    await writeAudit(tx, actor, { at: ctx.now, action: 'sector.delete', entity: 'sector', entityId: id, before });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Sites: leisure centres (accueils de loisirs) and schools (écoles)

export const createSiteSchema = z.object({
  kind: z.enum(['centre', 'ecole'], { error: 'Choisissez le type : accueil de loisirs ou école.' }),
  name: nameField('du site'),
  address: addressField,
});
export const updateSiteSchema = z.object({ id: idSchema, name: nameField('du site'), address: addressField });

async function refuseDuplicateSite(db: Queryable, kind: SiteKind, name: string, exceptId?: number) {
  const [same] = await db
    .select({ id: sites.id })
    .from(sites)
    .where(
      and(
        eq(sites.kind, kind),
        sql`lower(${sites.name}) = lower(${name})`,
        exceptId === undefined ? undefined : ne(sites.id, exceptId),
      ),
    );
  if (same) throw new UserError(kind === 'ecole' ? 'school_exists' : 'centre_exists', { name });
}

export async function createSite(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date },
): Promise<{ id: number }> {
  const s = parseOrRefuse(createSiteSchema, input);
  return db.transaction(async (tx) => {
    await refuseDuplicateSite(tx, s.kind, s.name);
    const [row] = await tx.insert(sites).values(s).returning();
    await writeAudit(tx, actor, { at: ctx.now, action: 'site.create', entity: 'site', entityId: row!.id, after: row });
    return { id: row!.id };
  });
}

/** Renames a site or changes its address. */
export async function updateSite(db: Db, actor: StaffActor, input: unknown, ctx: { now: Date }): Promise<void> {
  const { id, ...s } = parseOrRefuse(updateSiteSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(sites).where(eq(sites.id, id)).for('update');
    if (!before) throw new UserError('site_not_found');
    await refuseDuplicateSite(tx, before.kind, s.name, id);
    const [after] = await tx.update(sites).set(s).where(eq(sites.id, id)).returning();
    await writeAudit(tx, actor, { at: ctx.now, action: 'site.update', entity: 'site', entityId: id, before, after });
  });
}

/** Refused while a sector, a child, an enrolment or a reservation refers to the site (its capacities and closures go with it). */
export async function deleteSite(db: Db, actor: StaffActor, input: unknown, ctx: { now: Date }): Promise<void> {
  const { id } = parseOrRefuse(deleteSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(sites).where(eq(sites.id, id)).for('update');
    if (!before) throw new UserError('site_already_deleted');
    const [refs] = await tx
      .select({
        sectors: sql<number>`(select count(*)::int from ${sectors} where ${sectors.leisureCentreId} = ${id})`,
        children: sql<number>`(select count(*)::int from ${children} where ${children.schoolId} = ${id})`,
        enrolments: sql<number>`(select count(*)::int from ${enrolments} where ${enrolments.siteId} = ${id})`,
        reservations: sql<number>`(select count(*)::int from ${reservations} where ${reservations.siteId} = ${id})`,
      })
      .from(sql`(select 1) as one`);
    const reasons: string[] = [];
    const n = (v: unknown) => Number(v ?? 0);
    if (n(refs?.sectors) > 0)
      reasons.push(
        `${n(refs?.sectors)} secteur${n(refs?.sectors) > 1 ? 's' : ''} le propose${n(refs?.sectors) > 1 ? 'nt' : ''}`,
      );
    if (n(refs?.children) > 0)
      reasons.push(`${n(refs?.children)} enfant${n(refs?.children) > 1 ? 's y sont scolarisés' : ' y est scolarisé'}`);
    if (n(refs?.enrolments) > 0)
      reasons.push(`${n(refs?.enrolments)} inscription${n(refs?.enrolments) > 1 ? 's' : ''}`);
    if (n(refs?.reservations) > 0)
      reasons.push(`${n(refs?.reservations)} réservation${n(refs?.reservations) > 1 ? 's' : ''}`);
    if (reasons.length > 0) {
      throw new UserError(before.kind === 'ecole' ? 'school_in_use' : 'centre_in_use', {
        name: before.name,
        uses: reasons.join(', '),
      });
    }
    await tx.delete(sites).where(eq(sites.id, id));
    await writeAudit(tx, actor, { at: ctx.now, action: 'site.delete', entity: 'site', entityId: id, before });
  });
}
