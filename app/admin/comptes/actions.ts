'use server';

// "Comptes": administrators open, invite again, disable and enable agents', administrators' and animateurs' accounts,
// and change an animateur's sites; any agent
// invites a parent. Each action: action() (session, role, zod, one FormState), one use-case in a transaction, then
// the invitation e-mail leaves after the commit.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import {
  createStaffAccount,
  createStaffSchema,
  inviteParent,
  resendStaffInvitation,
  setAnimateurSites,
  setAnimateurSitesSchema,
  setStaffAccountDisabled,
} from '@/lib/accounts/invitations';
import { action } from '@/lib/action';
import { wallNow } from '@/lib/clock';
import { requestBaseUrl } from '@/lib/email/base-url';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { idSchema } from '@/lib/ids';

// a search typed on the page, kept when coming back to it
const backTo = (q: unknown) =>
  typeof q === 'string' && q.trim() ? `&q=${encodeURIComponent(q.trim().slice(0, 100))}` : '';

/** « Créer le compte » (administrators): the account, then its invitation. */
export const createStaffAccountAction = action({ role: 'admin', input: createStaffSchema }, async (input, user) => {
  const appUrl = await requestBaseUrl();
  const { accountId } = await (
    await getDb()
  ).transaction((tx) => createStaffAccount(tx, { actor: user, input, now: wallNow(), appUrl }));
  after(() => kickDispatcher({ accountId }));
  revalidatePath('/admin/comptes');
  redirect('/admin/comptes?fait=cree');
});

/** « Renvoyer l'invitation » of an agent (administrators): a new link, the previous one stops working. */
export const resendStaffInvitationAction = action(
  { role: 'admin', input: z.object({ accountId: idSchema }) },
  async ({ accountId }, user) => {
    const appUrl = await requestBaseUrl();
    await (
      await getDb()
    ).transaction((tx) => resendStaffInvitation(tx, { actor: user, accountId, now: wallNow(), appUrl }));
    after(() => kickDispatcher({ accountId }));
    revalidatePath('/admin/comptes');
    redirect('/admin/comptes?fait=invitation');
  },
);

/** « Désactiver » / « Réactiver » (administrators). */
export const setStaffAccountDisabledAction = action(
  {
    role: 'admin',
    input: z.object({ accountId: idSchema, disabled: z.enum(['1', '0']).transform((v) => v === '1') }),
  },
  async ({ accountId, disabled }, user) => {
    await (
      await getDb()
    ).transaction((tx) => setStaffAccountDisabled(tx, { actor: user, accountId, disabled, now: wallNow() }));
    revalidatePath('/admin/comptes');
    redirect(`/admin/comptes?fait=${disabled ? 'desactive' : 'reactive'}`);
  },
);

/** « Enregistrer les structures » of an animateur (administrators): the sites whose « Pointage » they reach. */
export const setAnimateurSitesAction = action(
  { role: 'admin', input: setAnimateurSitesSchema },
  async ({ accountId, siteIds }, user) => {
    await (
      await getDb()
    ).transaction((tx) => setAnimateurSites(tx, { actor: user, accountId, siteIds: siteIds ?? [], now: wallNow() }));
    revalidatePath('/admin/comptes');
    redirect('/admin/comptes?fait=structures');
  },
);

/**
 * « Inviter » a parent (any agent): the account is created and linked when missing. From a family's page (a
 * `familyId` comes with the form), the agent stays on that page; from « Comptes », on the search.
 */
export const inviteParentAction = action(
  {
    role: 'staff',
    input: z.object({
      parentId: idSchema,
      familyId: idSchema.optional().catch(undefined),
      q: z.string().optional().catch(undefined),
    }),
  },
  async ({ parentId, familyId, q }, user) => {
    const appUrl = await requestBaseUrl();
    const { accountId } = await (
      await getDb()
    ).transaction((tx) => inviteParent(tx, { actor: user, parentId, now: wallNow(), appUrl }));
    after(() => kickDispatcher({ accountId }));
    if (familyId !== undefined) {
      revalidatePath(`/admin/familles/${familyId}`);
      redirect(`/admin/familles/${familyId}?fait=invitation`);
    }
    revalidatePath('/admin/comptes');
    redirect(`/admin/comptes?fait=parent${backTo(q)}`);
  },
);
