// « Créer mon espace famille » on a real database: a family new to the town signs up (pending, an account that cannot
// sign in), confirms its address once through the e-mail's link, waits for the Guichet famille (nothing can be enrolled
// or booked, on the server), then an agent validates it with its sector, or refuses it with a reason; both e-mailed.
// Bad input writes nothing: an address already used (the same answer, only the owner's notice), a link used twice or
// expired, invalid fields (French messages), a sign-up past the limits, a decision on a family no longer pending.
import { eq, sql, type Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rows } from '@/db/client';
import { accounts, auditLog, emailOutbox, families, sectors } from '@/db/schema';
import { confirmEmail, signUp, signupSchema, SIGNUP_LIMITS, type SignupInput } from '@/lib/accounts/signup';
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { setPasswordWithToken } from '@/lib/accounts/tokens';
import { authenticate } from '@/lib/auth/authenticate';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import { startEnrolmentDraft } from '@/lib/enrolments/enrol';
import { renderEmail } from '@/lib/email/render';
import { UserError } from '@/lib/errors';
import { countPendingFamilies, listPendingFamilies, refuseFamily, validateFamily } from '@/lib/families/signups';
import { startReservationDraft } from '@/lib/requests/drafts';
import { startSiblingDrafts } from '@/lib/requests/siblings';
import { keyFigures } from '@/lib/reports/stats';
import { createDemoDatabase, type TestDatabase } from '../support/db';
import { demoAgent, TODAY } from '../support/demo';

const requestHeaders = vi.hoisted(() => ({ value: new Headers({ 'x-portail-peer': '198.51.100.7' }) }));
vi.mock('server-only', () => ({}));
vi.mock('@/auth', () => ({ auth: async () => null, signIn: async () => {}, signOut: async () => {} }));
vi.mock('next/headers', () => ({
  headers: async () => requestHeaders.value,
  // no « Langue » cookie: the form is French
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: () => {} }));

let database: TestDatabase;
let statements = 0;
const counter: Logger = {
  logQuery: () => {
    statements += 1;
  },
};
const appUrl = 'http://localhost:3000';
// the wall clock of the account links (their 48 hours are real time)
const NOW = new Date('2026-11-29T09:00:00Z');
const hours = (n: number) => new Date(NOW.getTime() + n * 3600_000);
let ip = 0;
/** Each sign-up from an address of its own, unless a test is about the limit per address. */
const nextIp = () => `203.0.113.${(ip += 1)}`;

beforeAll(async () => {
  vi.stubEnv('AUTH_SECRET', 'integration-tests-secret-0123456789abcdef');
  vi.stubEnv('APP_NOW', '2026-11-29T10:00:00+01:00');
  database = await createDemoDatabase({ logger: counter });
  (globalThis as unknown as { __portailDb?: Promise<unknown> }).__portailDb = Promise.resolve(database);
});

afterAll(async () => {
  (globalThis as unknown as { __portailDb?: unknown }).__portailDb = undefined;
  vi.unstubAllEnvs();
  await database?.close();
});

/** What the form sends, as formDataToObject reads it. */
function typed(email: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    firstName: 'Nadia',
    lastName: 'Benali',
    phone: '06 12 34 56 78',
    email,
    password: 'une-phrase-de-passe',
    confirmation: 'une-phrase-de-passe',
    address: '4 rue des Lilas',
    postalCode: '91000',
    city: 'Belleval',
    otherParent: { firstName: 'Karim', lastName: 'Benali', email: '', phone: '' },
    child0: { firstName: 'Inès', lastName: 'Benali', birthDate: '2019-05-12', schoolId: '' },
    child1: { firstName: '', lastName: '', birthDate: '', schoolId: '' },
    ...extra,
  };
}

function parsed(email: string, extra: Record<string, unknown> = {}): SignupInput {
  return signupSchema(TODAY).parse(typed(email, extra));
}

async function signUpAs(email: string, extra: Record<string, unknown> = {}, at = NOW, from = nextIp()) {
  return signUp(database.db, { input: parsed(email, extra), ip: from, now: at, appUrl });
}

/** Everything a sign-up or a decision may write, but the sign-up limits' own rows. */
async function snapshot(): Promise<string> {
  const [state] = await rows(
    database.db,
    sql`select
      (select count(*)::int from families) as families,
      (select string_agg(id || ':' || status || ':' || coalesce(sector_id, 0) || ':' || coalesce(refusal_reason, ''), ',' order by id)
        from families where status <> 'active') as statuses,
      (select count(*)::int from parents) as parents,
      (select count(*)::int from children) as children,
      (select count(*)::int from accounts) as accounts,
      (select count(*)::int from accounts where email_confirmation_pending) as unconfirmed,
      (select string_agg(id || ':' || coalesce(used_at::text, '-'), ',' order by id) from account_tokens) as tokens,
      (select count(*)::int from email_outbox) as outbox,
      (select count(*)::int from audit_log) as audit`,
  );
  return JSON.stringify(state);
}

async function queued(to: string) {
  return database.db
    .select({ template: emailOutbox.template, payload: emailOutbox.payload })
    .from(emailOutbox)
    .where(eq(emailOutbox.to, to))
    .orderBy(emailOutbox.id);
}

/** The token of the confirmation link sent to `to`, read from the e-mail as the dispatcher renders it. */
async function confirmationToken(to: string): Promise<string> {
  const mail = (await queued(to)).filter((m) => m.template === 'signup-confirmation').at(-1)!;
  const { text } = await renderEmail('signup-confirmation', mail.payload as never);
  return /\/confirmer-mon-adresse\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
}

async function familyOf(email: string) {
  const [row] = await rows<{ id: number; status: string; sector_id: number | null; account_id: number }>(
    database.db,
    sql`select f.id, f.status, f.sector_id, a.id as account_id from families f
        join parents p on p.family_id = f.id join accounts a on a.id = p.account_id where a.email = ${email}`,
  );
  return row!;
}

async function auditActions(familyId: number): Promise<string[]> {
  const found = await database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.familyId, familyId))
    .orderBy(auditLog.id);
  return found.map((r) => r.action);
}

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
};

async function firstSector() {
  const [s] = await database.db.select({ id: sectors.id, name: sectors.name }).from(sectors).orderBy(sectors.id);
  return s!;
}

describe('a family new to the town signs up', () => {
  it('is created « en attente de validation », with an account that cannot sign in before the link', async () => {
    const email = 'nadia.benali@example.fr';
    expect(await signUpAs(email)).toEqual({ ok: true });
    const family = await familyOf(email);
    expect(family.status).toBe('pending');
    expect(family.sector_id).toBeNull();
    const [account] = await database.db.select().from(accounts).where(eq(accounts.id, family.account_id));
    expect(account).toMatchObject({ role: 'parent', firstName: 'Nadia', emailConfirmationPending: true });
    expect(account!.passwordHash).toMatch(/^\$argon2id\$/);
    const [people] = await rows<{ parents: number; children: string }>(
      database.db,
      sql`select (select count(*)::int from parents where family_id = ${family.id}) as parents,
                 (select string_agg(first_name || ' ' || birth_date, ',') from children where family_id = ${family.id}) as children`,
    );
    expect(people).toEqual({ parents: 2, children: 'Inès 2019-05-12' });
    expect((await queued(email)).map((m) => m.template)).toEqual(['signup-confirmation']);
    expect(await auditActions(family.id)).toEqual(['family.signup']);
    // the right password, but the address is not confirmed: no session
    expect(await authenticate(database.db, { email, password: 'une-phrase-de-passe', ip: nextIp() })).toEqual({
      ok: false,
      reason: 'unconfirmed',
    });
    // a wrong one says only « incorrect »
    expect(await authenticate(database.db, { email, password: 'pas-la-bonne', ip: nextIp() })).toMatchObject({
      reason: 'invalid',
    });
  });

  it('costs the same statements for one child or three', async () => {
    statements = 0;
    await signUpAs('un.enfant@example.fr');
    const one = statements;
    // the limits (3), the account, the family, the parents, the children, the link (2), the e-mail, the journal
    expect(one).toBe(11);
    statements = 0;
    const kid = (firstName: string) => ({ firstName, lastName: 'Trois', birthDate: '2018-01-02', schoolId: '' });
    await signUpAs('trois.enfants@example.fr', { child0: kid('A'), child1: kid('B'), child2: kid('C') });
    expect(statements).toBe(one);
  });

  it('confirms its address once: a second use of the link is refused and writes nothing', async () => {
    const email = 'confirme.une.fois@example.fr';
    await signUpAs(email);
    const token = await confirmationToken(email);
    expect(await confirmEmail(database.db, { token, now: hours(1) })).toEqual({ email });
    const family = await familyOf(email);
    expect(await auditActions(family.id)).toEqual(['family.signup', 'account.confirm_email']);
    const signedIn = await authenticate(database.db, { email, password: 'une-phrase-de-passe', ip: nextIp() });
    expect(signedIn).toMatchObject({ ok: true, user: { role: 'parent', familyId: family.id } });

    const before = await snapshot();
    const again = await refusal(confirmEmail(database.db, { token, now: hours(2) }));
    expect(again.code).toBe('signup_link_invalid');
    expect(again.message).toMatch(/^Ce lien de confirmation n'est plus valable : il a déjà servi ou il a expiré\./);
    expect(await snapshot()).toBe(before);
  });

  it('refuses an expired link (48 hours) and writes nothing', async () => {
    const email = 'lien.expire@example.fr';
    await signUpAs(email);
    const token = await confirmationToken(email);
    const before = await snapshot();
    expect((await refusal(confirmEmail(database.db, { token, now: hours(48) }))).code).toBe('signup_link_invalid');
    expect((await refusal(confirmEmail(database.db, { token: 'x'.repeat(43), now: hours(1) }))).code).toBe(
      'signup_link_invalid',
    );
    expect(await snapshot()).toBe(before);
    // « Mot de passe oublié ? » is the way out: its link proves the address too
    await requestPasswordReset(database.db, { email, ip: nextIp(), now: hours(49), appUrl });
    const reset = (await queued(email)).filter((m) => m.template === 'password-reset').at(-1)!;
    const { text } = await renderEmail('password-reset', reset.payload as never);
    const resetToken = /\/reinitialisation\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
    await setPasswordWithToken(database.db, {
      token: resetToken,
      kind: 'password_reset',
      password: 'une-autre-phrase',
      now: hours(49),
    });
    expect(await authenticate(database.db, { email, password: 'une-autre-phrase', ip: nextIp() })).toMatchObject({
      ok: true,
    });
  });
});

describe('a sign-up with an address already used', () => {
  it('answers the same, creates nothing, and only tells the owner', async () => {
    const email = DEMO_ACCOUNTS.parent.email;
    const before = await snapshot();
    const outboxBefore = (await queued(email)).length;
    expect(await signUpAs(email.toUpperCase())).toEqual({ ok: true });
    const after = JSON.parse(await snapshot()) as Record<string, unknown>;
    // one e-mail more (the owner's notice); no family, parent, child, account, link or journal row
    expect(after).toEqual({
      ...(JSON.parse(before) as object),
      outbox: (JSON.parse(before) as { outbox: number }).outbox + 1,
    });
    const mails = await queued(email);
    expect(mails).toHaveLength(outboxBefore + 1);
    expect(mails.at(-1)!.template).toBe('signup-existing-account');
    const notice = await renderEmail('signup-existing-account', mails.at(-1)!.payload as never);
    expect(notice.text).toContain(
      'Un compte existe déjà pour cette adresse : aucun nouvel espace n’a été créé.'.replace('’', "'"),
    );
    // the owner's password still opens the account
    expect(
      await authenticate(database.db, { email, password: DEMO_ACCOUNTS.parent.password, ip: nextIp() }),
    ).toMatchObject({ ok: true });
  });

  it('is answered the same through the form: « Vérifiez votre boîte e-mail » for a new address and a used one', async () => {
    const { signUpAction } = await import('@/app/(public)/creer-mon-espace/actions');
    const answer = async (email: string) => {
      requestHeaders.value = new Headers({ 'x-portail-peer': nextIp() });
      return signUpAction(typed(email)).then(
        (v) => JSON.stringify(v),
        (e: { digest?: string }) => String(e.digest),
      );
    };
    const fresh = await answer('par.le.formulaire@example.fr');
    const taken = await answer(DEMO_ACCOUNTS.neighbour.email);
    expect(fresh).toMatch(/^NEXT_REDIRECT;\w+;\/creer-mon-espace\/envoye;/);
    expect(taken).toBe(fresh);
  });
});

describe('invalid fields', () => {
  const messages = (input: Record<string, unknown>) => {
    const result = signupSchema(TODAY).safeParse(input);
    expect(result.success).toBe(false);
    return Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message] as const)) as Record<
      string,
      string
    >;
  };

  it('are each refused in French, by field', () => {
    expect(
      messages(
        typed('pas-une-adresse', {
          firstName: ' ',
          phone: '12',
          postalCode: '9100',
          confirmation: 'autre-chose-encore',
          otherParent: { firstName: 'Karim', lastName: '', email: 'karim@', phone: '' },
          child0: { firstName: 'Inès', lastName: '', birthDate: '2030-01-01', schoolId: '' },
          child1: { firstName: 'Adam', lastName: 'Benali', birthDate: '31/02/2020', schoolId: 'x' },
        }),
      ),
    ).toEqual({
      firstName: 'Indiquez votre prénom.',
      phone: 'Indiquez un numéro de téléphone où le Guichet famille peut vous joindre, par exemple 06 12 34 56 78.',
      email: 'Indiquez votre adresse e-mail sous la forme nom@example.fr.',
      postalCode: 'Indiquez le code postal : 5 chiffres, par exemple 91000.',
      confirmation: 'Les deux mots de passe ne sont pas identiques.',
      'otherParent.lastName': 'Autre parent : indiquez son nom, ou laissez vides tous ses champs.',
      'otherParent.email':
        'Autre parent : son adresse e-mail n’est pas valide (exemple : prenom.nom@example.fr).'.replace('’', "'"),
      'child0.lastName': 'Enfant 1 : indiquez son nom.',
      'child0.birthDate': "Enfant 1 : la date de naissance doit être passée, et l'enfant avoir moins de 18 ans.",
      'child1.birthDate': 'Enfant 2 : indiquez sa date de naissance (JJ/MM/AAAA).',
      'child1.schoolId': 'Enfant 2 : choisissez une école de la liste, ou « Pas encore scolarisé(e) ou autre école ».',
    });
  });

  it('need the first child and a password of 10 characters', () => {
    const empty = { firstName: '', lastName: '', birthDate: '', schoolId: '' };
    expect(messages(typed('a@example.fr', { child0: empty, password: 'court', confirmation: 'court' }))).toEqual({
      password: 'Le mot de passe doit contenir au moins 10 caractères.',
      'child0.firstName': 'Enfant 1 : indiquez son prénom.',
      'child0.lastName': 'Enfant 1 : indiquez son nom.',
      'child0.birthDate': 'Enfant 1 : indiquez sa date de naissance (JJ/MM/AAAA).',
    });
  });

  it('come back from the form with every field typed but the passwords, and write nothing', async () => {
    const { signUpAction } = await import('@/app/(public)/creer-mon-espace/actions');
    const before = await snapshot();
    const [limitRows] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from login_attempts`);
    const state = (await signUpAction(typed('formulaire@example.fr', { postalCode: 'abc' }))) as {
      ok: false;
      formError: string;
      fieldErrors: Record<string, string[]>;
      details: Record<string, string>;
    };
    expect(state.ok).toBe(false);
    expect(state.formError).toBe('Certaines informations ne sont pas valides.');
    expect(state.fieldErrors).toEqual({ postalCode: ['Indiquez le code postal : 5 chiffres, par exemple 91000.'] });
    expect(state.details).toMatchObject({
      email: 'formulaire@example.fr',
      'child0.firstName': 'Inès',
      postalCode: 'abc',
    });
    expect(state.details).not.toHaveProperty('password');
    expect(state.details).not.toHaveProperty('confirmation');
    expect(await snapshot()).toBe(before);
    const [limitRowsAfter] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from login_attempts`);
    expect(limitRowsAfter!.n).toBe(limitRows!.n);
  });

  it('refuses a school that is not one of the town and writes nothing', async () => {
    const before = await snapshot();
    const error = await refusal(
      signUpAs('ecole.inconnue@example.fr', {
        child0: { firstName: 'Inès', lastName: 'Benali', birthDate: '2019-05-12', schoolId: '999999' },
      }),
    );
    expect(error.code).toBe('school_not_found');
    expect(await snapshot()).toBe(before);
  });
});

describe('the limits of sign-ups', () => {
  it('hold an address after 3 sign-ups in an hour, whoever owns it, and the refusal writes nothing', async () => {
    const email = 'limite@example.fr';
    for (let i = 0; i < SIGNUP_LIMITS.perEmail; i += 1) expect(await signUpAs(email)).toEqual({ ok: true });
    const before = await snapshot();
    expect(await signUpAs(email, {}, hours(0.5))).toEqual({ ok: false, reason: 'rate_limited', retryAfterMinutes: 30 });
    expect(await snapshot()).toBe(before);
    // the hour past, the address may try again (its owner gets a notice, nothing is created)
    expect(await signUpAs(email, {}, hours(1.01))).toEqual({ ok: true });
  });

  it('hold a client address after 20 sign-ups in an hour', async () => {
    const from = '198.51.100.99';
    for (let i = 0; i < SIGNUP_LIMITS.perAddress; i += 1)
      expect(await signUpAs(`voisin.${i}@example.fr`, {}, NOW, from)).toEqual({ ok: true });
    expect(await signUpAs('voisin.x@example.fr', {}, NOW, from)).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await signUpAs('voisin.x@example.fr', {}, NOW, nextIp())).toEqual({ ok: true });
  });
});

describe('a family waiting for the Guichet famille', () => {
  it('can enrol in nothing and start no démarche, whoever asks', async () => {
    const email = 'en.attente@example.fr';
    await signUpAs(email);
    const family = await familyOf(email);
    const [child] = await rows<{ id: number }>(
      database.db,
      sql`select id from children where family_id = ${family.id}`,
    );
    const who = { familyId: family.id, accountId: family.account_id, childId: child!.id, today: TODAY, now: NOW };
    const before = await snapshot();
    for (const service of ['cantine', 'mercredi', 'vacances'] as const) {
      const enrol = await refusal(startEnrolmentDraft(database.db, { ...who, service }));
      expect(enrol.code).toBe('family_pending');
      expect(enrol.message).toMatch(/^Votre espace famille est en attente de validation par le Guichet famille/);
      expect((await refusal(startReservationDraft(database.db, { ...who, service }))).code).toBe('family_pending');
      expect((await refusal(startSiblingDrafts(database.db, { ...who, childIds: [child!.id], service }))).code).toBe(
        'family_pending',
      );
      // the agent at the desk too: validate the family first
      expect((await refusal(startEnrolmentDraft(database.db, { ...who, service, onBehalf: true }))).code).toBe(
        'family_pending',
      );
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('the back office', () => {
  it('lists the pending families whose address is confirmed, and counts them on the dashboard', async () => {
    const email = 'a.valider@example.fr';
    await signUpAs(email);
    const family = await familyOf(email);
    expect((await listPendingFamilies(database.db)).map((f) => f.id)).not.toContain(family.id);
    const count = await countPendingFamilies(database.db);
    await confirmEmail(database.db, { token: await confirmationToken(email), now: hours(1) });
    const listed = await listPendingFamilies(database.db);
    expect(listed.find((f) => f.id === family.id)).toMatchObject({
      name: 'Benali',
      parentName: 'Nadia Benali',
      email,
      phone: '06 12 34 56 78',
      children: 1,
      city: 'Belleval',
    });
    expect(await countPendingFamilies(database.db)).toBe(count + 1);
    expect((await keyFigures(database.db, null)).pendingFamilies).toBe(count + 1);
  });

  it('validates a family with its sector: e-mailed, journaled, and the family may enrol; twice is refused', async () => {
    const email = 'validee@example.fr';
    await signUpAs(email);
    await confirmEmail(database.db, { token: await confirmationToken(email), now: hours(1) });
    const family = await familyOf(email);
    const agent = await demoAgent(database.db);
    const sector = await firstSector();
    const ctx = { now: NOW, appUrl };

    const missing = await refusal(validateFamily(database.db, agent, { familyId: family.id, sectorId: '' }, ctx));
    expect(missing.message).toBe('Choisissez le secteur de la famille.');

    statements = 0;
    await validateFamily(database.db, agent, { familyId: String(family.id), sectorId: String(sector.id) }, ctx);
    expect(statements).toBe(5); // the sector, the decision, the recipient, the e-mail, the journal
    expect(await familyOf(email)).toMatchObject({ status: 'active', sector_id: sector.id });
    const mail = (await queued(email)).at(-1)!;
    expect(mail.template).toBe('family-validated');
    const rendered = await renderEmail('family-validated', mail.payload as never);
    expect(rendered.subject).toBe('Votre espace famille est validé – Portail Famille');
    expect(rendered.text).toContain(`secteur ${sector.name}`);
    expect(await auditActions(family.id)).toEqual(['family.signup', 'account.confirm_email', 'family.validate']);

    const before = await snapshot();
    expect(
      (await refusal(validateFamily(database.db, agent, { familyId: family.id, sectorId: sector.id }, ctx))).code,
    ).toBe('family_not_pending');
    expect(
      (await refusal(refuseFamily(database.db, agent, { familyId: family.id, reason: 'Trop tard' }, ctx))).code,
    ).toBe('family_not_pending');
    expect(await snapshot()).toBe(before);

    const [child] = await rows<{ id: number }>(
      database.db,
      sql`select id from children where family_id = ${family.id}`,
    );
    const { requestId } = await startEnrolmentDraft(database.db, {
      familyId: family.id,
      accountId: family.account_id,
      childId: child!.id,
      service: 'mercredi',
      today: TODAY,
      now: NOW,
    });
    expect(requestId).toBeGreaterThan(0);
  });

  it('refuses a family with a required reason: e-mailed and journaled; the family stays unable to enrol', async () => {
    const email = 'refusee@example.fr';
    await signUpAs(email);
    await confirmEmail(database.db, { token: await confirmationToken(email), now: hours(1) });
    const family = await familyOf(email);
    const agent = await demoAgent(database.db);
    const ctx = { now: NOW, appUrl };

    const before = await snapshot();
    const noReason = await refusal(refuseFamily(database.db, agent, { familyId: family.id, reason: '  ' }, ctx));
    expect(noReason.message).toBe('Indiquez le motif du refus : il est envoyé à la famille.');
    expect(await snapshot()).toBe(before);

    const reason = "L'adresse indiquée n'est pas sur la commune.";
    await refuseFamily(database.db, agent, { familyId: family.id, reason }, ctx);
    const [row] = await database.db
      .select({ status: families.status, reason: families.refusalReason })
      .from(families)
      .where(eq(families.id, family.id));
    expect(row).toEqual({ status: 'refused', reason });
    const mail = (await queued(email)).at(-1)!;
    expect(mail.template).toBe('family-refused');
    expect((await renderEmail('family-refused', mail.payload as never)).text).toContain(reason);
    expect(await auditActions(family.id)).toEqual(['family.signup', 'account.confirm_email', 'family.refuse']);

    const [child] = await rows<{ id: number }>(
      database.db,
      sql`select id from children where family_id = ${family.id}`,
    );
    const start = startEnrolmentDraft(database.db, {
      familyId: family.id,
      accountId: family.account_id,
      childId: child!.id,
      service: 'mercredi',
      today: TODAY,
      now: NOW,
    });
    expect((await refusal(start)).code).toBe('family_refused');
  });

  it('cannot decide on a family whose address is not confirmed yet', async () => {
    const email = 'pas.confirmee@example.fr';
    await signUpAs(email);
    const family = await familyOf(email);
    const agent = await demoAgent(database.db);
    const before = await snapshot();
    const sector = await firstSector();
    const error = await refusal(
      validateFamily(database.db, agent, { familyId: family.id, sectorId: sector.id }, { now: NOW, appUrl }),
    );
    expect(error.code).toBe('family_not_pending');
    expect(await snapshot()).toBe(before);
  });
});
