// Back office « Comptes »: the agents', administrators' and animateurs' accounts (administrators create, invite
// again, disable, enable, and choose an animateur's sites; an agent only reads), and « Inviter un parent » for any agent. The actions check the role again.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { listStaffAccounts, searchParents } from '@/lib/accounts/invitations';
import { reportSites } from '@/lib/structures/sites';
import { requireStaff } from '@/lib/auth/session';
import { wallNow } from '@/lib/clock';
import {
  createStaffAccountAction,
  inviteParentAction,
  resendStaffInvitationAction,
  setAnimateurSitesAction,
  setStaffAccountDisabledAction,
} from './actions';
import { AnimateurSitesForm, CreateAccountForm, RowAction } from './forms';
import { invitationStatus } from './invitation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accounts'))('title') };
}

const DONE = ['cree', 'invitation', 'desactive', 'reactive', 'parent', 'structures'] as const;
type Done = (typeof DONE)[number];

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireStaff();
  const t = await getTranslations('accounts');
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const q = first(params.q).trim().slice(0, 100);
  const done = DONE.find((d) => d === first(params.fait)) as Done | undefined;
  const isAdmin = user.role === 'admin';
  const db = await getDb();
  const [staff, found, sites] = await Promise.all([
    listStaffAccounts(db),
    searchParents(db, { query: q }),
    reportSites(db),
  ]);
  const now = wallNow();
  const pending = (expiresAt: Date | null, hasPassword: boolean) =>
    hasPassword ? null : invitationStatus(t, expiresAt, now);

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <div role="status" className="mt-4 empty:hidden">
        {done && <p className="rounded border-l-4 border-green-700 bg-green-50 p-3">{t(`done.${done}`)}</p>}
      </div>

      <section aria-labelledby="staff-heading" className="mt-8">
        <h2 id="staff-heading" className="text-xl font-bold">
          {t('staffTitle')}
        </h2>
        {!isAdmin && <p className="mt-2 rounded border-l-4 border-slate-500 bg-slate-50 p-3">{t('readOnly')}</p>}
        <ScrollRegion label={t('staffTitle')} className="mt-3">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="p-2">
                  {t('name')}
                </th>
                <th scope="col" className="p-2">
                  {t('email')}
                </th>
                <th scope="col" className="p-2">
                  {t('role')}
                </th>
                <th scope="col" className="p-2">
                  {t('status')}
                </th>
                {isAdmin && (
                  <th scope="col" className="p-2">
                    {t('actions')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {staff.map((a) => {
                const name = `${a.firstName} ${a.lastName}`.trim() || a.email;
                const invitation = pending(a.invitationExpiresAt, a.hasPassword);
                return (
                  <tr key={a.id} className="border-b border-slate-300 align-top">
                    <th scope="row" className="p-2 font-medium">
                      {name} {a.id === user.id && <span className="font-normal text-slate-700">{t('you')}</span>}
                    </th>
                    <td className="break-all p-2">{a.email}</td>
                    <td className="p-2">
                      {t(`roles.${a.role}`)}
                      {a.role === 'animateur' && (
                        <span className="block text-slate-700">
                          {a.sites.length
                            ? t('sitesOf', { sites: a.sites.map((s) => s.name).join(', ') })
                            : t('noSites')}
                        </span>
                      )}
                      {isAdmin && a.role === 'animateur' && (
                        <AnimateurSitesForm
                          action={setAnimateurSitesAction}
                          accountId={a.id}
                          name={name}
                          sites={sites}
                          checked={a.sites.map((s) => s.id)}
                        />
                      )}
                    </td>
                    <td className="p-2">
                      {a.disabledAt ? <span className="font-medium text-red-800">{t('disabled')}</span> : t('active')}
                      {!a.disabledAt && invitation && <span className="block text-slate-700">{invitation}</span>}
                    </td>
                    {isAdmin && (
                      <td className="space-x-2 space-y-2 p-2">
                        {!a.disabledAt && !a.hasPassword && (
                          <RowAction
                            action={resendStaffInvitationAction}
                            hidden={{ accountId: a.id }}
                            label={t('resend')}
                            context={t('resendContext', { name })}
                          />
                        )}
                        {a.id !== user.id &&
                          (a.disabledAt ? (
                            <RowAction
                              action={setStaffAccountDisabledAction}
                              hidden={{ accountId: a.id, disabled: '0' }}
                              label={t('enable')}
                              context={t('enableContext', { name })}
                              tone="secondary"
                            />
                          ) : (
                            <RowAction
                              action={setStaffAccountDisabledAction}
                              hidden={{ accountId: a.id, disabled: '1' }}
                              label={t('disable')}
                              context={t('disableContext', { name })}
                              tone="secondary"
                            />
                          ))}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
        {isAdmin && (
          <section aria-labelledby="create-heading" className="mt-6 max-w-3xl rounded bg-white p-4 shadow-sm">
            <h3 id="create-heading" className="text-lg font-semibold">
              {t('createTitle')}
            </h3>
            <p className="mt-1 text-slate-700">{t('createIntro')}</p>
            <div className="mt-4">
              <CreateAccountForm action={createStaffAccountAction} sites={sites} />
            </div>
          </section>
        )}
      </section>

      <section aria-labelledby="parents-heading" className="mt-10">
        <h2 id="parents-heading" className="text-xl font-bold">
          {t('parentsTitle')}
        </h2>
        <p className="mt-2 max-w-3xl">{t('parentsIntro')}</p>
        <form
          method="get"
          action="/admin/comptes"
          role="search"
          className="mt-3 flex max-w-xl flex-wrap items-end gap-3"
        >
          <label className="block grow">
            {t('search')}
            <input
              name="q"
              type="search"
              defaultValue={q}
              maxLength={100}
              className="mt-1 block w-full rounded border-2 border-slate-600 px-3 py-2"
            />
          </label>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t('searchButton')}
          </button>
        </form>
        {q && found.length === 0 && <p className="mt-3 rounded bg-white p-4">{t('noParent', { q })}</p>}
        {found.length > 0 && (
          <ScrollRegion label={t('parentsTitle')} className="mt-3">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="p-2">
                    {t('parentFamily')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('parent')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('email')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('status')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.map((p) => {
                  const name = `${p.firstName} ${p.lastName}`;
                  const invitation = p.accountId !== null ? pending(p.invitationExpiresAt, p.hasPassword) : null;
                  return (
                    <tr key={p.parentId} className="border-b border-slate-300 align-top">
                      <td className="p-2">{p.familyName}</td>
                      <th scope="row" className="p-2 font-medium">
                        {name}
                      </th>
                      <td className="break-all p-2">{p.email}</td>
                      <td className="p-2">
                        {p.accountId === null ? (
                          t('noAccount')
                        ) : p.disabled ? (
                          <span className="font-medium text-red-800">{t('disabled')}</span>
                        ) : p.hasPassword ? (
                          t('hasPassword')
                        ) : (
                          invitation
                        )}
                      </td>
                      <td className="p-2">
                        {!p.disabled && (
                          <RowAction
                            action={inviteParentAction}
                            hidden={{ parentId: p.parentId, q }}
                            label={p.invitationExpiresAt || p.hasPassword ? t('reinvite') : t('invite')}
                            context={t('inviteContext', { name, email: p.email })}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
