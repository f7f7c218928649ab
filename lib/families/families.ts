// Back office "Familles": search, a family's page (address, sector, parents and their accounts, children),
// creating a family, adding a parent or a child, changing the sector. Each write is one transaction with its audit row.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Db, type Queryable } from '@/db/client';
import {
  accounts,
  accountTokens,
  children,
  enrolments,
  families,
  type FamilyStatus,
  parents,
  requests,
  sectors,
  sites,
} from '@/db/schema';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { UserError } from '@/lib/errors';
import { isIsoDate, type IsoDate, type ServiceKind, type Unit } from '@/lib/planning';
import { writeAudit, type StaffActor } from '@/lib/audit/write';
import { idSchema, parseOrRefuse } from '@/lib/validation';
import type { RequestType } from '@/lib/requests/types';

export const SEARCH_LIMIT = 50;
export const CLASS_LEVELS = ['PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Search

export interface FamilyHit {
  id: number;
  name: string;
  city: string;
  sectorName: string | null;
  parents: string;
  children: string;
}

/** "%text%" for ILIKE, with the user's own % and _ taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One query: family name, a parent's name or e-mail, a child's first or full name (ILIKE, 50 families at most). */
export async function searchFamilies(db: Queryable, p: { query: string }): Promise<FamilyHit[]> {
  const text = p.query.trim().replace(/\s+/g, ' ');
  if (text === '') return [];
  const like = likePattern(text);
  return rows<FamilyHit>(
    db,
    sql`select f.id, f.name, f.city, s.name as "sectorName",
          coalesce((select string_agg(p.first_name || ' ' || p.last_name || ' <' || p.email || '>', ', ' order by p.id)
                    from parents p where p.family_id = f.id), '') as parents,
          coalesce((select string_agg(c.first_name || ' ' || c.last_name, ', ' order by c.birth_date, c.id)
                    from children c where c.family_id = f.id), '') as children
        from families f
        left join sectors s on s.id = f.sector_id
        where f.name ilike ${like}
           or exists (select 1 from parents p where p.family_id = f.id
                      and (p.email ilike ${like} or p.last_name ilike ${like} or (p.first_name || ' ' || p.last_name) ilike ${like}))
           or exists (select 1 from children c where c.family_id = f.id
                      and (c.first_name ilike ${like} or (c.first_name || ' ' || c.last_name) ilike ${like}))
        order by f.name, f.id
        limit ${SEARCH_LIMIT}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// A family

/**
 * none: no account; not_invited: an account without password nor invitation; invited: an invitation link is out;
 * unconfirmed: a parent who signed up and has not followed the confirmation link yet.
 */
export type AccountStatus = 'active' | 'invited' | 'not_invited' | 'disabled' | 'unconfirmed' | 'none';

export interface FamilyAdmin {
  id: number;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  sectorId: number | null;
  sectorName: string | null;
  /** « Mes données »: when the family asked for its account to be closed, and when an agent closed it */
  closureRequestedAt: Date | null;
  closedAt: Date | null;
  /** 'pending' or 'refused' for a family that signed up itself (lib/families/signups.ts) */
  status: FamilyStatus;
  refusalReason: string | null;
  parents: {
    id: number;
    firstName: string;
    lastName: string;
    email: string;
    phone: string;
    accountStatus: AccountStatus;
    invitationExpiresAt: Date | null;
  }[];
  children: {
    id: number;
    firstName: string;
    lastName: string;
    birthDate: IsoDate;
    classLevel: string;
    schoolName: string | null;
  }[];
}

export async function getFamilyAdmin(db: Queryable, familyId: number): Promise<FamilyAdmin | null> {
  const [family] = await db
    .select({
      id: families.id,
      name: families.name,
      address: families.address,
      postalCode: families.postalCode,
      city: families.city,
      sectorId: families.sectorId,
      sectorName: sectors.name,
      closureRequestedAt: families.closureRequestedAt,
      closedAt: families.closedAt,
      status: families.status,
      refusalReason: families.refusalReason,
    })
    .from(families)
    .leftJoin(sectors, eq(sectors.id, families.sectorId))
    .where(eq(families.id, familyId));
  if (!family) return null;
  const [parentRows, childRows] = await Promise.all([
    db
      .select({
        id: parents.id,
        firstName: parents.firstName,
        lastName: parents.lastName,
        email: parents.email,
        phone: parents.phone,
        accountId: accounts.id,
        hasPassword: sql<boolean>`${accounts.passwordHash} is not null`,
        disabledAt: accounts.disabledAt,
        unconfirmed: accounts.emailConfirmationPending,
        invitationExpiresAt: sql<string | null>`(select max(${accountTokens.expiresAt}) from ${accountTokens}
          where ${accountTokens.accountId} = ${accounts.id} and ${accountTokens.kind} = 'invitation' and ${accountTokens.usedAt} is null)`,
      })
      .from(parents)
      .leftJoin(accounts, eq(accounts.id, parents.accountId))
      .where(eq(parents.familyId, familyId))
      .orderBy(asc(parents.id)),
    db
      .select({
        id: children.id,
        firstName: children.firstName,
        lastName: children.lastName,
        birthDate: children.birthDate,
        classLevel: children.classLevel,
        schoolName: sites.name,
      })
      .from(children)
      .leftJoin(sites, eq(sites.id, children.schoolId))
      .where(eq(children.familyId, familyId))
      .orderBy(asc(children.birthDate), asc(children.id)),
  ]);
  return {
    ...family,
    parents: parentRows.map(({ accountId, hasPassword, disabledAt, unconfirmed, invitationExpiresAt, ...parent }) => ({
      ...parent,
      accountStatus:
        accountId === null
          ? 'none'
          : disabledAt
            ? 'disabled'
            : unconfirmed
              ? 'unconfirmed'
              : hasPassword
                ? 'active'
                : invitationExpiresAt
                  ? 'invited'
                  : 'not_invited',
      invitationExpiresAt: invitationExpiresAt ? new Date(invitationExpiresAt) : null,
    })),
    children: childRows,
  };
}

export async function listSectorOptions(db: Queryable): Promise<{ id: number; name: string }[]> {
  return db.select({ id: sectors.id, name: sectors.name }).from(sectors).orderBy(asc(sectors.name));
}

export async function listSiteOptions(
  db: Queryable,
  kind: 'centre' | 'ecole',
): Promise<{ id: number; name: string }[]> {
  return db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.kind, kind)).orderBy(asc(sites.name));
}

// ---------------------------------------------------------------------------------------------------------------
// Writing (French messages: they reach the agent as they are)

const text = (message: string, max = 120) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${max} caractères au plus.`);
const optionalText = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`).default('');
const optionalId = z.preprocess(
  (v) => (v === '' || v === 'none' || v === undefined || v === null ? null : v),
  idSchema.nullable(),
);

const parentFields = {
  firstName: text('Indiquez le prénom du parent.'),
  lastName: text('Indiquez le nom du parent.'),
  email: z
    .string({ error: "Indiquez l'adresse e-mail du parent." })
    .trim()
    .min(1, "Indiquez l'adresse e-mail du parent.")
    .pipe(z.email("L'adresse e-mail du parent n'est pas valide (exemple : prenom.nom@exemple.fr).")),
  phone: optionalText(30),
};

const childFields = {
  firstName: text("Indiquez le prénom de l'enfant."),
  lastName: text("Indiquez le nom de l'enfant."),
  birthDate: z
    .string({ error: "Indiquez la date de naissance de l'enfant." })
    .trim()
    .min(1, "Indiquez la date de naissance de l'enfant.")
    .refine(isIsoDate, "La date de naissance n'est pas une date valide (JJ/MM/AAAA)."),
  schoolId: optionalId,
  classLevel: z.preprocess(
    (v) => v ?? '',
    z.union([z.enum(CLASS_LEVELS), z.literal('')], { error: 'Niveau de classe inconnu.' }),
  ),
};

export const parentSchema = z.object(parentFields);
export const childSchema = z.object(childFields);

export const createFamilySchema = z.object({
  name: text('Indiquez le nom de la famille.'),
  address: optionalText(200),
  postalCode: optionalText(10),
  city: optionalText(80),
  sectorId: optionalId,
  parent: parentSchema,
  children: z.array(childSchema).max(10, 'Dix enfants au plus à la fois.').default([]),
});
export type CreateFamilyInput = z.input<typeof createFamilySchema>;

export const addParentSchema = z.object({ familyId: idSchema, ...parentFields });
export const addChildSchema = z.object({ familyId: idSchema, ...childFields });
export const setSectorSchema = z.object({ familyId: idSchema, sectorId: optionalId });

async function checkSector(db: Queryable, sectorId: number | null): Promise<void> {
  if (sectorId === null) return;
  const [found] = await db.select({ id: sectors.id }).from(sectors).where(eq(sectors.id, sectorId));
  if (!found) throw new UserError('sector_not_found');
}

async function checkSchool(db: Queryable, schoolId: number | null): Promise<void> {
  if (schoolId === null) return;
  const [found] = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.id, schoolId), eq(sites.kind, 'ecole')));
  if (!found) throw new UserError('school_not_found');
}

/**
 * A parent and the account they will sign in with: no password until the invitation is accepted
 * (« Invitation en attente »). One account per e-mail in the whole portal.
 */
async function insertParent(
  db: Queryable,
  familyId: number,
  parent: z.infer<typeof parentSchema>,
): Promise<{ id: number; accountId: number }> {
  const email = parent.email.toLowerCase();
  const [taken] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${email}`);
  if (taken) throw new UserError('family_email_taken', { email });
  const [account] = await db
    .insert(accounts)
    .values({ email, passwordHash: null, role: 'parent', firstName: parent.firstName, lastName: parent.lastName })
    .returning({ id: accounts.id });
  const [row] = await db
    .insert(parents)
    .values({
      familyId,
      accountId: account!.id,
      firstName: parent.firstName,
      lastName: parent.lastName,
      email,
      phone: parent.phone,
    })
    .returning({ id: parents.id });
  return { id: row!.id, accountId: account!.id };
}

/** « Créer une famille »: the family, its first parent (and account) and its children, in one transaction. */
export async function createFamily(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date },
): Promise<{ familyId: number }> {
  const f = parseOrRefuse(createFamilySchema, input);
  return db.transaction(async (tx) => {
    await checkSector(tx, f.sectorId);
    for (const child of f.children) await checkSchool(tx, child.schoolId);
    const [family] = await tx
      .insert(families)
      .values({ name: f.name, address: f.address, postalCode: f.postalCode, city: f.city, sectorId: f.sectorId })
      .returning({ id: families.id });
    const familyId = family!.id;
    const parent = await insertParent(tx, familyId, f.parent);
    const kids =
      f.children.length === 0
        ? []
        : await tx
            .insert(children)
            .values(f.children.map((c) => ({ ...c, familyId })))
            .returning({ id: children.id });
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'family.create',
      entity: 'family',
      entityId: familyId,
      familyId,
      before: null,
      after: {
        ...f,
        parent: { ...f.parent, id: parent.id, accountId: parent.accountId },
        children: f.children.map((c, i) => ({ ...c, id: kids[i]?.id })),
      },
    });
    return { familyId };
  });
}

async function lockFamily(db: Queryable, familyId: number) {
  const [family] = await db.select().from(families).where(eq(families.id, familyId)).for('update');
  if (!family) throw new UserError('family_not_found');
  return family;
}

export async function addParent(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date },
): Promise<{ parentId: number }> {
  const { familyId, ...parent } = parseOrRefuse(addParentSchema, input);
  return db.transaction(async (tx) => {
    await lockFamily(tx, familyId);
    const created = await insertParent(tx, familyId, parent);
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'parent.create',
      entity: 'parent',
      entityId: created.id,
      familyId,
      before: null,
      after: { ...parent, email: parent.email.toLowerCase(), accountId: created.accountId },
    });
    return { parentId: created.id };
  });
}

export async function addChild(
  db: Db,
  actor: StaffActor,
  input: unknown,
  ctx: { now: Date },
): Promise<{ childId: number }> {
  const { familyId, ...child } = parseOrRefuse(addChildSchema, input);
  return db.transaction(async (tx) => {
    await lockFamily(tx, familyId);
    await checkSchool(tx, child.schoolId);
    const [row] = await tx
      .insert(children)
      .values({ ...child, familyId })
      .returning();
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'child.create',
      entity: 'child',
      entityId: row!.id,
      familyId,
      before: null,
      after: row,
    });
    return { childId: row!.id };
  });
}

/** The sector decides the leisure centre proposed at the next « S'inscrire »; enrolments already made stay. */
export async function setFamilySector(db: Db, actor: StaffActor, input: unknown, ctx: { now: Date }): Promise<void> {
  const { familyId, sectorId } = parseOrRefuse(setSectorSchema, input);
  await db.transaction(async (tx) => {
    const before = await lockFamily(tx, familyId);
    await checkSector(tx, sectorId);
    await tx.update(families).set({ sectorId }).where(eq(families.id, familyId));
    await writeAudit(tx, actor, {
      at: ctx.now,
      action: 'family.sector',
      entity: 'family',
      entityId: familyId,
      familyId,
      before: { sectorId: before.sectorId },
      after: { sectorId },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A child in the back office: enrolments of the current year, planning per service and month, requests

export interface ChildAdmin {
  id: number;
  familyId: number;
  familyName: string;
  firstName: string;
  lastName: string;
  birthDate: IsoDate;
  classLevel: string;
  schoolName: string | null;
  schoolYear: { id: number; label: string } | null;
  enrolments: { service: ServiceKind; siteId: number; siteName: string }[];
  /** per service, per month ('YYYY-MM'), the reserved days with their units */
  planning: { service: ServiceKind; months: { month: string; days: { date: IsoDate; units: Unit[] }[] }[] }[];
  requests: {
    id: number;
    reference: string | null;
    submittedAt: Date | null;
    createdAt: Date;
    type: RequestType;
    service: ServiceKind;
    status: 'draft' | 'submitted' | 'cancelled';
    onBehalf: boolean;
    reason: string | null;
  }[];
}

const UNIT_ORDER: Unit[] = ['matin', 'apres_midi', 'repas_classique', 'repas_sans_viande'];
const SERVICE_ORDER: ServiceKind[] = ['cantine', 'mercredi', 'vacances'];

/** The family is part of the query: a child of another family is "not found". */
export async function getChildAdmin(
  db: Queryable,
  p: { familyId: number; childId: number; today: IsoDate },
): Promise<ChildAdmin | null> {
  const [child] = await db
    .select({
      id: children.id,
      familyId: children.familyId,
      familyName: families.name,
      firstName: children.firstName,
      lastName: children.lastName,
      birthDate: children.birthDate,
      classLevel: children.classLevel,
      schoolName: sites.name,
    })
    .from(children)
    .innerJoin(families, eq(families.id, children.familyId))
    .leftJoin(sites, eq(sites.id, children.schoolId))
    .where(and(eq(children.id, p.childId), eq(children.familyId, p.familyId)));
  if (!child) return null;
  const year = await currentSchoolYear(db, p.today);
  const [enrolled, booked, history] = await Promise.all([
    year === null
      ? []
      : db
          .select({ service: enrolments.service, siteId: enrolments.siteId, siteName: sites.name })
          .from(enrolments)
          .innerJoin(sites, eq(sites.id, enrolments.siteId))
          .where(and(eq(enrolments.childId, child.id), eq(enrolments.schoolYearId, year.id))),
    year === null
      ? []
      : rows<{ service: ServiceKind; date: IsoDate; units: Unit[] }>(
          db,
          sql`select r.service, to_char(r.date, 'YYYY-MM-DD') as date, array_agg(r.unit::text) as units
          from reservations r
          where r.child_id = ${child.id}
            and r.date >= ${year.yearStart}
            and r.date <= coalesce((select max("end") from holiday_periods where school_year_id = ${year.id}), ${year.yearEnd})
          group by r.service, r.date order by r.service, r.date`,
        ),
    db
      .select({
        id: requests.id,
        reference: requests.reference,
        submittedAt: requests.submittedAt,
        createdAt: requests.createdAt,
        type: requests.type,
        service: requests.service,
        status: requests.status,
        onBehalf: requests.onBehalf,
        reason: requests.reason,
      })
      .from(requests)
      .where(and(eq(requests.childId, child.id), eq(requests.familyId, p.familyId), sql`${requests.status} <> 'draft'`))
      .orderBy(desc(requests.createdAt), desc(requests.id))
      .limit(100),
  ]);
  const planning: ChildAdmin['planning'] = [];
  for (const service of SERVICE_ORDER) {
    const days = booked.filter((b) => b.service === service);
    if (days.length === 0) continue;
    const months = new Map<string, { date: IsoDate; units: Unit[] }[]>();
    for (const day of days) {
      const month = day.date.slice(0, 7);
      const units = [...day.units].sort((a, b) => UNIT_ORDER.indexOf(a) - UNIT_ORDER.indexOf(b));
      months.set(month, [...(months.get(month) ?? []), { date: day.date, units }]);
    }
    planning.push({ service, months: [...months].map(([month, list]) => ({ month, days: list })) });
  }
  return {
    ...child,
    schoolYear: year ? { id: year.id, label: year.label } : null,
    enrolments: enrolled.sort((a, b) => SERVICE_ORDER.indexOf(a.service) - SERVICE_ORDER.indexOf(b.service)),
    planning,
    requests: history,
  };
}
