// Back office "Commandes de repas": classic and meatless meals per date and site over a range (default: next week),
// for the kitchen, with totals per row, per site and overall; "Exporter en CSV" downloads the same figures.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { mealOrders } from '@/lib/reports/meal-orders';
import { knownSite, nextWeek, parseMealOrderParams } from '@/lib/reports/params';
import { reportSites } from '@/lib/structures/sites';
import { requireStaff } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { formatDateLong } from '@/lib/planning';
import { ExportLink, figureCell as num, ReportDate, ReportFilters, SiteSelect, typed } from '../report-filters';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mealOrders'))('title') };
}

export default async function MealOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff();
  const t = await getTranslations('mealOrders');
  const db = await getDb();
  const day = today();
  const raw = await searchParams;
  const requested = parseMealOrderParams(raw, day);
  const [sites, found] = await Promise.all([
    reportSites(db),
    requested.ok ? mealOrders(db, requested.value) : Promise.resolve(null),
  ]);
  // a site that is not the town's is refused, its empty orders never shown
  const parsed = knownSite(requested, sites);
  const params = parsed.ok ? parsed.value : null;
  const orders = params ? found : null;
  const fallback = nextWeek(day);
  const fromValue = params?.from ?? typed(raw, 'from') ?? fallback.from;
  const toValue = params?.to ?? typed(raw, 'to') ?? fallback.to;
  const siteValue = params?.siteId ?? typed(raw, 'site') ?? '';
  const exportHref = params
    ? `/admin/commandes/export?${new URLSearchParams({ from: params.from, to: params.to, ...(params.siteId ? { site: String(params.siteId) } : {}) }).toString()}`
    : null;
  const shown = orders ? sites.filter((s) => orders.bySite.has(s.id)) : [];
  const period = params ? { from: formatDateLong(params.from), to: formatDateLong(params.to) } : null;

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('title')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <ReportFilters show={t('show')} parsed={parsed}>
        <ReportDate label={t('from')} name="from" value={fromValue} />
        <ReportDate label={t('to')} name="to" value={toValue} />
        <SiteSelect label={t('site')} allLabel={t('allSites')} sites={sites} value={siteValue} />
      </ReportFilters>

      {orders && period && (
        <>
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <p className="font-medium">{t('period', period)}</p>
            {exportHref && <ExportLink href={exportHref}>{t('export')}</ExportLink>}
          </div>
          {orders.lines.length === 0 ? (
            <p className="mt-6 rounded bg-white p-4">{t('empty')}</p>
          ) : (
            <>
              <section aria-labelledby="summary-heading" className="mt-6">
                <h2 id="summary-heading" className="text-xl font-bold">
                  {t('summaryTitle')}
                </h2>
                <ScrollRegion label={t('summaryTitle')} className="mt-3">
                  <table className="w-full border-collapse bg-white text-left text-sm">
                    <caption className="sr-only">{t('summaryCaption', period)}</caption>
                    <thead>
                      <tr className="border-b-2 border-slate-400">
                        <th scope="col" className="p-2">
                          {t('site')}
                        </th>
                        <th scope="col" className="p-2 text-right">
                          {t('classique')}
                        </th>
                        <th scope="col" className="p-2 text-right">
                          {t('sansViande')}
                        </th>
                        <th scope="col" className="p-2 text-right">
                          {t('total')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((s) => {
                        const n = orders.bySite.get(s.id)!;
                        return (
                          <tr key={s.id} className="border-b border-slate-300">
                            <th scope="row" className="p-2 font-normal">
                              <a href={`#site-${s.id}`} className="text-brand-700 underline">
                                {s.name}
                              </a>
                            </th>
                            <td className={num}>{n.classique}</td>
                            <td className={num}>{n.sansViande}</td>
                            <td className={`${num} font-semibold`}>{n.total}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                    <tfoot>
                      <tr className="font-bold">
                        <th scope="row" className="p-2">
                          {t('grandTotal')}
                        </th>
                        <td className={num}>{orders.total.classique}</td>
                        <td className={num}>{orders.total.sansViande}</td>
                        <td className={num}>{orders.total.total}</td>
                      </tr>
                    </tfoot>
                  </table>
                </ScrollRegion>
              </section>

              {shown.map((s) => {
                const lines = orders.lines.filter((l) => l.siteId === s.id);
                const n = orders.bySite.get(s.id)!;
                return (
                  <section key={s.id} aria-labelledby={`site-${s.id}`} className="mt-8">
                    <h2 id={`site-${s.id}`} className="text-lg font-bold">
                      {s.name}
                    </h2>
                    <ScrollRegion label={s.name} className="mt-2">
                      <table className="w-full border-collapse bg-white text-left text-sm">
                        <caption className="sr-only">{t('siteCaption', { site: s.name, ...period })}</caption>
                        <thead>
                          <tr className="border-b-2 border-slate-400">
                            <th scope="col" className="p-2">
                              {t('date')}
                            </th>
                            <th scope="col" className="p-2 text-right">
                              {t('classique')}
                            </th>
                            <th scope="col" className="p-2 text-right">
                              {t('sansViande')}
                            </th>
                            <th scope="col" className="p-2 text-right">
                              {t('total')}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {lines.map((l) => (
                            <tr key={l.date} className="border-b border-slate-300">
                              <th scope="row" className="p-2 font-normal">
                                {formatDateLong(l.date)}
                              </th>
                              <td className={num}>{l.classique}</td>
                              <td className={num}>{l.sansViande}</td>
                              <td className={`${num} font-semibold`}>{l.total}</td>
                            </tr>
                          ))}
                        </tbody>
                        <tfoot>
                          <tr className="font-bold">
                            <th scope="row" className="p-2">
                              {t('siteTotal')}
                            </th>
                            <td className={num}>{n.classique}</td>
                            <td className={num}>{n.sansViande}</td>
                            <td className={num}>{n.total}</td>
                          </tr>
                        </tfoot>
                      </table>
                    </ScrollRegion>
                  </section>
                );
              })}
            </>
          )}
        </>
      )}
    </>
  );
}
