// A family in the back office: address, sector (changeable), parents and their accounts (« Inviter » sends the link
// to choose a password), children; add a parent or a child.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { CLASS_LEVELS, getFamilyAdmin, listSectorOptions, listSiteOptions } from '@/lib/families/families';
import { requireStaff } from '@/lib/auth/session';
import { parisDate, wallNow } from '@/lib/clock';
import { formatDateLong } from '@/lib/planning';
import { inviteParentAction } from '../../comptes/actions';
import { RowAction } from '../../comptes/forms';
import { invitationStatus } from '../../comptes/invitation';
import { addChildAction, addParentAction, setSectorAction } from '../actions';
import { AdminForm, Field, SelectField } from '../admin-form';
import { parseId } from '../ids';
import { SignupDecision } from '../signup-decision';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations('adminFamilies');
  await requireStaff();
  const family = await getFamilyAdmin(await getDb(), parseId((await params).id));
  return { title: family ? `${t('familyTitle', { name: family.name })} · ${t('title')}` : t('title') };
}

export default async function AdminFamilyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff();
  const [t, ta, tc, ts] = await Promise.all([
    getTranslations('adminFamilies'),
    getTranslations('accounts'),
    getTranslations('adminClosures'),
    getTranslations('adminSignups'),
  ]);
  const familyId = parseId((await params).id);
  const done = (await searchParams).fait;
  const invited = done === 'invitation';
  const db = await getDb();
  const [family, sectorOptions, schools] = await Promise.all([
    getFamilyAdmin(db, familyId),
    listSectorOptions(db),
    listSiteOptions(db, 'ecole'),
  ]);
  if (!family) notFound();
  const opt = t('optional');
  return (
    <>
      <p>
        <Link href={`/admin/familles?q=${encodeURIComponent(family.name)}`} className="text-brand-700 underline">
          ← {t('backToSearch')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('familyTitle', { name: family.name })}</h1>
      <dl className="mt-3 grid max-w-3xl gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t('address')}</dt>
        <dd>{[family.address, `${family.postalCode} ${family.city}`.trim()].filter(Boolean).join(', ') || '—'}</dd>
        <dt className="font-medium">{t('sector')}</dt>
        <dd>{family.sectorName ?? t('noSector')}</dd>
      </dl>
      {family.closedAt ? (
        <p role="status" className="mt-4 max-w-3xl rounded border-l-4 border-slate-700 bg-slate-100 p-3">
          {tc('closedOnFamily', { date: formatDateLong(parisDate(family.closedAt)) })}
        </p>
      ) : (
        family.closureRequestedAt && (
          <p className="mt-4 max-w-3xl rounded border-l-4 border-amber-700 bg-amber-50 p-3">
            {tc('pendingOnFamily', { date: formatDateLong(parisDate(family.closureRequestedAt)) })}{' '}
            <Link href={`/admin/fermetures?confirmer=${family.id}`} className="text-brand-700 underline">
              {tc('goToClosures')}
            </Link>
          </p>
        )
      )}

      <div role="status" className="mt-4 max-w-3xl empty:hidden">
        {done === 'validation' && family.status === 'active' && (
          <p className="rounded border-l-4 border-green-700 bg-green-50 p-3">{ts('validated')}</p>
        )}
        {done === 'refus' && family.status === 'refused' && (
          <p className="rounded border-l-4 border-green-700 bg-green-50 p-3">{ts('refused')}</p>
        )}
      </div>
      {family.status !== 'active' && (
        <SignupDecision family={family} sectorOptions={sectorOptions} familyId={familyId} />
      )}

      {/* a family that signed up gets its sector with its validation (SignupDecision) */}
      {family.status === 'active' && (
        <section
          aria-labelledby="sector-heading"
          className="mt-6 max-w-xl rounded border border-slate-400 bg-white p-4"
        >
          <h2 id="sector-heading" className="text-lg font-semibold">
            {t('changeSector')}
          </h2>
          <p className="mt-1 text-sm text-slate-800">{t('sectorHelp')}</p>
          <AdminForm
            action={setSectorAction}
            hidden={{ familyId }}
            submitLabel={t('save')}
            pendingLabel={t('saving')}
            done={t('sectorSaved')}
            resetOnDone={false}
            className="mt-3"
          >
            <SelectField
              label={t('sector')}
              name="sectorId"
              defaultValue={family.sectorId ?? ''}
              emptyLabel={t('noSector')}
              options={sectorOptions.map((s) => ({ value: s.id, label: s.name }))}
            />
          </AdminForm>
        </section>
      )}

      <section aria-labelledby="parents-heading" className="mt-8">
        <h2 id="parents-heading" className="text-xl font-bold">
          {t('parents')}
        </h2>
        <div role="status" className="mt-3 empty:hidden">
          {invited && <p className="rounded border-l-4 border-green-700 bg-green-50 p-3">{t('invitationSent')}</p>}
        </div>
        <ScrollRegion label={t('parents')} className="mt-3">
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
                  {t('phone')}
                </th>
                <th scope="col" className="p-2">
                  {t('account')}
                </th>
                <th scope="col" className="p-2">
                  {ta('actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {family.parents.map((p) => (
                <tr key={p.id} className="border-b border-slate-300">
                  <th scope="row" className="p-2 font-normal">
                    {p.firstName} {p.lastName}
                  </th>
                  <td className="break-all p-2">{p.email}</td>
                  <td className="p-2">{p.phone || '—'}</td>
                  <td className="p-2">
                    {p.accountStatus === 'invited'
                      ? invitationStatus(ta, p.invitationExpiresAt, wallNow())
                      : t(`accountStatus.${p.accountStatus}`)}
                  </td>
                  <td className="p-2">
                    {p.accountStatus !== 'disabled' && (
                      <RowAction
                        action={inviteParentAction}
                        hidden={{ parentId: p.id, familyId }}
                        label={
                          p.accountStatus === 'none' || p.accountStatus === 'not_invited'
                            ? ta('invite')
                            : ta('reinvite')
                        }
                        context={ta('inviteContext', { name: `${p.firstName} ${p.lastName}`, email: p.email })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <details className="mt-3 max-w-3xl rounded border border-slate-400 bg-slate-100 p-4">
          <summary className="cursor-pointer font-semibold">{t('addParent')}</summary>
          <AdminForm
            action={addParentAction}
            hidden={{ familyId }}
            submitLabel={t('addParent')}
            pendingLabel={t('saving')}
            done={t('parentAdded')}
            className="mt-3"
          >
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label={t('firstName')} name="firstName" required />
              <Field label={t('lastName')} name="lastName" required defaultValue={family.name} />
              <Field label={t('email')} name="email" type="email" required />
              <Field label={t('phone')} name="phone" type="tel" optionalLabel={opt} />
            </div>
          </AdminForm>
        </details>
      </section>

      <section aria-labelledby="children-heading" className="mt-8">
        <h2 id="children-heading" className="text-xl font-bold">
          {t('children')}
        </h2>
        {family.children.length === 0 ? (
          <p className="mt-3 rounded bg-white p-4">{t('noChildren')}</p>
        ) : (
          <ScrollRegion label={t('children')} className="mt-3">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="p-2">
                    {t('name')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('birthDate')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('school')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('classLevel')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {family.children.map((c) => (
                  <tr key={c.id} className="border-b border-slate-300">
                    <th scope="row" className="p-2">
                      <Link
                        href={`/admin/familles/${family.id}/enfants/${c.id}`}
                        className="text-brand-700 underline"
                        aria-label={t('seeChild', { name: `${c.firstName} ${c.lastName}` })}
                      >
                        {c.firstName} {c.lastName}
                      </Link>
                    </th>
                    <td className="p-2">{formatDateLong(c.birthDate)}</td>
                    <td className="p-2">{c.schoolName ?? t('noSchool')}</td>
                    <td className="p-2">{c.classLevel || t('noClass')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <details className="mt-3 max-w-3xl rounded border border-slate-400 bg-slate-100 p-4">
          <summary className="cursor-pointer font-semibold">{t('addChild')}</summary>
          <AdminForm
            action={addChildAction}
            hidden={{ familyId }}
            submitLabel={t('addChild')}
            pendingLabel={t('saving')}
            done={t('childAdded')}
            className="mt-3"
          >
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label={t('firstName')} name="firstName" required />
              <Field label={t('lastName')} name="lastName" required defaultValue={family.name} />
              <Field label={t('birthDate')} name="birthDate" type="date" required />
              <SelectField
                label={t('school')}
                name="schoolId"
                emptyLabel={t('noSchool')}
                options={schools.map((s) => ({ value: s.id, label: s.name }))}
              />
              <SelectField
                label={t('classLevel')}
                name="classLevel"
                emptyLabel={t('noClass')}
                options={CLASS_LEVELS.map((c) => ({ value: c, label: c }))}
              />
            </div>
          </AdminForm>
        </details>
      </section>
    </>
  );
}
