// Back office « Bilans de présence »: over a period and at a site (or every site), the children expected against
// those the animateurs marked present, per day and unit with the rate; then, per family, « Absences non
// justifiées », « Absences justifiées » and « Présents sans réservation », each defined in one sentence. Each table
// exports as CSV (same functions, same figures). The CAF report is one link away.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { formatDateLong } from '@/lib/planning';
import { ABSENCE_KINDS, absencesByFamily, attendanceVsExpected, frenchDecimal } from '@/lib/reports/attendance-reports';
import { knownSite, lastFourWeeks, parsePresenceReportParams } from '@/lib/reports/params';
import { reportSites } from '@/lib/structures/sites';
import { ExportLink, figureCell as num, ReportDate, ReportFilters, SiteSelect, typed } from '../report-filters';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('attendanceReports'))('title') };
}

export default async function AttendanceReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff();
  const [t, tu] = await Promise.all([getTranslations('attendanceReports'), getTranslations('units')]);
  const db = await getDb();
  const day = today();
  const raw = await searchParams;
  const requested = parsePresenceReportParams(raw, day);
  // the reports start with the sites, not after them: a site that is not the town's gives empty reports, never shown
  // (knownSite refuses it)
  const [sites, reports] = await Promise.all([
    reportSites(db),
    requested.ok
      ? Promise.all([attendanceVsExpected(db, requested.value), absencesByFamily(db, requested.value)])
      : null,
  ]);
  const parsed = knownSite(requested, sites);
  const scope = parsed.ok ? parsed.value : null;
  const [presence, absences] = scope && reports ? reports : [null, null];
  const fallback = lastFourWeeks(day);
  const fromValue = scope?.from ?? typed(raw, 'from') ?? fallback.from;
  const toValue = scope?.to ?? typed(raw, 'to') ?? fallback.to;
  const siteValue = scope?.siteId ?? typed(raw, 'site') ?? '';
  const period = scope ? { from: formatDateLong(scope.from), to: formatDateLong(scope.to) } : null;
  const siteName = scope?.siteId ? (sites.find((s) => s.id === scope.siteId)?.name ?? '') : t('allSites');
  const query = scope
    ? new URLSearchParams({
        from: scope.from,
        to: scope.to,
        ...(scope.siteId ? { site: String(scope.siteId) } : {}),
      }).toString()
    : '';
  const rate = (value: number | null) =>
    value === null ? t('notMarked') : t('rateValue', { rate: frenchDecimal(value) });

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('title')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <p className="mt-2">
        <Link href="/admin/bilans/caf" className="font-medium text-brand-700 underline">
          {t('cafLink')}
        </Link>
      </p>
      <ReportFilters show={t('show')} parsed={parsed}>
        <ReportDate label={t('from')} name="from" value={fromValue} />
        <ReportDate label={t('to')} name="to" value={toValue} />
        <SiteSelect label={t('site')} allLabel={t('allSites')} sites={sites} value={siteValue} />
      </ReportFilters>

      {presence && absences && period && (
        <>
          <p className="mt-4 font-medium">{t('period', { ...period, site: siteName })}</p>

          <section aria-labelledby="presence-heading" className="mt-6">
            <h2 id="presence-heading" className="text-xl font-bold">
              {t('presenceTitle')}
            </h2>
            <p className="mt-1 max-w-3xl">{t('presenceIntro')}</p>
            <p className="mt-2 font-semibold" data-testid="period-rate">
              {t('totalRate', {
                rate:
                  presence.total.rate === null
                    ? t('noRate')
                    : t('rateValue', { rate: frenchDecimal(presence.total.rate) }),
              })}
            </p>
            <p className="mt-2">
              <ExportLink href={`/admin/bilans/export?rapport=presences&${query}`}>{t('exportPresence')}</ExportLink>
            </p>
            {presence.lines.length === 0 ? (
              <p className="mt-3 rounded bg-white p-4">{t('presenceEmpty')}</p>
            ) : (
              <ScrollRegion label={t('presenceTitle')} className="mt-3">
                <table className="w-full border-collapse bg-white text-left text-sm">
                  <caption className="sr-only">{t('presenceCaption', period)}</caption>
                  <thead>
                    <tr className="border-b-2 border-slate-400">
                      <th scope="col" className="p-2">
                        {t('date')}
                      </th>
                      <th scope="col" className="p-2">
                        {t('slot')}
                      </th>
                      <th scope="col" className="p-2 text-right">
                        {t('expected')}
                      </th>
                      <th scope="col" className="p-2 text-right">
                        {t('present')}
                      </th>
                      <th scope="col" className="p-2 text-right">
                        {t('unbooked')}
                      </th>
                      <th scope="col" className="p-2 text-right">
                        {t('rate')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {presence.lines.map((l) => (
                      <tr key={`${l.date}-${l.slot}`} className="border-b border-slate-300">
                        <th scope="row" className="p-2 font-normal">
                          {formatDateLong(l.date)}
                        </th>
                        <td className="p-2">{tu(l.slot)}</td>
                        <td className={num}>{l.expected}</td>
                        <td className={num}>{l.present}</td>
                        <td className={num}>{l.unbooked}</td>
                        <td className={num}>{rate(l.rate)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr className="font-bold">
                      <th scope="row" className="p-2" colSpan={2}>
                        {t('total')}
                      </th>
                      <td className={num}>{presence.total.expected}</td>
                      <td className={num}>{presence.total.present}</td>
                      <td className={num}>{presence.total.unbooked}</td>
                      <td className={num}>{rate(presence.total.rate)}</td>
                    </tr>
                  </tfoot>
                </table>
              </ScrollRegion>
            )}
          </section>

          <section aria-labelledby="absences-heading" className="mt-10">
            <h2 id="absences-heading" className="text-xl font-bold">
              {t('absencesTitle')}
            </h2>
            <ul className="mt-2 max-w-3xl list-disc space-y-1 pl-5">
              <li>{t('definitions.justified')}</li>
              <li>{t('definitions.unjustified')}</li>
              <li>{t('definitions.pending')}</li>
              <li>{t('definitions.unbooked')}</li>
            </ul>
            <p className="mt-3">
              <ExportLink href={`/admin/bilans/export?rapport=absences&${query}`}>{t('exportAbsences')}</ExportLink>
            </p>
            {ABSENCE_KINDS.map((kind) => {
              const title = t(`lists.${kind}`);
              const list = absences.lists[kind];
              const id = `list-${kind}`;
              return (
                <section key={kind} aria-labelledby={id} className="mt-6">
                  <h3 id={id} className="text-lg font-bold">
                    {title}
                  </h3>
                  <p className="mt-1 font-medium">{t('listTotal', { count: absences.totals[kind] })}</p>
                  {kind === 'unjustified' && (
                    <p className="mt-1 text-sm text-slate-700">{t('pending', { count: absences.pending })}</p>
                  )}
                  {list.length === 0 ? (
                    <p className="mt-2 rounded bg-white p-3">{t('listEmpty')}</p>
                  ) : (
                    <ScrollRegion label={title} className="mt-2">
                      <table className="w-full border-collapse bg-white text-left text-sm">
                        <caption className="sr-only">{t('listCaption', { title, ...period })}</caption>
                        <thead>
                          <tr className="border-b-2 border-slate-400">
                            <th scope="col" className="p-2">
                              {t('family')}
                            </th>
                            <th scope="col" className="p-2">
                              {t('children')}
                            </th>
                            <th scope="col" className="p-2 text-right">
                              {t('units')}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {list.map((f) => (
                            <tr key={f.familyId} className="border-b border-slate-300">
                              <th scope="row" className="p-2 font-normal">
                                <Link href={`/admin/familles/${f.familyId}`} className="text-brand-700 underline">
                                  {f.familyName}
                                </Link>
                              </th>
                              <td className="p-2">{f.children.join(', ')}</td>
                              <td className={num}>{f.count}</td>
                            </tr>
                          ))}
                        </tbody>
                        <tfoot>
                          <tr className="font-bold">
                            <th scope="row" className="p-2" colSpan={2}>
                              {t('total')}
                            </th>
                            <td className={num}>{absences.totals[kind]}</td>
                          </tr>
                        </tfoot>
                      </table>
                    </ScrollRegion>
                  )}
                </section>
              );
            })}
          </section>
        </>
      )}
    </>
  );
}
