// CSV of « Bilans de présence »: /admin/bilans/export?rapport=presences|absences&from=YYYY-MM-DD&to=YYYY-MM-DD&site=<id>
// (every site without `site`). Staff and admin only: 401 for an anonymous visitor, 403 for a parent. The figures come
// from the functions the page calls (lib/reports/attendance-reports.ts): the file's totals are the page's.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { staffOrRefusal } from '@/lib/auth/route-auth';
import { today } from '@/lib/clock';
import { absencesCsv, presenceCsv } from '@/lib/reports/attendance-csv';
import { absencesByFamily, attendanceVsExpected } from '@/lib/reports/attendance-reports';
import { csvResponse } from '@/lib/reports/csv';
import { knownSite, parsePresenceReportParams, reportErrorMax } from '@/lib/reports/params';
import { reportSites } from '@/lib/structures/sites';

export const dynamic = 'force-dynamic';

const REPORTS = ['presences', 'absences'] as const;

function badRequest(message: string): Response {
  return new Response(message, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function GET(request: Request): Promise<Response> {
  const refusal = await staffOrRefusal();
  if (refusal) return refusal;
  const search = new URL(request.url).searchParams;
  const report = REPORTS.find((r) => r === search.get('rapport'));
  if (!report) return badRequest('Le bilan demandé n\u2019existe pas : choisissez « presences » ou « absences ».');
  const db = await getDb();
  const parsed = knownSite(parsePresenceReportParams(search, today()), await reportSites(db));
  if (!parsed.ok) {
    const te = await getTranslations({ locale: 'fr', namespace: 'reportErrors' });
    return badRequest(te(parsed.error, { max: reportErrorMax(parsed.error) }));
  }
  const scope = parsed.value;
  const t = await getTranslations({ locale: 'fr', namespace: 'attendanceReports' });
  const suffix = `${scope.from}-${scope.to}${scope.siteId ? `-site-${scope.siteId}` : ''}`;
  if (report === 'presences') {
    const tu = await getTranslations({ locale: 'fr', namespace: 'units' });
    const csv = presenceCsv(await attendanceVsExpected(db, scope), {
      date: t('csv.date'),
      slot: t('csv.slot'),
      expected: t('csv.expected'),
      present: t('csv.present'),
      unbooked: t('csv.unbooked'),
      rate: t('csv.rate'),
      total: t('csv.total'),
      slots: { matin: tu('matin'), repas: tu('repas'), apres_midi: tu('apres_midi') },
    });
    return csvResponse(csv, `presences-attendus-${suffix}.csv`);
  }
  const csv = absencesCsv(await absencesByFamily(db, scope), {
    titles: {
      unjustified: t('lists.unjustified'),
      justified: t('lists.justified'),
      unbooked: t('lists.unbooked'),
    },
    family: t('csv.family'),
    children: t('csv.children'),
    count: t('csv.count'),
    total: t('csv.total'),
    pendingTitle: t('csv.pendingTitle'),
  });
  return csvResponse(csv, `absences-${suffix}.csv`);
}
