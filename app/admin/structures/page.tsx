// Back office "Structures": sectors (and the leisure centre of each), leisure centres and schools. Renames always
// allowed; "Supprimer" only for what nothing refers to (the use-case refuses the others with a French message).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listSectors, listSites, type SiteAdmin } from '@/lib/structures/structures';
import { requireStaff } from '@/lib/auth/session';
import { AdminForm } from '../calendrier/admin-form';
import { EditableListAdd, EditableListItem } from '../editable-list';
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

  // a sector's leisure centre, in its edit form and in the one that creates a sector
  const centreField = (leisureCentreId: number | null) => (
    <label className={label}>
      <span>{t('sectorCentre')}</span>
      <select name="leisureCentreId" defaultValue={leisureCentreId ?? ''} className={input}>
        <option value="">{t('noCentre')}</option>
        {centres.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );

  const siteList = (list: SiteAdmin[]) =>
    list.length === 0 ? (
      <p className="mt-3 rounded bg-white p-4">{t('empty')}</p>
    ) : (
      <ul className="mt-3 space-y-3">
        {list.map((s) => (
          <EditableListItem
            key={s.id}
            namespace="adminStructures"
            legend={t('siteEditLegend', { name: s.name })}
            save={{ action: updateSiteAction, label: t('save'), context: `– ${s.name}`, hidden: { id: s.id } }}
            remove={
              s.references === 0
                ? { action: deleteSiteAction, label: t('delete'), context: s.name, hidden: { id: s.id } }
                : undefined
            }
            note={<span className="text-sm text-slate-700">{t('siteUsed')}</span>}
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
              <input type="text" name="address" defaultValue={s.address} maxLength={200} className={`${input} w-80`} />
            </label>
          </EditableListItem>
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
            <EditableListItem
              key={s.id}
              namespace="adminStructures"
              legend={
                <>
                  {t('sectorEditLegend', { name: s.name })}{' '}
                  <span className="font-normal text-slate-700">({t('sectorFamilies', { count: s.families })})</span>
                </>
              }
              save={{ action: updateSectorAction, label: t('save'), context: `– ${s.name}`, hidden: { id: s.id } }}
              remove={
                s.families === 0
                  ? { action: deleteSectorAction, label: t('delete'), context: s.name, hidden: { id: s.id } }
                  : undefined
              }
            >
              <label className={label}>
                <span>{t('sectorName')}</span>
                <input type="text" name="name" defaultValue={s.name} required maxLength={120} className={input} />
              </label>
              {centreField(s.leisureCentreId)}
            </EditableListItem>
          ))}
        </ul>
        <EditableListAdd
          title={t('sectorCreateTitle')}
          namespace="adminStructures"
          add={{ action: createSectorAction, label: t('create') }}
        >
          <label className={label}>
            <span>{t('sectorName')}</span>
            <input type="text" name="name" required maxLength={120} className={input} />
          </label>
          {centreField(null)}
        </EditableListAdd>
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
