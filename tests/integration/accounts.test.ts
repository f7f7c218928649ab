// Accounts on a real database: an agent invites a parent (7-day single-use link, sent again = old link dead),
// "Mot de passe oublié ?" (same answer for anyone, 1-hour single-use link, limits), and what only an administrator may do.
// No staff member can read a live link: the outbox holds a nonce, the mailbox reads « lien masqué », and the live
// link exists only in the e-mail handed to the transport (and, outside a real deployment, in MAIL_DEV_DIR).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rows } from '@/db/client';
import { accounts, accountTokens, auditLog, emailOutbox, mailbox, parents } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/lib/demo/seed';
import {
  createStaffAccount,
  createStaffSchema,
  inviteParent,
  listStaffAccounts,
  setAnimateurSites,
  setAnimateurSitesSchema,
  setStaffAccountDisabled,
  type Actor,
} from '@/lib/accounts/invitations';
import { linkToken } from '@/lib/email/link-token';
import { RESET_LIMITS, requestPasswordReset } from '@/lib/accounts/password-reset';
import {
  findValidToken,
  hashToken,
  INVALID_LINK,
  newPasswordSchema,
  setPasswordWithToken,
} from '@/lib/accounts/tokens';
import { authenticate } from '@/lib/auth/authenticate';
import { dispatchPending } from '@/lib/email/dispatcher';
import { renderEmail } from '@/lib/email/render';
import { UserError } from '@/lib/errors';
import { createDemoDatabase, type TestDatabase } from '../support/db';

// The server action's session: a staff member (hoisted above the imports by Vitest).
const session = vi.hoisted(() => ({
  user: null as null | {
    id: number;
    email: string;
    firstName: string;
    lastName: string;
    role: 'staff' | 'admin';
    familyId: null;
  },
}));
vi.mock('server-only', () => ({}));
vi.mock('@/lib/auth/session', () => ({
  requireStaff: async () => session.user,
  requireParent: async () => {
    throw new Error('not a parent');
  },
  currentUser: async () => session.user,
}));

let database: TestDatabase;
let mailDir: string;
let staff: Actor;
let admin: Actor;
const appUrl = 'http://localhost:3000';
const NOW = new Date('2026-11-29T09:00:00Z');
const hours = (n: number) => new Date(NOW.getTime() + n * 3600_000);

beforeAll(async () => {
  vi.stubEnv('AUTH_SECRET', 'integration-tests-secret-0123456789abcdef');
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portail-mail-'));
  vi.stubEnv('MAIL_DEV_DIR', mailDir);
  vi.stubEnv('APP_URL', appUrl); // the local demo's address: not a real deployment
  database = await createDemoDatabase();
  const found = await database.db
    .select({ id: accounts.id, role: accounts.role })
    .from(accounts)
    .where(sql`${accounts.role} in ('staff', 'admin')`);
  staff = { id: found.find((a) => a.role === 'staff')!.id, role: 'staff' };
  admin = { id: found.find((a) => a.role === 'admin')!.id, role: 'admin' };
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await database?.close();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

/** The last e-mail queued to `to` with `template`. */
async function lastQueued(to: string, template: 'invitation' | 'password-reset') {
  const [row] = await database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.to, to), eq(emailOutbox.template, template)))
    .orderBy(sql`${emailOutbox.id} desc`)
    .limit(1);
  return row!;
}

async function outboxRow(id: number) {
  const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

/** The token of the last e-mail queued to `to` with `template`, read from its link as the dispatcher renders it. */
async function lastLinkTo(to: string, template: 'invitation' | 'password-reset'): Promise<string> {
  const { text } = await renderEmail(template, (await lastQueued(to, template)).payload);
  const link = /https?:\/\/\S+\/(?:activation|reinitialisation)\/([A-Za-z0-9_-]{43})/.exec(text);
  return link![1]!;
}

const outboxCount = async () =>
  (await rows<{ n: number }>(database.db, sql`select count(*)::int as n from email_outbox`))[0]!.n;

async function newParentWithoutAccount(email: string): Promise<number> {
  const [family] = await rows<{ id: number }>(database.db, sql`select id from families order by id limit 1`);
  const [parent] = await database.db
    .insert(parents)
    .values({ familyId: family!.id, firstName: 'Nadia', lastName: 'Benali', email })
    .returning({ id: parents.id });
  return parent!.id;
}

describe('the Journal follows the portal’s clock', () => {
  // APP_NOW only: vi.unstubAllEnvs() would also take back the file's MAIL_DEV_DIR
  const before = process.env.APP_NOW;
  afterEach(() => {
    if (before === undefined) delete process.env.APP_NOW;
    else process.env.APP_NOW = before;
  });

  it('dates an account’s audit rows at APP_NOW, while its link expires by the wall clock', async () => {
    process.env.APP_NOW = '2027-03-01T08:30:00+01:00';
    const wall = new Date('2026-12-01T03:00:00Z');
    const parentId = await newParentWithoutAccount('clock.journal@example.fr');
    const { accountId } = await database.db.transaction((tx) =>
      inviteParent(tx, { actor: staff, parentId, now: wall, appUrl }),
    );
    const audit = await database.db
      .select({ at: auditLog.at, action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'account'), eq(auditLog.entityId, String(accountId))));
    expect(audit.map((a) => a.action).sort()).toEqual(['account.create', 'account.invite']);
    for (const a of audit) expect(a.at.toISOString()).toBe('2027-03-01T07:30:00.000Z');
    const invite = audit.find((a) => a.action === 'account.invite')!.after as { expiresAt: string };
    expect(new Date(invite.expiresAt).getTime()).toBeGreaterThan(wall.getTime());
    expect(new Date(invite.expiresAt).getTime()).toBeLessThan(new Date('2027-01-01').getTime());
  });
});

describe('an agent invites a parent who has no account', () => {
  it('creates the account, links it to the parent and queues an invitation whose link works once', async () => {
    const parentId = await newParentWithoutAccount('nadia.benali@example.fr');
    const { accountId, created } = await database.db.transaction((tx) =>
      inviteParent(tx, { actor: staff, parentId, now: NOW, appUrl }),
    );
    expect(created).toBe(true);
    const [parent] = await database.db
      .select({ accountId: parents.accountId })
      .from(parents)
      .where(eq(parents.id, parentId));
    expect(parent!.accountId).toBe(accountId);

    const token = await lastLinkTo('nadia.benali@example.fr', 'invitation');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // only the hash is stored
    const stored = await database.db
      .select({ hash: accountTokens.tokenHash })
      .from(accountTokens)
      .where(eq(accountTokens.accountId, accountId));
    expect(stored).toEqual([{ hash: hashToken(token) }]);
    expect(JSON.stringify(stored)).not.toContain(token);

    const mail = await renderEmail(
      'invitation',
      (
        await database.db
          .select({ p: emailOutbox.payload })
          .from(emailOutbox)
          .where(eq(emailOutbox.to, 'nadia.benali@example.fr'))
      )[0]!.p,
    );
    expect(mail.text).toContain(`${appUrl}/activation/${token}`);

    expect(await findValidToken(database.db, { token, kind: 'invitation', now: hours(1) })).toMatchObject({
      accountId,
    });
    // a reset token is not an invitation
    expect(await findValidToken(database.db, { token, kind: 'password_reset', now: hours(1) })).toBeNull();
    await setPasswordWithToken(database.db, { token, kind: 'invitation', password: 'Bienvenue-2026', now: hours(1) });
    expect(
      (await authenticate(database.db, { email: 'nadia.benali@example.fr', password: 'Bienvenue-2026', ip: 't1' })).ok,
    ).toBe(true);

    await expect(
      setPasswordWithToken(database.db, { token, kind: 'invitation', password: 'Autre-mot-2026', now: hours(2) }),
    ).rejects.toThrow(INVALID_LINK);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'account.activate'), eq(auditLog.entityId, String(accountId))));
    expect(audit).toBeDefined();
  });

  it('refuses a link after 7 days, with the same message as an unknown link', async () => {
    const parentId = await newParentWithoutAccount('late.parent@example.fr');
    await database.db.transaction((tx) => inviteParent(tx, { actor: staff, parentId, now: NOW, appUrl }));
    const token = await lastLinkTo('late.parent@example.fr', 'invitation');
    expect(await findValidToken(database.db, { token, kind: 'invitation', now: hours(7 * 24 - 1) })).not.toBeNull();
    const late = setPasswordWithToken(database.db, {
      token,
      kind: 'invitation',
      password: 'Trop-tard-2026',
      now: hours(7 * 24 + 1),
    });
    await expect(late).rejects.toBeInstanceOf(UserError);
    await expect(late).rejects.toThrow(INVALID_LINK);
    await expect(
      setPasswordWithToken(database.db, {
        token: 'x'.repeat(43),
        kind: 'invitation',
        password: 'Inconnu-2026',
        now: NOW,
      }),
    ).rejects.toThrow(INVALID_LINK);
  });

  it('sends again: the new link works and the old one no longer does', async () => {
    const parentId = await newParentWithoutAccount('again.parent@example.fr');
    const first = await database.db.transaction((tx) => inviteParent(tx, { actor: staff, parentId, now: NOW, appUrl }));
    const oldToken = await lastLinkTo('again.parent@example.fr', 'invitation');
    const second = await database.db.transaction((tx) =>
      inviteParent(tx, { actor: staff, parentId, now: hours(1), appUrl }),
    );
    expect(second).toEqual({ accountId: first.accountId, created: false });
    const newToken = await lastLinkTo('again.parent@example.fr', 'invitation');
    expect(newToken).not.toBe(oldToken);
    await expect(
      setPasswordWithToken(database.db, {
        token: oldToken,
        kind: 'invitation',
        password: 'Ancien-lien-2026',
        now: hours(2),
      }),
    ).rejects.toThrow(INVALID_LINK);
    await expect(
      setPasswordWithToken(database.db, {
        token: newToken,
        kind: 'invitation',
        password: 'Nouveau-lien-2026',
        now: hours(2),
      }),
    ).resolves.toMatchObject({ accountId: first.accountId });
  });

  it('accepts 10 characters typed twice the same, and nothing shorter or different', () => {
    expect(newPasswordSchema.safeParse({ password: 'abcdefghij', confirmation: 'abcdefghij' }).success).toBe(true);
    const short = newPasswordSchema.safeParse({ password: 'abcdefghi', confirmation: 'abcdefghi' });
    expect(short.error?.issues[0]?.message).toMatch(/au moins 10 caractères/);
    const different = newPasswordSchema.safeParse({ password: 'abcdefghij', confirmation: 'abcdefghik' });
    expect(different.error?.issues[0]?.message).toMatch(/ne sont pas identiques/);
  });
});

describe('« Mot de passe oublié ? »', () => {
  const martin = DEMO_ACCOUNTS.parent;

  it('answers the same for an unknown address, and queues nothing', async () => {
    const before = await outboxCount();
    const result = await requestPasswordReset(database.db, {
      email: 'personne@example.fr',
      ip: 'r1',
      now: NOW,
      appUrl,
    });
    expect(result).toEqual({ ok: true });
    expect(await outboxCount()).toBe(before);
  });

  it("queues an e-mail for a known address; the link works once, the new password signs in, the old one doesn't, and every session ends", async () => {
    const [account] = await database.db
      .select({ id: accounts.id, v: accounts.sessionVersion })
      .from(accounts)
      .where(eq(accounts.email, martin.email));
    const result = await requestPasswordReset(database.db, {
      email: ' Famille.Martin@example.fr ',
      ip: 'r2',
      now: NOW,
      appUrl,
    });
    expect(result).toEqual({ ok: true });
    const token = await lastLinkTo(martin.email, 'password-reset');
    const [queued] = await database.db
      .select({ p: emailOutbox.payload })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.to, martin.email), eq(emailOutbox.template, 'password-reset')));
    const mail = await renderEmail('password-reset', queued!.p);
    expect(mail.subject).toMatch(/nouveau mot de passe/);
    expect(mail.text).toContain(`${appUrl}/reinitialisation/${token}`);

    await setPasswordWithToken(database.db, {
      token,
      kind: 'password_reset',
      password: 'Nouveau-2026!',
      now: hours(0.5),
    });
    expect((await authenticate(database.db, { email: martin.email, password: 'Nouveau-2026!', ip: 'r2' })).ok).toBe(
      true,
    );
    expect(await authenticate(database.db, { email: martin.email, password: martin.password, ip: 'r2' })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const [after] = await database.db
      .select({ v: accounts.sessionVersion })
      .from(accounts)
      .where(eq(accounts.id, account!.id));
    expect(after!.v).toBe(account!.v + 1);

    await expect(
      setPasswordWithToken(database.db, { token, kind: 'password_reset', password: 'Encore-2026!', now: hours(0.6) }),
    ).rejects.toThrow(INVALID_LINK);
    const [audit] = await database.db
      .select({ actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'account.password_reset'), eq(auditLog.entityId, String(account!.id))));
    expect(audit!.actorId).toBe(account!.id);
  });

  it('refuses the link after one hour', async () => {
    await requestPasswordReset(database.db, { email: DEMO_ACCOUNTS.neighbour.email, ip: 'r3', now: NOW, appUrl });
    const token = await lastLinkTo(DEMO_ACCOUNTS.neighbour.email, 'password-reset');
    await expect(
      setPasswordWithToken(database.db, {
        token,
        kind: 'password_reset',
        password: 'Trop-tard-2026',
        now: hours(1.01),
      }),
    ).rejects.toThrow(INVALID_LINK);
    expect(
      (
        await authenticate(database.db, {
          email: DEMO_ACCOUNTS.neighbour.email,
          password: DEMO_ACCOUNTS.neighbour.password,
          ip: 'r3',
        })
      ).ok,
    ).toBe(true);
  });

  it('limits the requests per address typed, known or not, and per network address', async () => {
    for (let i = 0; i < RESET_LIMITS.perEmail; i += 1) {
      expect(
        await requestPasswordReset(database.db, { email: 'limite@example.fr', ip: `r4-${i}`, now: NOW, appUrl }),
      ).toEqual({ ok: true });
    }
    expect(
      await requestPasswordReset(database.db, { email: 'limite@example.fr', ip: 'r4-x', now: NOW, appUrl }),
    ).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(
      await requestPasswordReset(database.db, { email: 'limite@example.fr', ip: 'r4-x', now: hours(1.01), appUrl }),
    ).toEqual({ ok: true });

    for (let i = 0; i < RESET_LIMITS.perAddress; i += 1) {
      await requestPasswordReset(database.db, { email: `x${i}@example.fr`, ip: 'r5', now: NOW, appUrl });
    }
    expect(
      await requestPasswordReset(database.db, { email: 'autre@example.fr', ip: 'r5', now: NOW, appUrl }),
    ).toMatchObject({ ok: false, reason: 'rate_limited' });
  });
});

describe('staff accounts', () => {
  it('an administrator creates an agent, who is invited; an agent cannot, nor disable anyone', async () => {
    const input = {
      firstName: 'Lucie',
      lastName: 'Guichet',
      email: 'Lucie.Guichet@example.fr',
      role: 'staff' as const,
    };
    const { accountId } = await database.db.transaction((tx) =>
      createStaffAccount(tx, { actor: admin, input, now: NOW, appUrl }),
    );
    expect(await lastLinkTo('lucie.guichet@example.fr', 'invitation')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(
      database.db.transaction((tx) => createStaffAccount(tx, { actor: admin, input, now: NOW, appUrl })),
    ).rejects.toThrow(/existe déjà/);

    await expect(
      database.db.transaction((tx) =>
        createStaffAccount(tx, { actor: staff, input: { ...input, email: 'x@example.fr' }, now: NOW, appUrl }),
      ),
    ).rejects.toThrow(/réservée aux administrateurs/);
    await expect(
      database.db.transaction((tx) =>
        setStaffAccountDisabled(tx, { actor: staff, accountId, disabled: true, now: NOW }),
      ),
    ).rejects.toThrow(/réservée aux administrateurs/);

    await database.db.transaction((tx) =>
      setStaffAccountDisabled(tx, { actor: admin, accountId, disabled: true, now: NOW }),
    );
    const [row] = await database.db
      .select({ disabledAt: accounts.disabledAt })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    expect(row!.disabledAt).not.toBeNull();
    // a disabled account's invitation is gone
    expect(
      await database.db
        .select()
        .from(accountTokens)
        .where(and(eq(accountTokens.accountId, accountId), sql`${accountTokens.usedAt} is null`)),
    ).toEqual([]);
  });

  it('the server action refuses a staff member, and nothing is created', async () => {
    const { createStaffAccountAction } = await import('@/app/admin/comptes/actions');
    session.user = {
      id: staff.id,
      email: DEMO_ACCOUNTS.staff.email,
      firstName: 'Camille',
      lastName: 'Agent',
      role: 'staff',
      familyId: null,
    };
    const form = new FormData();
    form.set('firstName', 'Paul');
    form.set('lastName', 'Refus');
    form.set('email', 'paul.refus@example.fr');
    form.set('role', 'admin');
    const state = await createStaffAccountAction({}, form);
    expect((state as { formError?: string }).formError).toMatch(/réservée aux administrateurs/);
    expect(await database.db.select().from(accounts).where(eq(accounts.email, 'paul.refus@example.fr'))).toEqual([]);
  });
});

describe('a sent link', () => {
  it('leaves the outbox once the e-mail is delivered: the mailbox has it, the outbox no longer its nonce', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {}); // the local demo's lines saying where each live link is
    await requestPasswordReset(database.db, { email: DEMO_ACCOUNTS.admin.email, ip: 'r9', now: NOW, appUrl });
    const queued = await lastQueued(DEMO_ACCOUNTS.admin.email, 'password-reset');
    const nonce = expect.stringMatching(/^[\w-]{22}$/);
    expect(queued.payload).toMatchObject({ linkBase: `${appUrl}/reinitialisation/`, nonce });
    await dispatchPending(database.db);
    const sent = await outboxRow(queued.id);
    expect(sent.status).toBe('sent');
    expect(sent.payload).not.toHaveProperty('nonce');
    expect(sent.payload).not.toHaveProperty('link');
    const [delivered] = await database.db.select().from(mailbox).where(eq(mailbox.outboxId, queued.id));
    expect(delivered!.text).toContain('copiez cette adresse dans votre navigateur : « lien masqué »');
  });
});

describe('no staff member can read a live link', () => {
  /** Whatever in `text` looks like a live link: a link's path followed by a 43-character token. */
  const linksIn = (text: string) => text.match(/(?:activation|reinitialisation)\/[\w-]{43}/g) ?? [];

  it('the outbox holds a nonce, never the token nor the link, for a reset and for an invitation', async () => {
    await requestPasswordReset(database.db, { email: DEMO_ACCOUNTS.staff.email, ip: 's1', now: NOW, appUrl });
    const parentId = await newParentWithoutAccount('secret.parent@example.fr');
    await database.db.transaction((tx) => inviteParent(tx, { actor: staff, parentId, now: NOW, appUrl }));

    const queuedEmails = [
      [DEMO_ACCOUNTS.staff.email, 'password-reset', 'reinitialisation'],
      ['secret.parent@example.fr', 'invitation', 'activation'],
    ] as const;
    for (const [to, template, linkPath] of queuedEmails) {
      const queued = await lastQueued(to, template);
      const payload = queued.payload as { nonce: string; linkBase: string };
      const token = linkToken(payload.nonce);
      // the token the e-mail will carry is the one whose hash the database keeps
      const stored = await database.db
        .select()
        .from(accountTokens)
        .where(eq(accountTokens.tokenHash, hashToken(token)));
      expect(stored, template).toHaveLength(1);
      const json = JSON.stringify(queued.payload);
      expect(json).not.toContain(token);
      expect(linksIn(json)).toEqual([]);
      expect(queued.payload).not.toHaveProperty('link');
      expect(payload.linkBase).toBe(`${appUrl}/${linkPath}/`);
    }
  });

  it('the mailbox keeps « lien masqué »; MAIL_DEV_DIR has the live link, which sets the password once', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const { email } = DEMO_ACCOUNTS.staff;
    await requestPasswordReset(database.db, { email, ip: 's2', now: NOW, appUrl });
    const queued = await lastQueued(email, 'password-reset');
    const token = linkToken((queued.payload as { nonce: string }).nonce);
    await dispatchPending(database.db);

    const [kept] = await database.db.select().from(mailbox).where(eq(mailbox.outboxId, queued.id));
    for (const version of [kept!.html, kept!.text]) {
      expect(version).not.toContain(token);
      expect(version).toContain('« lien masqué »');
    }
    expect(kept!.html).toContain('href="#lien-masque"');
    expect(linksIn(kept!.html + kept!.text)).toEqual([]);
    expect((await outboxRow(queued.id)).payload).not.toHaveProperty('nonce');

    const file = path.join(mailDir, `${queued.id}.txt`);
    const live = fs.readFileSync(file, 'utf8');
    const subject = 'Portail Famille : choisissez un nouveau mot de passe';
    expect(live.startsWith(`To: ${email}\nSubject: ${subject}\n\n`)).toBe(true);
    expect(live).toContain(`${appUrl}/reinitialisation/${token}`);
    expect(info).toHaveBeenCalledWith(expect.stringContaining(file));
    expect(info.mock.calls.flat().join(' ')).not.toContain(token);

    const fromFile = /\/reinitialisation\/([\w-]{43})/.exec(live)![1]!;
    const use = (password: string, at: Date) =>
      setPasswordWithToken(database.db, { token: fromFile, kind: 'password_reset', password, now: at });
    await use('Guichet-2027!', hours(0.5));
    expect((await authenticate(database.db, { email, password: 'Guichet-2027!', ip: 's2' })).ok).toBe(true);
    await expect(use('Encore-2027!', hours(0.6))).rejects.toThrow(INVALID_LINK);
  });

  it('in a real deployment (APP_URL on https://) nothing is written to the folder nor logged', async () => {
    const townUrl = 'https://famille.example.fr';
    vi.stubEnv('APP_URL', townUrl);
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    try {
      const before = fs.readdirSync(mailDir);
      const { email } = DEMO_ACCOUNTS.neighbour;
      await requestPasswordReset(database.db, { email, ip: 's3', now: NOW, appUrl: townUrl });
      const queued = await lastQueued(email, 'password-reset');
      await dispatchPending(database.db);
      expect((await outboxRow(queued.id)).status).toBe('sent');
      expect(fs.readdirSync(mailDir)).toEqual(before);
      expect(info).not.toHaveBeenCalled();
      const [kept] = await database.db.select().from(mailbox).where(eq(mailbox.outboxId, queued.id));
      expect(kept!.text).toContain('« lien masqué »');
    } finally {
      vi.stubEnv('APP_URL', appUrl);
    }
  });
});

describe('an administrator opens an animateur’s account (« Pointage »)', () => {
  it('with its sites in one transaction, audited, invited in French; its sites changed later; no site refused', async () => {
    const sites = await rows<{ id: number; name: string }>(database.db, sql`select id, name from sites order by id`);
    const [tilleuls, moulin] = [sites[0]!, sites[1]!];
    const form = { firstName: 'Nora', lastName: 'Animatrice', email: 'nora.animatrice@example.fr', role: 'animateur' };
    // no site: refused by the form's schema and by the use-case, nothing written
    expect(createStaffSchema.safeParse(form).error?.issues[0]?.message).toBe(
      "Choisissez au moins une structure pour l'animateur.",
    );
    const before = await outboxCount();
    await expect(
      database.db.transaction((tx) =>
        createStaffAccount(tx, {
          actor: admin,
          input: createStaffSchema.parse({ ...form, siteIds: String(9_999_999) }),
          now: NOW,
          appUrl,
        }),
      ),
    ).rejects.toThrow(/Ce site n'existe pas/);
    expect(await outboxCount()).toBe(before);

    const input = createStaffSchema.parse({ ...form, siteIds: String(tilleuls.id) });
    const { accountId } = await database.db.transaction((tx) =>
      createStaffAccount(tx, { actor: admin, input, now: NOW, appUrl }),
    );
    const listed = (await listStaffAccounts(database.db)).find((a) => a.id === accountId)!;
    expect(listed).toMatchObject({ role: 'animateur', sites: [{ id: tilleuls.id, name: tilleuls.name }] });
    // its pending invitation too (« Invitation envoyée, valable jusqu'au … »)
    expect(listed.invitationExpiresAt).toBeInstanceOf(Date);
    const [audit] = await rows<{ after: { role: string; siteIds: number[] } }>(
      database.db,
      sql`select after from audit_log where action = 'account.create' and entity_id = ${String(accountId)}`,
    );
    expect(audit!.after).toMatchObject({ role: 'animateur', siteIds: [tilleuls.id] });
    const { text } = await renderEmail('invitation', (await lastQueued(form.email, 'invitation')).payload);
    expect(text).toContain("Un compte d'animateur vous a été ouvert sur le Portail Famille");

    // its sites changed: both now, audited with before and after
    const change = setAnimateurSitesSchema.parse({
      accountId: String(accountId),
      siteIds: [String(tilleuls.id), String(moulin.id)],
    });
    await database.db.transaction((tx) =>
      setAnimateurSites(tx, { actor: admin, accountId, siteIds: change.siteIds!, now: NOW }),
    );
    expect(
      (await listStaffAccounts(database.db))
        .find((a) => a.id === accountId)!
        .sites.map((s) => s.id)
        .sort(),
    ).toEqual([tilleuls.id, moulin.id].sort());
    const [changed] = await rows<{ before: unknown; after: unknown }>(
      database.db,
      sql`select before, after from audit_log where action = 'account.sites' and entity_id = ${String(accountId)}`,
    );
    expect(changed).toEqual({
      before: { siteIds: [tilleuls.id] },
      after: { siteIds: [tilleuls.id, moulin.id].sort((a, b) => a - b) },
    });
    // an agent cannot; an account that is not an animateur's is not found
    await expect(
      database.db.transaction((tx) =>
        setAnimateurSites(tx, { actor: staff, accountId, siteIds: [tilleuls.id], now: NOW }),
      ),
    ).rejects.toThrow(/réservée aux administrateurs/);
    await expect(
      database.db.transaction((tx) =>
        setAnimateurSites(tx, { actor: admin, accountId: admin.id, siteIds: [tilleuls.id], now: NOW }),
      ),
    ).rejects.toThrow(/introuvable/);
  });
});
