// Back office « Listes d'attente »: per site, service and day, the children waiting for a place in line order (their
// units, their family and its first parent's contact, since when), 50 a page, filtered by site, service and days in
// the URL. Per entry, « Inscrire hors de l'ordre » (booked at once, even on a full day: one child more than the
// capacity, exceptionally) and « Retirer de la liste », each with a required reason; the family is e-mailed.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { formatDateLong, SERVICE_KINDS, SERVICE_LABELS, UNIT_LABELS } from '@/lib/planning';
import { reportSites } from '@/lib/structures/sites';
import { listWaitingLines, waitingLineFiltersSchema, type WaitingLineEntry } from '@/lib/waiting-list/staff';
import { DateRangeFields, FilterForm, FilterSelect } from '../filtered-list';
import { Pagination } from '../pagination';
import { promoteWaitingEntryAction, removeWaitingEntryAction } from './actions';
import type { ComponentProps } from 'react';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminWaitingLists'))('title') };
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

const field = 'mt-1 block w-full rounded border-2 border-slate-600 px-2 py-1.5';

/** The page's rows cut into lines: one per site, service and day, in the order they come. */
function linesOf(rows: WaitingLineEntry[]): WaitingLineEntry[][] {
  const lines: WaitingLineEntry[][] = [];
  for (const row of rows) {
    const last = lines[lines.length - 1]?.[0];
    if (last && last.siteId === row.siteId && last.service === row.service && last.date === row.date)
      lines[lines.length - 1]!.push(row);
    else lines.push([row]);
  }
  return lines;
}

export default async function AdminWaitingListsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff();
  const t = await getTranslations('adminWaitingLists');
  const params = await searchParams;
  const filters = waitingLineFiltersSchema.parse(params);
  const db = await getDb();
  const [result, sites] = await Promise.all([listWaitingLines(db, { ...filters, today: today() }), reportSites(db)]);
  const { page: _page, ...kept } = filters;
  // the filters go back with each form, so the agent returns to the list as it was
  const back = Object.fromEntries(
    Object.entries({ ...kept, page: result.page }).filter((e): e is [string, string | number] => e[1] !== undefined),
  );
  const done = params.fait === 'inscrit' ? t('promoted') : params.fait === 'retire' ? t('removed') : null;

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      {done && (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3">
          {done}
        </p>
      )}

      <FilterForm
        path="/admin/listes-attente"
        title={t('filterTitle')}
        apply={t('apply')}
        reset={t('reset')}
        columns={4}
      >
        <FilterSelect
          label={t('site')}
          name="site"
          value={filters.site?.toString()}
          anyLabel={t('anySite')}
          options={sites.map((s) => ({ value: String(s.id), label: s.name }))}
        />
        <FilterSelect
          label={t('service')}
          name="service"
          value={filters.service}
          anyLabel={t('anyService')}
          options={SERVICE_KINDS.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
        />
        <DateRangeFields from={filters.from} to={filters.to} fromLabel={t('from')} toLabel={t('to')} />
      </FilterForm>

      <p role="status" className="mt-6 font-medium">
        {t('count', { total: result.total })}
      </p>
      {result.rows.length === 0 && <p className="mt-3 rounded bg-white p-4">{t('empty')}</p>}

      {linesOf(result.rows).map((line) => {
        const first = line[0]!;
        const words = {
          site: first.siteName,
          service: SERVICE_LABELS[first.service],
          date: formatDateLong(first.date),
        };
        const headingId = `line-${first.siteId}-${first.service}-${first.date}`;
        return (
          <section key={headingId} aria-labelledby={headingId} className="mt-6">
            <h2 id={headingId} className="text-lg font-semibold">
              {t('lineTitle', words)}
            </h2>
            <ScrollRegion label={t('lineTitle', words)} className="mt-2">
              {/* relative: the labels' hidden words (sr-only, absolute) stay inside the scrolling region at 320 px */}
              <table className="relative w-full border-collapse bg-white text-left text-sm">
                <caption className="sr-only">{t('caption', words)}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-400">
                    <th scope="col" className="p-2">
                      {t('position')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('child')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('units')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('family')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('contact')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('since')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('actions')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {line.map((r) => (
                    <tr key={r.id} className="border-b border-slate-300 align-top">
                      <td className="p-2 tabular-nums">{r.position}</td>
                      <th scope="row" className="p-2 font-medium">
                        <Link
                          href={`/admin/familles/${r.familyId}/enfants/${r.childId}`}
                          className="text-brand-700 underline"
                        >
                          {r.childName}
                        </Link>
                      </th>
                      <td className="p-2">{r.units.map((u) => UNIT_LABELS[u]).join(' + ')}</td>
                      <td className="p-2">
                        <Link href={`/admin/familles/${r.familyId}`} className="text-brand-700 underline">
                          {r.familyName}
                        </Link>
                      </td>
                      <td className="p-2 break-words">
                        {r.contact ? (
                          <>
                            {r.contact.name}
                            <a href={`mailto:${r.contact.email}`} className="block text-brand-700 underline">
                              {r.contact.email}
                            </a>
                            {r.contact.phone && (
                              <a
                                href={`tel:${r.contact.phone.replace(/\s/g, '')}`}
                                className="block whitespace-nowrap text-brand-700 underline"
                              >
                                {r.contact.phone}
                              </a>
                            )}
                          </>
                        ) : (
                          t('noContact')
                        )}
                      </td>
                      <td className="p-2 whitespace-nowrap">{dateTime.format(r.queuedAt)}</td>
                      <td className="min-w-56 p-2">
                        <div className="space-y-4">
                          <ReasonForm
                            action={promoteWaitingEntryAction}
                            hidden={{ ...back, entryId: r.id }}
                            submitLabel={t('promote')}
                            reasonLabel={t('reason')}
                            reasonOf={t('reasonOf', { action: t('promote'), child: r.childName })}
                            help={t('promoteHelp')}
                          />
                          <ReasonForm
                            action={removeWaitingEntryAction}
                            hidden={{ ...back, entryId: r.id }}
                            submitLabel={t('remove')}
                            reasonLabel={t('reason')}
                            reasonOf={t('reasonOf', { action: t('remove'), child: r.childName })}
                          />
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        );
      })}
      <Pagination path="/admin/listes-attente" filters={kept} page={result.page} pageCount={result.pageCount} />
    </>
  );
}

/** « Inscrire hors de l'ordre » or « Retirer de la liste »: an entry's decision, with its required « Motif ». */
function ReasonForm(p: {
  action: ComponentProps<typeof ActionForm>['action'];
  hidden: Record<string, string | number>;
  submitLabel: string;
  reasonLabel: string;
  /** the field's name for a screen reader: the action and the child */
  reasonOf: string;
  help?: string;
}) {
  return (
    <ActionForm
      action={p.action}
      hidden={p.hidden}
      submitLabel={p.submitLabel}
      pendingLabel={p.submitLabel}
      fieldMessages
      className="space-y-2"
    >
      <label className="block">
        {p.reasonLabel}
        <span className="sr-only">{p.reasonOf}</span>
        <textarea name="reason" required maxLength={500} rows={2} className={field} />
      </label>
      {p.help && <p className="text-slate-700">{p.help}</p>}
    </ActionForm>
  );
}
