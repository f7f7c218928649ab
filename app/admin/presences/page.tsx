// Back office "Listes de présence": per site and date, the children expected (name, class), their units and their
// family's contact, sorted by name. Prints one site per page; "Exporter en CSV" downloads the same list.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { attendanceList, type AttendanceRow } from '@/lib/reports/attendance';
import { knownSite, parseAttendanceParams } from '@/lib/reports/params';
import { reportSites } from '@/lib/structures/sites';
import { requireStaff } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { formatDateLong } from '@/lib/planning';
import { ExportLink, ReportDate, ReportFilters, SiteSelect, typed } from '../report-filters';
import { PrintButton } from './print-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('attendance'))('title') };
}

// The site's header and navigation are not part of a printed list.
const PRINT_CSS =
  '@media print { body > header, header.bg-brand-700, nav { display: none !important; } body { background: #fff; } main { max-width: none !important; padding: 0 !important; } @page { margin: 12mm; } }';

export default async function AttendancePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff();
  const [t, tu] = await Promise.all([getTranslations('attendance'), getTranslations('units')]);
  const db = await getDb();
  const day = today();
  const raw = await searchParams;
  const requested = parseAttendanceParams(raw, day);
  // the list starts with the sites, not after them; a site that is not the town's is refused (knownSite), its empty
  // list never shown
  const [sites, found] = await Promise.all([
    reportSites(db),
    requested.ok ? attendanceList(db, requested.value) : Promise.resolve([]),
  ]);
  const parsed = knownSite(requested, sites);
  const params = parsed.ok ? parsed.value : null;
  const list = params ? found : [];
  const shownSites = params?.siteId ? sites.filter((s) => s.id === params.siteId) : sites;
  const bySite = new Map<number, AttendanceRow[]>();
  for (const row of list) bySite.set(row.siteId, [...(bySite.get(row.siteId) ?? []), row]);
  // every site: with no site chosen, only the sites expecting someone (the others would print empty pages)
  const sections = params?.siteId ? shownSites : shownSites.filter((s) => bySite.has(s.id));
  const dateValue = params?.date ?? typed(raw, 'date') ?? day;
  const exportHref = params
    ? `/admin/presences/export?${new URLSearchParams({ date: params.date, ...(params.siteId ? { site: String(params.siteId) } : {}) }).toString()}`
    : null;

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="print:hidden">
        <p className="text-sm uppercase tracking-wide text-slate-700">{t('title')}</p>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2 max-w-3xl">{t('intro')}</p>
        <ReportFilters show={t('show')} parsed={parsed}>
          <SiteSelect label={t('site')} allLabel={t('allSites')} sites={sites} value={params?.siteId ?? ''} />
          <ReportDate label={t('date')} name="date" value={dateValue} />
        </ReportFilters>
        {params && (
          <div className="mt-4 flex flex-wrap gap-3">
            <PrintButton label={t('print')} />
            {exportHref && <ExportLink href={exportHref}>{t('export')}</ExportLink>}
          </div>
        )}
      </div>

      {params && sections.length === 0 && <p className="mt-6 rounded bg-white p-4">{t('empty')}</p>}
      {params &&
        sections.map((site, i) => {
          const children = bySite.get(site.id) ?? [];
          const title = t('listTitle', { site: site.name, date: formatDateLong(params.date) });
          const headingId = `site-${site.id}`;
          return (
            <section
              key={site.id}
              aria-labelledby={headingId}
              className={`mt-8 print:mt-0 ${i > 0 ? 'print:break-before-page' : ''}`}
            >
              <h2 id={headingId} className="text-xl font-bold">
                {title}
              </h2>
              <p className="mt-1 text-slate-700 print:text-black">
                {t('count', { count: children.filter((c) => !c.absent).length })}
              </p>
              {children.length === 0 ? (
                <p className="mt-3 rounded bg-white p-4">{t('emptySite')}</p>
              ) : (
                <ScrollRegion label={title} className="mt-3 print:overflow-visible">
                  <table className="w-full border-collapse bg-white text-left text-sm print:text-xs">
                    <caption className="sr-only">
                      {t('caption', { site: site.name, date: formatDateLong(params.date) })}
                    </caption>
                    <thead>
                      <tr className="border-b-2 border-slate-400">
                        <th scope="col" className="p-2">
                          {t('child')}
                        </th>
                        <th scope="col" className="p-2">
                          {t('classLevel')}
                        </th>
                        <th scope="col" className="p-2">
                          {t('units')}
                        </th>
                        <th scope="col" className="p-2">
                          {t('parent')}
                        </th>
                        <th scope="col" className="p-2">
                          {t('phone')}
                        </th>
                        <th scope="col" className="p-2">
                          {t('email')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {children.map((c) => (
                        <tr key={c.childId} className="border-b border-slate-300 align-top print:break-inside-avoid">
                          <th scope="row" className="p-2 font-medium">
                            <span className="uppercase">{c.lastName}</span> {c.firstName}
                          </th>
                          <td className="p-2">{c.classLevel}</td>
                          <td className="p-2">
                            {c.units.map((u) => tu(u)).join(', ')}
                            {c.absent ? <strong className="block">{t('absentDeclared')}</strong> : null}
                          </td>
                          {c.contact ? (
                            <>
                              <td className="p-2">{`${c.contact.firstName} ${c.contact.lastName}`.trim()}</td>
                              <td className="whitespace-nowrap p-2">{c.contact.phone}</td>
                              <td className="break-all p-2">{c.contact.email}</td>
                            </>
                          ) : (
                            <td colSpan={3} className="p-2">
                              {t('noContact')}
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
            </section>
          );
        })}
    </>
  );
}
