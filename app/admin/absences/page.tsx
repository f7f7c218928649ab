// Back office « Absences à traiter »: the absences the families declared, those to decide first, 50 a page (filtered
// by status in the URL), each with its days, its reason and its certificate (a download, staff only). The agent
// accepts (« Absence justifiée ») or refuses with a reason (« non justifiée »); the family is e-mailed.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { getDb } from '@/db/client';
import { absenceFiltersSchema, listAdminAbsences } from '@/lib/absences/list';
import { requireStaff } from '@/lib/auth/session';
import { formatDateLong, SERVICE_LABELS, UNIT_LABELS } from '@/lib/planning';
import { FilteredResults, FilterForm, FilterSelect } from '../filtered-list';
import { Pagination } from '../pagination';
import { decideAbsenceAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminAbsences'))('title') };
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

const STATUS_KEYS = {
  pending: 'statusPending',
  justified: 'statusJustified',
  unjustified: 'statusUnjustified',
} as const;

export default async function AdminAbsencesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff();
  const t = await getTranslations('adminAbsences');
  const filters = absenceFiltersSchema.parse(await searchParams);
  const result = await listAdminAbsences(await getDb(), filters);
  const { page: _page, ...kept } = filters;

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>

      <FilterForm path="/admin/absences" title={t('filterTitle')} apply={t('apply')} reset={t('reset')}>
        <FilterSelect
          label={t('status')}
          name="status"
          value={filters.status}
          anyLabel={t('any')}
          options={(['pending', 'justified', 'unjustified'] as const).map((s) => ({
            value: s,
            label: t(STATUS_KEYS[s]),
          }))}
        />
      </FilterForm>

      <FilteredResults t={t} result={result}>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="p-2">
              {t('reference')}
            </th>
            <th scope="col" className="p-2">
              {t('family')}
            </th>
            <th scope="col" className="p-2">
              {t('days')}
            </th>
            <th scope="col" className="p-2">
              {t('reason')}
            </th>
            <th scope="col" className="p-2">
              {t('certificate')}
            </th>
            <th scope="col" className="p-2">
              {t('decision')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.requestId} className="border-b border-slate-300 align-top">
              <th scope="row" className="p-2 font-normal">
                <Link href={`/admin/demandes/${r.requestId}`} className="font-medium text-brand-700 underline">
                  {r.reference}
                </Link>
                <span className="block whitespace-nowrap text-slate-700">{dateTime.format(r.submittedAt)}</span>
              </th>
              <td className="p-2">
                <Link href={`/admin/familles/${r.familyId}`} className="text-brand-700 underline">
                  {r.familyName}
                </Link>
                <span className="block">
                  {r.childName} – {SERVICE_LABELS[r.service]}
                </span>
              </td>
              <td className="p-2">
                <ul>
                  {r.days.map((d) => (
                    <li key={`${d.date}-${d.unit}`}>
                      {formatDateLong(d.date)} : {UNIT_LABELS[d.unit]}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="p-2 break-words">
                {r.reason === 'maladie' ? t('reasonIllness') : t('reasonOther', { details: r.details ?? '' })}
              </td>
              <td className="p-2">
                {r.certificate ? (
                  <a href={`/admin/absences/${r.requestId}/certificat`} download className="text-brand-700 underline">
                    {t('download', {
                      filename: r.certificate.filename,
                      size: Math.max(1, Math.round(r.certificate.size / 1024)),
                    })}
                  </a>
                ) : (
                  <>
                    {t('noCertificate')}
                    {r.status === 'pending' && (
                      <span className="block text-slate-700">
                        {t('certificateDue', { date: dateTime.format(r.certificateDueAt) })}
                      </span>
                    )}
                  </>
                )}
              </td>
              <td className="p-2">
                {r.status === 'pending' ? (
                  <div className="space-y-3">
                    <ActionForm
                      action={decideAbsenceAction}
                      hidden={{ requestId: r.requestId, decision: 'justified' }}
                      submitLabel={t('accept')}
                      pendingLabel={t('accept')}
                    />
                    <ActionForm
                      action={decideAbsenceAction}
                      hidden={{ requestId: r.requestId, decision: 'unjustified' }}
                      submitLabel={t('refuse')}
                      pendingLabel={t('refuse')}
                      fieldMessages
                      className="space-y-2"
                    >
                      <label className="block">
                        {t('refuseReason')}
                        <textarea
                          name="reason"
                          required
                          maxLength={500}
                          rows={2}
                          className="mt-1 block w-full rounded border-2 border-slate-600 px-2 py-1.5"
                        />
                      </label>
                    </ActionForm>
                  </div>
                ) : r.decisionReason ? (
                  t('decidedReason', { status: t(STATUS_KEYS[r.status]), reason: r.decisionReason })
                ) : (
                  t(STATUS_KEYS[r.status])
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </FilteredResults>
      <Pagination path="/admin/absences" filters={kept} page={result.page} pageCount={result.pageCount} />
    </>
  );
}
