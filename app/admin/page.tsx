// Back office "Tableau de bord": key figures, the children expected today and tomorrow per site, and the
// occupancy of the coming 8 weeks per site, day and unit against capacity (an SVG chart and the same figures as a table).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Pagination } from './pagination';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import Link from 'next/link';
import { buildChart, CHART, chartPaths } from '@/lib/reports/occupancy-chart';
import { occupancy, occupancyWindow, siteDays, totalsOn, type DayTotals } from '@/lib/reports/occupancy';
import { parseSiteFilter, parseTableSite } from '@/lib/reports/params';
import { reportSites, type ReportSite } from '@/lib/structures/sites';
import { keyFigures } from '@/lib/reports/stats';
import { dashboardPresence, frenchDecimal } from '@/lib/reports/attendance-reports';
import { lastFourWeeks } from '@/lib/reports/params';
import { requireStaff } from '@/lib/auth/session';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { today } from '@/lib/clock';
import { pageParam } from '@/lib/search-params';
import { addDays, formatDateLong, type IsoDate, type Unit } from '@/lib/planning';
import { waitingCountsAhead } from '@/lib/waiting-list/staff';
import { ReportFilters, SiteSelect } from './report-filters';
import { WaitingRoomSection } from './waiting-room-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

/**
 * Sites whose occupancy one page of the dashboard shows: its charts cost about 8 KB each with their RSC payload, and
 * the dashboard stays under 100 KB of HTML (tests/e2e/admin-dashboard.spec.ts) however many sites the town has.
 */
// (3 sites: 102.6 KB when the layout handed every back-office form's messages to every page, 30 KB of them; about
// 74 KB since each page hands its own forms theirs, components/client-messages.tsx)
const SITES_PER_PAGE = 3;

const UNIT_COLOURS: Record<Unit, string> = {
  matin: '#1d4e89',
  apres_midi: '#0f766e',
  repas_classique: '#b45309',
  repas_sans_viande: '#7e22ce',
};

export default async function AdminDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff();
  const [t, td, tu, tp, tw, tr] = await Promise.all([
    getTranslations('admin'),
    getTranslations('adminDashboard'),
    getTranslations('units'),
    getTranslations('adminSignups'),
    getTranslations('adminWaitingLists'),
    getTranslations('attendanceReports'),
  ]);
  const db = await getDb();
  const day = today();
  const tomorrow = addDays(day, 1);
  const params = await searchParams;
  const filter = parseSiteFilter(params);
  const siteId = filter.ok ? filter.value.siteId : null;
  const tableSiteId = parseTableSite(params);
  const requestedPage = pageParam.parse(params.page);
  /** the dashboard's URL with the site filter kept, showing the table of `table` (or none) */
  const hrefWithTable = (table: number | null) => {
    const query = new URLSearchParams();
    if (siteId !== null) query.set('site', String(siteId));
    if (page > 1) query.set('page', String(page));
    if (table !== null) query.set('tableau', String(table));
    const search = query.toString();
    return `/admin${search ? `?${search}` : ''}${table !== null ? `#site-${table}-heading` : ''}`;
  };
  const window = occupancyWindow(day);
  const year = await currentSchoolYear(db, day);
  // « Bilans de présence »: presents / expected over the slots marked in the 28 days before today
  const fourWeeks = lastFourWeeks(day);
  const [figures, sites, cells, waiting, presence] = await Promise.all([
    keyFigures(db, year?.id ?? null),
    reportSites(db),
    occupancy(db, { ...window, siteId }),
    waitingCountsAhead(db, { today: day, weeks: 4 }),
    dashboardPresence(db, { ...fourWeeks, siteId }),
  ]);
  const reportHref = `/admin/bilans?${new URLSearchParams({ ...fourWeeks, ...(siteId !== null ? { site: String(siteId) } : {}) }).toString()}`;
  const shown = siteId === null ? sites : sites.filter((s) => s.id === siteId);
  // the charts: the sites with bookings in the window, a page at a time
  const charted = shown.filter((s) => siteDays(cells, s.id).length > 0);
  const pageCount = Math.max(1, Math.ceil(charted.length / SITES_PER_PAGE));
  const page = Math.min(requestedPage, pageCount);
  // a site's table of figures is shown with that site's chart alone: a table weighs as much as two charts
  const tableSite = charted.find((s) => s.id === tableSiteId);
  const onPage = tableSite ? [tableSite] : charted.slice((page - 1) * SITES_PER_PAGE, page * SITES_PER_PAGE);
  const cards: { label: string; value: number; href?: string }[] = [
    { label: t('families'), value: figures.families },
    { label: t('children'), value: figures.children },
    { label: t('enrolments', { year: year?.label ?? '' }), value: figures.enrolments },
    { label: t('closureRequests'), value: figures.closureRequests, href: '/admin/fermetures' },
    { label: tp('dashboard'), value: figures.pendingFamilies, href: '/admin/familles/en-attente' },
  ];
  const fromLabel = formatDateLong(window.from);
  const toLabel = formatDateLong(window.to);

  const expectedTable = (date: IsoDate, title: string, id: string) => {
    const totals = totalsOn(cells, date);
    const list = shown
      .map((s) => ({ site: s, t: totals.get(s.id) }))
      .filter((r): r is { site: ReportSite; t: DayTotals } => r.t !== undefined);
    const sum = list.reduce(
      (a, r) => ({ matin: a.matin + r.t.matin, apresMidi: a.apresMidi + r.t.apresMidi, repas: a.repas + r.t.repas }),
      { matin: 0, apresMidi: 0, repas: 0 },
    );
    return (
      <section aria-labelledby={id} className="rounded-lg border border-slate-300 bg-white p-4">
        <h3 id={id} className="text-lg font-semibold">
          {title}
        </h3>
        {list.length === 0 ? (
          <p className="mt-2">{td('nothingExpected')}</p>
        ) : (
          <ScrollRegion label={title} className="mt-2">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{td('expectedCaption', { date: formatDateLong(date) })}</caption>
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="p-2">
                    {td('site')}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    {tu('matin')}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    {tu('apres_midi')}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    {tu('repas')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map(({ site, t: n }) => (
                  <tr key={site.id} className="border-b border-slate-300">
                    <th scope="row" className="p-2 font-normal">
                      {site.name}
                    </th>
                    <td className="p-2 text-right tabular-nums">{n.matin}</td>
                    <td className="p-2 text-right tabular-nums">{n.apresMidi}</td>
                    <td className="p-2 text-right tabular-nums">{n.repas}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-semibold">
                  <th scope="row" className="p-2">
                    {td('total')}
                  </th>
                  <td className="p-2 text-right tabular-nums">{sum.matin}</td>
                  <td className="p-2 text-right tabular-nums">{sum.apresMidi}</td>
                  <td className="p-2 text-right tabular-nums">{sum.repas}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        )}
      </section>
    );
  };

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <section aria-labelledby="figures-heading" className="mt-6">
        <h2 id="figures-heading" className="sr-only">
          {t('figures')}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {cards.map((card) => (
            <div key={card.label} className="rounded-lg border border-slate-300 bg-white p-4">
              <dt className="text-sm text-slate-700">
                {card.href ? (
                  <Link href={card.href} className="text-brand-700 underline">
                    {card.label}
                  </Link>
                ) : (
                  card.label
                )}
              </dt>
              <dd className="text-3xl font-bold">{card.value.toLocaleString('fr-FR')}</dd>
            </div>
          ))}
        </dl>
        {/* « Liste d'attente »: the children waiting for a day of the coming 4 weeks (a child waiting several days
            counts once) */}
        <p className="mt-4">
          <Link href="/admin/listes-attente" className="font-medium text-brand-700 underline">
            {tw('dashboard', { children: waiting.children })}
          </Link>
        </p>
        <div className="mt-4 rounded-lg border border-slate-300 bg-white p-4" data-testid="attendance-rate">
          <p className="text-lg font-semibold">
            {presence.total.rate === null
              ? tr('dashboardNone')
              : tr('dashboard', { rate: tr('rateValue', { rate: frenchDecimal(presence.total.rate) }) })}
          </p>
          <p className="text-sm text-slate-700">
            {tr('dashboardDetail', {
              present: presence.marked.present,
              expected: presence.marked.expected,
              from: formatDateLong(fourWeeks.from),
              to: formatDateLong(fourWeeks.to),
            })}
          </p>
          <Link href={reportHref} className="mt-1 inline-block font-medium text-brand-700 underline">
            {tr('dashboardLink')}
          </Link>
        </div>
      </section>

      <ReportFilters show={td('show')} parsed={filter} className="mt-8">
        <SiteSelect label={td('siteFilter')} allLabel={td('allSites')} sites={sites} value={siteId ?? ''} />
      </ReportFilters>

      <section aria-labelledby="expected-heading" className="mt-8">
        <h2 id="expected-heading" className="text-xl font-bold">
          {td('expectedTitle')}
        </h2>
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          {expectedTable(day, td('todayTitle', { date: formatDateLong(day) }), 'today-heading')}
          {expectedTable(tomorrow, td('tomorrowTitle', { date: formatDateLong(tomorrow) }), 'tomorrow-heading')}
        </div>
      </section>

      <section aria-labelledby="occupancy-heading" className="mt-10">
        <h2 id="occupancy-heading" className="text-xl font-bold">
          {td('occupancyTitle')}
        </h2>
        <p className="mt-1">{td('occupancyIntro', { from: fromLabel, to: toLabel })}</p>
        <ul className="mt-3 flex flex-wrap gap-4 text-sm" aria-hidden="true">
          {(['matin', 'apres_midi', 'repas_classique', 'repas_sans_viande'] as const).map((u) => (
            <li key={u} className="flex items-center gap-1.5">
              <span className="inline-block h-3 w-3" style={{ background: UNIT_COLOURS[u] }} />
              {tu(u)}
            </li>
          ))}
          <li className="flex items-center gap-1.5">
            <span className="inline-block h-0.5 w-4 bg-black" />
            {td('capacity')}
          </li>
        </ul>
        {cells.length === 0 && <p className="mt-3 rounded bg-white p-4">{td('occupancyEmpty')}</p>}
        {onPage.map((site) => {
          const days = siteDays(cells, site.id);
          const chart = buildChart(days, window.from, window.to);
          const paths = chartPaths(chart);
          const tableShown = tableSiteId === site.id;
          const s = chart.summary;
          const headingId = `site-${site.id}-heading`;
          const label = td('chartLabel', {
            site: site.name,
            from: fromLabel,
            to: toLabel,
            days: s.daysBooked,
            max: s.max,
            maxDate: s.maxDate ? formatDateLong(s.maxDate) : '',
            maxUnit: s.maxUnit ? tu(s.maxUnit) : '',
            fullPart: td('chartFull', { count: s.fullCount }),
          });
          return (
            <section
              key={site.id}
              aria-labelledby={headingId}
              className="mt-6 rounded-lg border border-slate-300 bg-white p-4"
            >
              <h3 id={headingId} className="text-lg font-semibold">
                {site.name}{' '}
                <span className="text-sm font-normal text-slate-700">
                  · {site.kind === 'centre' ? td('centre') : td('school')}
                </span>
              </h3>
              <svg
                role="img"
                aria-label={label}
                viewBox={`0 0 ${CHART.width} ${CHART.height}`}
                className="mt-2 h-auto w-full"
              >
                {chart.yTicks.map((tick) => (
                  <g key={tick.value}>
                    <line
                      x1={CHART.left}
                      x2={CHART.width - CHART.right}
                      y1={tick.y}
                      y2={tick.y}
                      stroke="#cbd5e1"
                      strokeWidth={1}
                    />
                    <text x={CHART.left - 6} y={tick.y + 4} textAnchor="end" fontSize={11} fill="#334155">
                      {tick.value}
                    </text>
                  </g>
                ))}
                {chart.units.map((u) =>
                  paths.bars[u] ? <path key={u} d={paths.bars[u]} fill={UNIT_COLOURS[u]} /> : null,
                )}
                {paths.capacity && <path d={paths.capacity} stroke="#000" strokeWidth={2} fill="none" />}
                {chart.days.map(
                  (d) =>
                    d.label && (
                      <text key={d.date} x={d.x + 2} y={chart.baseY + 16} fontSize={11} fill="#334155">
                        {d.label}
                      </text>
                    ),
                )}
                <line
                  x1={CHART.left}
                  x2={CHART.width - CHART.right}
                  y1={chart.baseY}
                  y2={chart.baseY}
                  stroke="#334155"
                  strokeWidth={1}
                />
              </svg>
              <Link
                href={hrefWithTable(tableShown ? null : site.id)}
                className="mt-3 inline-block font-medium text-brand-700 underline"
              >
                {tableShown ? td('hideTable') : td('showTable')}
              </Link>
              {tableShown && (
                <ScrollRegion label={td('tableTitle', { site: site.name })} className="mt-2">
                  {/* the cells' style is set once on the table: per cell, it was a third of the table's bytes */}
                  <table className="w-full border-collapse text-left text-sm [&_td]:p-2 [&_td]:text-right [&_td]:tabular-nums [&_tbody_th]:p-2 [&_tbody_th]:font-normal [&_tbody_tr]:border-b [&_tbody_tr]:border-slate-300">
                    <caption className="sr-only">
                      {td('tableCaption', { site: site.name, from: fromLabel, to: toLabel })}
                    </caption>
                    <thead>
                      <tr className="border-b-2 border-slate-400">
                        <th scope="col" className="p-2">
                          {td('date')}
                        </th>
                        {chart.units.map((u) => (
                          <th key={u} scope="col" className="p-2 text-right">
                            {tu(u)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {days.map((d) => (
                        <tr key={d.date}>
                          <th scope="row">{formatDateLong(d.date)}</th>
                          {chart.units.map((u) => {
                            const cell = d.units[u];
                            if (!cell) return <td key={u}>0</td>;
                            const full = cell.capacity !== null && cell.booked >= cell.capacity;
                            return (
                              <td key={u} className={full ? 'font-bold text-red-800' : undefined}>
                                {cell.capacity === null
                                  ? `${cell.booked} (${td('noLimit')})`
                                  : td('bookedOf', { booked: cell.booked, capacity: cell.capacity })}
                                {full && ` – ${td('full')}`}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
            </section>
          );
        })}
        {!tableSite && (
          <Pagination path="/admin" filters={{ site: siteId ?? undefined }} page={page} pageCount={pageCount} />
        )}
      </section>
      <WaitingRoomSection />
    </>
  );
}
