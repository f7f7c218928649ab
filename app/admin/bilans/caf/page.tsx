// Back office « Rapport CAF »: the child-hours of the present marks (booked or not) per service, month and age band
// (« Moins de 6 ans », « 6 ans et plus », the age on the first day of the month), over a period of months (the school
// year by default) at every site or one; « Heures par unité » below sets what a unit counts. Exported as CSV.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/client-messages';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { attendanceHoursBySlot } from '@/lib/reports/attendance-hours';
import {
  cafReport,
  defaultCafMonths,
  frenchDecimal,
  frenchHours,
  frenchMonth,
  SERVICES_ORDER,
} from '@/lib/reports/attendance-reports';
import { knownSite, parseCafParams } from '@/lib/reports/params';
import { reportSites } from '@/lib/structures/sites';
import { AdminForm } from '../../calendrier/admin-form';
import { ExportLink, figureCell as num, ReportDate, ReportFilters, SiteSelect, typed } from '../../report-filters';
import { setAttendanceHoursAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cafReport'))('title') };
}

export default async function CafReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff();
  const [t, ts] = await Promise.all([getTranslations('cafReport'), getTranslations('services')]);
  const db = await getDb();
  const raw = await searchParams;
  const [sites, fallback, hours] = await Promise.all([
    reportSites(db),
    defaultCafMonths(db, today()),
    attendanceHoursBySlot(db),
  ]);
  const parsed = knownSite(parseCafParams(raw, fallback), sites);
  const scope = parsed.ok ? parsed.value : null;
  const report = scope ? await cafReport(db, scope) : null;
  const siteName = scope?.siteId ? (sites.find((s) => s.id === scope.siteId)?.name ?? '') : t('allSites');
  const exportHref = scope
    ? `/admin/bilans/caf/export?${new URLSearchParams({ from: scope.from, to: scope.to, ...(scope.siteId ? { site: String(scope.siteId) } : {}) }).toString()}`
    : null;
  const h = (centi: number) => t('hoursValue', { hours: frenchHours(centi) });

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">
        <Link href="/admin/bilans" className="text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <ReportFilters show={t('show')} parsed={parsed}>
        <ReportDate
          type="month"
          label={t('from')}
          name="from"
          value={scope?.from ?? typed(raw, 'from') ?? fallback.from}
        />
        <ReportDate type="month" label={t('to')} name="to" value={scope?.to ?? typed(raw, 'to') ?? fallback.to} />
        <SiteSelect
          label={t('site')}
          allLabel={t('allSites')}
          sites={sites}
          value={scope?.siteId ?? typed(raw, 'site') ?? ''}
        />
      </ReportFilters>

      {report && scope && (
        <>
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <p className="font-medium">
              {t('period', { from: frenchMonth(scope.from), to: frenchMonth(scope.to), site: siteName })}
            </p>
            {exportHref && <ExportLink href={exportHref}>{t('export')}</ExportLink>}
          </div>
          {report.lines.length === 0 ? (
            <p className="mt-6 rounded bg-white p-4">{t('empty')}</p>
          ) : (
            SERVICES_ORDER.filter((s) => report.byService.has(s)).map((service) => {
              const lines = report.lines.filter((l) => l.service === service);
              const total = report.byService.get(service)!;
              const id = `service-${service}`;
              return (
                <section key={service} aria-labelledby={id} className="mt-8">
                  <h2 id={id} className="text-xl font-bold">
                    {ts(service)}
                  </h2>
                  <ScrollRegion label={ts(service)} className="mt-2">
                    <table className="w-full border-collapse bg-white text-left text-sm">
                      <caption className="sr-only">{t('caption', { service: ts(service) })}</caption>
                      <thead>
                        <tr className="border-b-2 border-slate-400">
                          <th scope="col" className="p-2">
                            {t('month')}
                          </th>
                          <th scope="col" className="p-2 text-right">
                            {t('under6')}
                          </th>
                          <th scope="col" className="p-2 text-right">
                            {t('over6')}
                          </th>
                          <th scope="col" className="p-2 text-right">
                            {t('total')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {lines.map((l) => (
                          <tr key={l.month} className="border-b border-slate-300">
                            <th scope="row" className="p-2 font-normal">
                              {frenchMonth(l.month)}
                            </th>
                            <td className={num}>{h(l.centiHours.under6)}</td>
                            <td className={num}>{h(l.centiHours.over6)}</td>
                            <td className={`${num} font-semibold`}>{h(l.centiHours.total)}</td>
                          </tr>
                        ))}
                      </tbody>
                      <tfoot>
                        <tr className="font-bold">
                          <th scope="row" className="p-2">
                            {t('serviceTotal')}
                          </th>
                          <td className={num}>{h(total.under6)}</td>
                          <td className={num}>{h(total.over6)}</td>
                          <td className={num}>{h(total.total)}</td>
                        </tr>
                      </tfoot>
                    </table>
                  </ScrollRegion>
                </section>
              );
            })
          )}
          {report.lines.length > 0 && (
            <p className="mt-6 text-lg font-bold" data-testid="caf-grand-total">
              {t('grandTotal')} : {h(report.total.total)} ({t('under6')} : {h(report.total.under6)} ; {t('over6')} :{' '}
              {h(report.total.over6)})
            </p>
          )}
        </>
      )}

      <section aria-labelledby="hours-heading" className="mt-10">
        <h2 id="hours-heading" className="text-xl font-bold">
          {t('hoursTitle')}
        </h2>
        <p className="mt-1 max-w-3xl" id="hours-help">
          {t('hoursIntro')}
        </p>
        <ClientMessages namespaces={['cafReport', 'adminCalendar']}>
          <AdminForm
            action={setAttendanceHoursAction}
            submitLabel={t('save')}
            namespace="cafReport"
            className="mt-3 flex flex-wrap items-end gap-3 rounded bg-white p-4"
          >
            {(['matin', 'apres_midi', 'repas'] as const).map((slot) => (
              <label key={slot} className="flex flex-col gap-1">
                <span>{t(slot)}</span>
                <input
                  type="text"
                  inputMode="decimal"
                  name={slot}
                  required
                  defaultValue={frenchDecimal(hours[slot])}
                  aria-describedby="hours-help"
                  className="w-32 rounded border border-slate-500 px-2 py-1.5"
                />
              </label>
            ))}
          </AdminForm>
        </ClientMessages>
      </section>
    </>
  );
}
