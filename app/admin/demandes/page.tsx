// Back office « Demandes »: every submitted request, newest first, filtered by GET params (shareable URLs), 50 a page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listAdminRequests, requestFiltersSchema } from '@/lib/requests/list';
import { requireStaff } from '@/lib/auth/session';
import { SERVICE_KINDS, SERVICE_LABELS } from '@/lib/planning';
import { DateRangeFields, FilteredResults, FilterForm, FilterSelect, filterField as field } from '../filtered-list';
import { Pagination } from '../pagination';
import { REQUEST_TYPE_KEYS } from '@/lib/requests/types';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminRequests'))('title') };
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

export default async function AdminRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff();
  const t = await getTranslations('adminRequests');
  const filters = requestFiltersSchema.parse(await searchParams);
  const result = await listAdminRequests(await getDb(), filters);
  const { page: _page, ...kept } = filters;

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>

      <FilterForm path="/admin/demandes" title={t('filters')} apply={t('apply')} reset={t('reset')} columns={4}>
        <label className="block">
          {t('reference')}
          <input name="reference" defaultValue={filters.reference ?? ''} maxLength={30} className={field} />
        </label>
        <label className="block">
          {t('family')}
          <input name="family" defaultValue={filters.family ?? ''} maxLength={100} className={field} />
        </label>
        <label className="block">
          {t('child')}
          <input name="child" defaultValue={filters.child ?? ''} maxLength={100} className={field} />
        </label>
        <FilterSelect
          label={t('service')}
          name="service"
          value={filters.service}
          anyLabel={t('any')}
          options={SERVICE_KINDS.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
        />
        <FilterSelect
          label={t('type')}
          name="type"
          value={filters.type}
          anyLabel={t('any')}
          options={[
            { value: 'reservation', label: t('typeReservation') },
            { value: 'inscription', label: t('typeInscription') },
            { value: 'absence', label: t('typeAbsence') },
            { value: 'promotion', label: t('typePromotion') },
          ]}
        />
        <FilterSelect
          label={t('onBehalf')}
          name="onBehalf"
          value={filters.onBehalf}
          anyLabel={t('any')}
          options={[
            { value: 'oui', label: t('yes') },
            { value: 'non', label: t('no') },
          ]}
        />
        <DateRangeFields from={filters.from} to={filters.to} fromLabel={t('from')} toLabel={t('to')} />
      </FilterForm>

      <FilteredResults t={t} result={result}>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="p-2">
              {t('reference')}
            </th>
            <th scope="col" className="p-2">
              {t('date')}
            </th>
            <th scope="col" className="p-2">
              {t('family')}
            </th>
            <th scope="col" className="p-2">
              {t('child')}
            </th>
            <th scope="col" className="p-2">
              {t('service')}
            </th>
            <th scope="col" className="p-2">
              {t('type')}
            </th>
            <th scope="col" className="p-2 text-right">
              {t('changes')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-300 align-top">
              <th scope="row" className="whitespace-nowrap p-2 font-normal">
                <Link
                  href={`/admin/demandes/${r.id}`}
                  aria-label={t('open', { reference: r.reference })}
                  className="font-medium text-brand-700 underline"
                >
                  {r.reference}
                </Link>
              </th>
              <td className="whitespace-nowrap p-2">{dateTime.format(r.submittedAt)}</td>
              <td className="p-2">{r.familyName}</td>
              <td className="p-2">{r.childName}</td>
              <td className="p-2">{SERVICE_LABELS[r.service]}</td>
              <td className="p-2">
                {t(REQUEST_TYPE_KEYS[r.type])}
                {r.onBehalf && (
                  <span className="block text-slate-700">
                    {r.agentName ? t('byAgent', { agent: r.agentName }) : t('byAgentUnknown')}
                  </span>
                )}
              </td>
              <td className="whitespace-nowrap p-2 text-right tabular-nums">
                {t('changesCount', { added: r.added, removed: r.removed })}
              </td>
            </tr>
          ))}
        </tbody>
      </FilteredResults>
      <Pagination path="/admin/demandes" filters={kept} page={result.page} pageCount={result.pageCount} />
    </>
  );
}
