// Back office « Journal »: the audit log, newest first: who (name and role), when (Paris time), what (action, object,
// id, each in French), before and after field by field in French (lib/audit/describe.ts). Filters are GET params (shareable URLs), 50 a page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { describeAudit, type AuditLine } from '@/lib/audit/describe';
import { journalFacets, journalFiltersSchema, journalNames, listJournal } from '@/lib/audit/journal';
import { requireStaff } from '@/lib/auth/session';
import { DateRangeFields, FilteredResults, FilterForm, FilterSelect, filterField as field } from '../filtered-list';
import { Pagination } from '../pagination';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('journal'))('title') };
}

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Europe/Paris',
});
/** The codes as options, in the order of their French labels. */
const byLabel = (codes: string[], label: (code: string) => string) =>
  codes.map((value) => ({ value, label: label(value) })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));

// A before or after, field by field in French (lib/audit/describe.ts); a long list scrolls inside its box, which the
// keyboard can focus to scroll it too.
function Details({ lines, empty, label }: { lines: AuditLine[]; empty: string; label: string }) {
  if (lines.length === 0) return <span className="text-slate-600">{empty}</span>;
  return (
    <div tabIndex={0} role="region" aria-label={label} className="max-h-64 max-w-md overflow-auto text-sm">
      <dl>
        {lines.map((line, i) => (
          <div key={i} className="py-0.5">
            <dt className="inline font-medium">{line.label} : </dt>
            <dd className="inline">
              {line.items ? (
                <ul className="ml-4 list-disc">
                  {line.items.map((item, j) => (
                    <li key={j}>{item}</li>
                  ))}
                </ul>
              ) : (
                line.value
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export default async function JournalPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff();
  const t = await getTranslations('journal');
  const filters = journalFiltersSchema.parse(await searchParams);
  const db = await getDb();
  const [result, facets] = await Promise.all([listJournal(db, filters), journalFacets(db)]);
  const names = await journalNames(db, result.rows);
  const { page: _page, ...kept } = filters;
  // French labels for the codes the log stores; a code without a label yet is shown as it is.
  const actionLabel = (code: string) => (t.has(`actions.${code}`) ? t(`actions.${code}`) : code);
  const entityLabel = (code: string) => (t.has(`entities.${code}`) ? t(`entities.${code}`) : code);

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>

      <FilterForm path="/admin/journal" title={t('filters')} apply={t('apply')} reset={t('reset')}>
        <label className="block">
          {t('actor')}
          <input name="actor" defaultValue={filters.actor ?? ''} maxLength={100} className={field} />
        </label>
        <FilterSelect
          label={t('action')}
          name="action"
          value={filters.action}
          anyLabel={t('any')}
          options={byLabel(facets.actions, actionLabel)}
        />
        <FilterSelect
          label={t('entity')}
          name="entity"
          value={filters.entity}
          anyLabel={t('any')}
          options={byLabel(facets.entities, entityLabel)}
        />
        <label className="block">
          {t('familyId')}
          <input
            name="familyId"
            inputMode="numeric"
            pattern="[0-9]*"
            defaultValue={filters.familyId ?? ''}
            className={field}
          />
        </label>
        <DateRangeFields from={filters.from} to={filters.to} fromLabel={t('from')} toLabel={t('to')} />
      </FilterForm>

      <FilteredResults t={t} result={result}>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="p-2">
              {t('when')}
            </th>
            <th scope="col" className="p-2">
              {t('who')}
            </th>
            <th scope="col" className="p-2">
              {t('what')}
            </th>
            <th scope="col" className="p-2">
              {t('before')}
            </th>
            <th scope="col" className="p-2">
              {t('after')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-300 align-top">
              <td className="whitespace-nowrap p-2">{dateTime.format(r.at)}</td>
              <td className="p-2">
                {r.actorName !== null ? (
                  <>
                    <span className="block font-medium">{r.actorName}</span>
                    <span className="block text-slate-700">
                      {r.actorRole ? t(`roles.${r.actorRole}`) : ''}
                      {r.actorEmail ? ` · ${r.actorEmail}` : ''}
                    </span>
                  </>
                ) : r.actorId !== null ? (
                  t('deletedAccount', { id: r.actorId })
                ) : (
                  t('system')
                )}
              </td>
              <th scope="row" className="p-2 font-normal">
                <span className="block font-medium">{actionLabel(r.action)}</span>
                <span className="block text-slate-700">
                  {entityLabel(r.entity)}
                  {r.entityId ? ` n° ${r.entityId}` : ''}
                </span>
                {r.familyId !== null && (
                  <Link href={`/admin/journal?familyId=${r.familyId}`} className="block text-brand-700 underline">
                    {t('family', { id: r.familyId })}
                  </Link>
                )}
              </th>
              <td className="p-2">
                <Details
                  lines={describeAudit(r.before, r, names)}
                  empty={t('nothing')}
                  label={`${t('before')} ${r.id}`}
                />
              </td>
              <td className="p-2">
                <Details
                  lines={describeAudit(r.after, r, names)}
                  empty={t('nothing')}
                  label={`${t('after')} ${r.id}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </FilteredResults>
      <Pagination path="/admin/journal" filters={kept} page={result.page} pageCount={result.pageCount} />
    </>
  );
}
