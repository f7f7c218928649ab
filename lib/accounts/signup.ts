// « Créer mon espace famille »: a family new to the town signs up from Connexion. The answer is the same whatever the
// address (« Vérifiez votre boîte e-mail »): a new address gets the family, in status « en attente de validation », and
// an account that cannot sign in until the e-mail's single-use link confirms the address; an address already used gets
// nothing created, only an e-mail to its owner saying someone tried. Sign-ups are limited per typed address and per
// client address (recordAttempt). The agent's validation or refusal is lib/families/signups.ts.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '@/db/client';
import { accounts, auditLog, children, families, parents, sites } from '@/db/schema';
import type { Locale } from '@/i18n/locales';
import { hashPassword } from '@/lib/auth/password';
import { recordAttempt } from '@/lib/auth/rate-limit';
import { enqueueEmail } from '@/lib/email/outbox';
import { fieldError, UserError } from '@/lib/errors';
import { idField } from '@/lib/ids';
import { isIsoDate, type IsoDate } from '@/lib/planning';
import { issueToken, newPasswordSchema, useToken } from './tokens';
import { now } from '@/lib/clock';

export const SIGNUP_LIMITS = {
  windowMinutes: 60,
  /** sign-ups naming one address: its owner is e-mailed at most this often */
  perEmail: 3,
  /** sign-ups from one client address (families behind one carrier address sign up on different days) */
  perAddress: 20,
} as const;

/** Lines of children on the form (more are added by the Guichet famille). */
export const MAX_SIGNUP_CHILDREN = 6;

export const signupEmailKey = (email: string) => `signup:email:${email.toLowerCase()}`;
export const signupAddressKey = (ip: string) => `signup:ip:${ip}`;

// ---------------------------------------------------------------------------------------------------------------
// The form

const required = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, fieldError('signup_too_long', { max }));

/** A French phone number as people type it: digits, spaces, dots, dashes, a leading +; 10 digits at least. */
const phone = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\+?[0-9 .()-]{10,20}$/, message)
    .refine((v) => v.replace(/\D/g, '').length >= 10, message);

const email = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(254, fieldError('signup_too_long', { max: 254 }))
    .pipe(z.email(message))
    .transform((v) => v.toLowerCase());

/** A group of fields left wholly empty (the other parent, a child's line) is no group at all. */
const blankToUndefined = (v: unknown) =>
  typeof v === 'object' && v !== null && Object.values(v).every((f) => typeof f !== 'string' || f.trim() === '')
    ? undefined
    : v;

const otherParentSchema = z.object({
  firstName: required(fieldError('signup_other_first_name'), 100),
  lastName: required(fieldError('signup_other_last_name'), 100),
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    email(fieldError('signup_other_email')).optional(),
  ),
  phone: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    phone(fieldError('signup_other_phone')).optional(),
  ),
});

/** Child n (1-based) of the form: born, and under 18 on `today`. */
function childLine(n: number, today: IsoDate) {
  const eighteenYearsAgo = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
  return z.object({
    firstName: required(fieldError('signup_child_first_name', { n }), 100),
    lastName: required(fieldError('signup_child_last_name', { n }), 100),
    birthDate: z
      .string({ error: fieldError('signup_child_birth_date', { n }) })
      .trim()
      .refine(isIsoDate, { message: fieldError('signup_child_birth_date', { n }), abort: true })
      .refine((d) => d <= today && d > eighteenYearsAgo, fieldError('signup_child_birth_date_range', { n })),
    // « Pas encore scolarisé(e) ou autre école » is the empty choice
    schoolId: z.preprocess(
      (v) => (v === '' || v === undefined || v === null ? null : v),
      idField(fieldError('signup_child_school', { n })).nullable(),
    ),
  });
}

/**
 * What « Créer mon espace famille » sends: the parent, the e-mail and password (the rules of activation and reset), the
 * address, the other parent (optional) and the children (the first line is required; empty lines are ignored). Each
 * refusal names its field in French; `today` (Paris) bounds the birth dates.
 */
export function signupSchema(today: IsoDate) {
  const lines = Object.fromEntries(
    Array.from({ length: MAX_SIGNUP_CHILDREN }, (_, i) => [
      `child${i}`,
      i === 0 ? childLine(1, today) : z.preprocess(blankToUndefined, childLine(i + 1, today).optional()),
    ]),
  ) as Record<`child${number}`, ReturnType<typeof childLine>>;
  return z
    .object({
      firstName: required(fieldError('signup_first_name'), 100),
      lastName: required(fieldError('signup_last_name'), 100),
      phone: phone(fieldError('signup_phone')),
      email: email(fieldError('signup_email')),
      address: required(fieldError('signup_address'), 200),
      postalCode: z
        .string({ error: fieldError('signup_postal_code') })
        .trim()
        .regex(/^\d{5}$/, fieldError('signup_postal_code')),
      city: required(fieldError('signup_city'), 80),
      otherParent: z.preprocess(blankToUndefined, otherParentSchema.optional()),
      ...lines,
    })
    .and(newPasswordSchema)
    .superRefine((v, ctx) => {
      if (v.otherParent?.email && v.otherParent.email === v.email)
        ctx.addIssue({
          code: 'custom',
          path: ['otherParent', 'email'],
          message: fieldError('signup_other_email_same'),
        });
    })
    .transform((v) => ({
      firstName: v.firstName,
      lastName: v.lastName,
      phone: v.phone,
      email: v.email,
      password: v.password,
      address: v.address,
      postalCode: v.postalCode,
      city: v.city,
      otherParent: v.otherParent ?? null,
      children: Array.from(
        { length: MAX_SIGNUP_CHILDREN },
        (_, i) => (v as Record<string, unknown>)[`child${i}`],
      ).filter((c): c is z.infer<ReturnType<typeof childLine>> => c !== undefined),
    }));
}
export type SignupInput = z.output<ReturnType<typeof signupSchema>>;

// ---------------------------------------------------------------------------------------------------------------
// The sign-up

export type SignupResult = { ok: true } | { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

/**
 * One transaction, a constant number of statements whatever the number of children. The password is hashed first for
 * every address, so the time taken says nothing of the address either. The account is inserted first with ON CONFLICT
 * DO NOTHING on the unique e-mail: nothing inserted means the address is taken (even by a sign-up running at the same
 * moment), and only the owner's notice is queued.
 */
export async function signUp(
  db: Db,
  p: {
    input: SignupInput;
    ip: string;
    now: Date;
    appUrl: string;
    /** the language the parent used on the form: the new account's, so its e-mails (the confirmation first) follow */
    locale?: Locale;
  },
): Promise<SignupResult> {
  const f = p.input;
  const passwordHash = await hashPassword(f.password);
  return db.transaction(async (tx) => {
    const wait = await recordAttempt(
      tx,
      {
        windowMinutes: SIGNUP_LIMITS.windowMinutes,
        keys: [
          { key: signupEmailKey(f.email), max: SIGNUP_LIMITS.perEmail },
          { key: signupAddressKey(p.ip), max: SIGNUP_LIMITS.perAddress },
        ],
      },
      p.now,
    );
    if (wait > 0) return { ok: false, reason: 'rate_limited', retryAfterMinutes: wait };

    const schoolIds = [...new Set(f.children.map((c) => c.schoolId).filter((id): id is number => id !== null))];
    if (schoolIds.length > 0) await checkSchools(tx, schoolIds);

    const [account] = await tx
      .insert(accounts)
      .values({
        email: f.email,
        passwordHash,
        role: 'parent',
        firstName: f.firstName,
        lastName: f.lastName,
        emailConfirmationPending: true,
        locale: p.locale ?? null,
        createdAt: p.now,
      })
      .onConflictDoNothing()
      .returning({ id: accounts.id });
    if (!account) {
      await noticeToOwner(tx, { email: f.email, now: p.now, appUrl: p.appUrl });
      return { ok: true };
    }

    const [family] = await tx
      .insert(families)
      .values({
        name: f.lastName,
        address: f.address,
        postalCode: f.postalCode,
        city: f.city,
        status: 'pending',
        createdAt: p.now,
      })
      .returning({ id: families.id });
    const familyId = family!.id;
    const other = f.otherParent;
    const parentRows = await tx
      .insert(parents)
      .values([
        {
          familyId,
          accountId: account.id,
          firstName: f.firstName,
          lastName: f.lastName,
          email: f.email,
          phone: f.phone,
        },
        ...(other
          ? [
              {
                familyId,
                accountId: null,
                firstName: other.firstName,
                lastName: other.lastName,
                email: other.email ?? '',
                phone: other.phone ?? '',
              },
            ]
          : []),
      ])
      .returning({ id: parents.id });
    const kids = await tx
      .insert(children)
      .values(f.children.map((c) => ({ ...c, familyId })))
      .returning({ id: children.id });

    const { nonce, tokenId, expiresAt } = await issueToken(tx, {
      accountId: account.id,
      kind: 'email_confirmation',
      now: p.now,
    });
    await enqueueEmail(tx, {
      idempotencyKey: `account-token-${tokenId}`,
      to: f.email,
      template: 'signup-confirmation',
      // never the link: the dispatcher derives it from the nonce when it sends (lib/email/render.ts)
      payload: {
        name: `${f.firstName} ${f.lastName}`,
        linkBase: `${p.appUrl}/confirmer-mon-adresse/`,
        nonce,
        expiresAt: expiresAt.toISOString(),
      },
    });
    await tx.insert(auditLog).values({
      at: now(), // the Journal follows the portal's clock; p.now (wall time) dates the links
      actorId: account.id,
      actorRole: 'parent',
      action: 'family.signup',
      entity: 'family',
      entityId: String(familyId),
      familyId,
      before: null,
      // what the family declared, never the password
      after: {
        status: 'pending',
        name: f.lastName,
        address: f.address,
        postalCode: f.postalCode,
        city: f.city,
        accountId: account.id,
        parents: [
          { id: parentRows[0]!.id, firstName: f.firstName, lastName: f.lastName, email: f.email, phone: f.phone },
          ...(other ? [{ id: parentRows[1]!.id, ...other }] : []),
        ],
        children: f.children.map((c, i) => ({ id: kids[i]!.id, ...c })),
      },
    });
    return { ok: true };
  });
}

async function checkSchools(tx: Queryable, ids: number[]): Promise<void> {
  const [found] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(sites)
    .where(and(inArray(sites.id, ids), eq(sites.kind, 'ecole')));
  if ((found?.n ?? 0) !== ids.length) throw new UserError('school_not_found');
}

/** The address is taken: its owner (unless the account is disabled) learns someone tried; nothing else is written. */
async function noticeToOwner(tx: Queryable, p: { email: string; now: Date; appUrl: string }): Promise<void> {
  const [owner] = await tx
    .select({ id: accounts.id, disabledAt: accounts.disabledAt })
    .from(accounts)
    .where(sql`lower(${accounts.email}) = ${p.email}`)
    .limit(1);
  if (!owner || owner.disabledAt) return;
  await enqueueEmail(tx, {
    idempotencyKey: `signup-existing-${owner.id}-${p.now.getTime()}`,
    to: p.email,
    template: 'signup-existing-account',
    payload: { link: `${p.appUrl}/connexion`, resetLink: `${p.appUrl}/mot-de-passe-oublie` },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The confirmation link

/**
 * « Confirmer mon adresse e-mail »: the link is used once (a second use, an expired or unknown link: one refusal,
 * nothing written), the account may sign in from then on, and the journal records it. Three statements.
 */
export async function confirmEmail(db: Db, p: { token: string; now: Date }): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const used = await useToken(tx, { token: p.token, kind: 'email_confirmation', now: p.now });
    if (!used) throw new UserError('signup_link_invalid');
    const [account] = await tx
      .update(accounts)
      .set({ emailConfirmationPending: false })
      .where(eq(accounts.id, used.accountId))
      .returning({ id: accounts.id, email: accounts.email, role: accounts.role });
    await tx.insert(auditLog).values({
      at: now(), // the Journal follows the portal's clock; p.now (wall time) dates the links
      actorId: account!.id,
      actorRole: account!.role,
      action: 'account.confirm_email',
      entity: 'account',
      entityId: String(account!.id),
      familyId: sql`(select ${parents.familyId} from ${parents} where ${parents.accountId} = ${account!.id} limit 1)`,
      before: { emailConfirmed: false },
      after: { emailConfirmed: true, tokenId: used.id },
    });
    return { email: account!.email };
  });
}
