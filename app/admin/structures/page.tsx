// Back office "Structures": sectors (and the leisure centre of each), leisure centres and schools. Renames always
// allowed; "Supprimer" only for what nothing refers to (the use-case refuses the others with a French message).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listSectors, listSites, type SiteAdmin } from '@/lib/structures/structures';
import { requireStaff } from '@/lib/auth/session';
import { AdminForm } from '../calendrier/admin-form';
import {
  createSectorAction,
  createSiteAction,
  deleteSectorAction,
  deleteSiteAction,
  updateSectorAction,
  updateSiteAction,
} from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminStructures');
  return { title: t('title') };
}

const input = 'rounded border border-slate-500 px-2 py-1.5';
const label = 'flex flex-col gap-1';

export default async function AdminStructuresPage() {
  await requireStaff();
  const t = await getTranslations('adminStructures');
  const db = await getDb();
  const [sectors, sites] = await Promise.all([listSectors(db), listSites(db)]);
  const centres = sites.filter((s) => s.kind === 'centre');
  const schools = sites.filter((s) => s.kind === 'ecole');

  const siteList = (list: SiteAdmin[]) =>
    list.length === 0 ? (
      <p className="mt-3 rounded bg-white p-4">{t('empty')}</p>
    ) : (
      <ul className="mt-3 space-y-3">
        {list.map((s) => (
          <li key={s.id} className="rounded border border-slate-300 bg-white p-4">
            <fieldset>
              <legend className="font-semibold">{t('siteEditLegend', { name: s.name })}</legend>
              <div className="mt-2 flex flex-wrap items-end gap-3">
                <AdminForm
                  namespace="adminStructures"
                  action={updateSiteAction}
                  submitLabel={t('save')}
                  submitContext={`– ${s.name}`}
                  hidden={{ id: s.id }}
                  className="flex flex-wrap items-end gap-3"
                >
                  <label className={label}>
                    <span>{t('siteName')}</span>
                    <input
                      type="text"
                      name="name"
                      defaultValue={s.name}
                      required
                      maxLength={120}
                      className={`${input} w-72`}
                    />
                  </label>
                  <label className={label}>
                    <span>{t('siteAddress')}</span>
                    <input
                      type="text"
                      name="address"
                      defaultValue={s.address}
                      maxLength={200}
                      className={`${input} w-80`}
                    />
                  </label>
                </AdminForm>
                {s.references === 0 ? (
                  <AdminForm
                    namespace="adminStructures"
                    action={deleteSiteAction}
                    submitLabel={t('delete')}
                    submitContext={s.name}
                    hidden={{ id: s.id }}
                    danger
                  />
                ) : (
                  <span className="text-sm text-slate-700">{t('siteUsed')}</span>
                )}
              </div>
            </fieldset>
          </li>
        ))}
      </ul>
    );

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>

      <section aria-labelledby="sectors-heading" className="mt-8">
        <h2 id="sectors-heading" className="text-xl font-bold">
          {t('sectorsTitle')}
        </h2>
        <p className="mt-1 max-w-3xl">{t('sectorsIntro')}</p>
        <ul className="mt-3 space-y-3">
          {sectors.map((s) => (
            <li key={s.id} className="rounded border border-slate-300 bg-white p-4">
              <fieldset>
                <legend className="font-semibold">
                  {t('sectorEditLegend', { name: s.name })}{' '}
                  <span className="font-normal text-slate-700">({t('sectorFamilies', { count: s.families })})</span>
                </legend>
                <div className="mt-2 flex flex-wrap items-end gap-3">
                  <AdminForm
                    namespace="adminStructures"
                    action={updateSectorAction}
                    submitLabel={t('save')}
                    submitContext={`– ${s.name}`}
                    hidden={{ id: s.id }}
                    className="flex flex-wrap items-end gap-3"
                  >
                    <label className={label}>
                      <span>{t('sectorName')}</span>
                      <input type="text" name="name" defaultValue={s.name} required maxLength={120} className={input} />
                    </label>
                    <label className={label}>
                      <span>{t('sectorCentre')}</span>
                      <select name="leisureCentreId" defaultValue={s.leisureCentreId ?? ''} className={input}>
                        <option value="">{t('noCentre')}</option>
                        {centres.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                    </label>
                  </AdminForm>
                  {s.families === 0 && (
                    <AdminForm
                      namespace="adminStructures"
                      action={deleteSectorAction}
                      submitLabel={t('delete')}
                      submitContext={s.name}
                      hidden={{ id: s.id }}
                      danger
                    />
                  )}
                </div>
              </fieldset>
            </li>
          ))}
        </ul>
        <div className="mt-4 rounded border border-slate-300 bg-white p-4">
          <h3 className="font-semibold">{t('sectorCreateTitle')}</h3>
          <AdminForm
            namespace="adminStructures"
            action={createSectorAction}
            submitLabel={t('create')}
            className="mt-2 flex flex-wrap items-end gap-3"
          >
            <label className={label}>
              <span>{t('sectorName')}</span>
              <input type="text" name="name" required maxLength={120} className={input} />
            </label>
            <label className={label}>
              <span>{t('sectorCentre')}</span>
              <select name="leisureCentreId" defaultValue="" className={input}>
                <option value="">{t('noCentre')}</option>
                {centres.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          </AdminForm>
        </div>
      </section>

      <section aria-labelledby="centres-heading" className="mt-10">
        <h2 id="centres-heading" className="text-xl font-bold">
          {t('centresTitle')}
        </h2>
        {siteList(centres)}
      </section>

      <section aria-labelledby="schools-heading" className="mt-10">
        <h2 id="schools-heading" className="text-xl font-bold">
          {t('schoolsTitle')}
        </h2>
        {siteList(schools)}
      </section>

      <section aria-labelledby="site-create-heading" className="mt-10">
        <h2 id="site-create-heading" className="text-xl font-bold">
          {t('siteCreateTitle')}
        </h2>
        <AdminForm
          namespace="adminStructures"
          action={createSiteAction}
          submitLabel={t('create')}
          className="mt-3 flex flex-wrap items-end gap-3 rounded bg-white p-4"
        >
          <label className={label}>
            <span>{t('siteKind')}</span>
            <select name="kind" defaultValue="centre" className={input}>
              <option value="centre">{t('kind.centre')}</option>
              <option value="ecole">{t('kind.ecole')}</option>
            </select>
          </label>
          <label className={label}>
            <span>{t('siteName')}</span>
            <input type="text" name="name" required maxLength={120} className={`${input} w-72`} />
          </label>
          <label className={label}>
            <span>{t('siteAddress')}</span>
            <input type="text" name="address" maxLength={200} className={`${input} w-80`} />
          </label>
        </AdminForm>
      </section>
    </>
  );
}
