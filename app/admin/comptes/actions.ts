'use server';

// "Comptes": administrators open, invite again, disable and enable agents' and administrators' accounts; any agent
// invites a parent. Each action: staffAction (session, role, zod), one use-case in a transaction, then the
// invitation e-mail leaves after the commit.
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
  setStaffAccountDisabled,
} from '@/lib/accounts/invitations';
import { staffAction, type ActionResult } from '@/lib/action';
import { wallNow } from '@/lib/clock';
import { kickDispatcher } from '@/lib/email/dispatcher';
import { env } from '@/lib/env';
import { idSchema } from '@/lib/ids';

export interface AccountFormState {
  formError?: string;
  fieldErrors?: Record<string, string[] | undefined>;
}

const appUrl = () => env().APP_URL ?? 'http://localhost:3000';
// a search typed on the page, kept when coming back to it
const backTo = (q: unknown) =>
  typeof q === 'string' && q.trim() ? `&q=${encodeURIComponent(q.trim().slice(0, 100))}` : '';

const createStaff = staffAction(
  createStaffSchema,
  async (input, user) =>
    (await getDb()).transaction((tx) =>
      createStaffAccount(tx, { actor: user, input, now: wallNow(), appUrl: appUrl() }),
    ),
  { adminOnly: true },
);

const resendStaff = staffAction(
  z.object({ accountId: idSchema }),
  async ({ accountId }, user) =>
    (await getDb()).transaction((tx) =>
      resendStaffInvitation(tx, { actor: user, accountId, now: wallNow(), appUrl: appUrl() }),
    ),
  { adminOnly: true },
);

const setDisabled = staffAction(
  z.object({ accountId: idSchema, disabled: z.enum(['1', '0']).transform((v) => v === '1') }),
  async ({ accountId, disabled }, user) =>
    (await getDb()).transaction((tx) =>
      setStaffAccountDisabled(tx, { actor: user, accountId, disabled, now: wallNow() }),
    ),
  { adminOnly: true },
);

const inviteParentAction_ = staffAction(z.object({ parentId: idSchema }), async ({ parentId }, user) =>
  (await getDb()).transaction((tx) => inviteParent(tx, { actor: user, parentId, now: wallNow(), appUrl: appUrl() })),
);

function failed<T>(result: ActionResult<T>): AccountFormState {
  return result.ok ? {} : { formError: result.formError, fieldErrors: result.fieldErrors };
}

/** « Créer le compte » (administrators): the account, then its invitation. */
export async function createStaffAccountAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const result = await createStaff(Object.fromEntries(formData));
  if (!result.ok) return failed(result);
  after(() => kickDispatcher({ accountId: result.data.accountId }));
  revalidatePath('/admin/comptes');
  redirect('/admin/comptes?fait=cree');
}

/** « Renvoyer l'invitation » of an agent (administrators): a new link, the previous one stops working. */
export async function resendStaffInvitationAction(
  _prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const result = await resendStaff({ accountId: formData.get('accountId') });
  if (!result.ok) return failed(result);
  after(() => kickDispatcher({ accountId: formData.get('accountId') }));
  revalidatePath('/admin/comptes');
  redirect('/admin/comptes?fait=invitation');
}

/** « Désactiver » / « Réactiver » (administrators). */
export async function setStaffAccountDisabledAction(
  _prev: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const result = await setDisabled({ accountId: formData.get('accountId'), disabled: formData.get('disabled') });
  if (!result.ok) return failed(result);
  revalidatePath('/admin/comptes');
  redirect(`/admin/comptes?fait=${formData.get('disabled') === '1' ? 'desactive' : 'reactive'}`);
}

/**
 * « Inviter » a parent (any agent): the account is created and linked when missing. From a family's page (a
 * `familyId` comes with the form), the agent stays on that page; from « Comptes », on the search.
 */
export async function inviteParentAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const result = await inviteParentAction_({ parentId: formData.get('parentId') });
  if (!result.ok) return failed(result);
  after(() => kickDispatcher({ accountId: result.data.accountId }));
  const family = idSchema.safeParse(formData.get('familyId'));
  if (family.success) {
    revalidatePath(`/admin/familles/${family.data}`);
    redirect(`/admin/familles/${family.data}?fait=invitation`);
  }
  revalidatePath('/admin/comptes');
  redirect(`/admin/comptes?fait=parent${backTo(formData.get('q'))}`);
}
