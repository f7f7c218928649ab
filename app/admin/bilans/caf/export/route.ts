// CSV of « Rapport CAF »: /admin/bilans/caf/export?from=YYYY-MM&to=YYYY-MM&site=<id> (every site without `site`).
// Staff and admin only: 401 for an anonymous visitor, 403 for a parent. The figures are the page's (cafReport).
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { staffOrRefusal } from '@/lib/auth/route-auth';
import { today } from '@/lib/clock';
import { cafCsv } from '@/lib/reports/attendance-csv';
import { cafReport, defaultCafMonths } from '@/lib/reports/attendance-reports';
import { csvResponse } from '@/lib/reports/csv';
import { knownSite, parseCafParams, reportErrorMax } from '@/lib/reports/params';
import { reportSites } from '@/lib/structures/sites';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const refusal = await staffOrRefusal();
  if (refusal) return refusal;
  const db = await getDb();
  const search = new URL(request.url).searchParams;
  const parsed = knownSite(parseCafParams(search, await defaultCafMonths(db, today())), await reportSites(db));
  if (!parsed.ok) {
    const te = await getTranslations({ locale: 'fr', namespace: 'reportErrors' });
    return new Response(te(parsed.error, { max: reportErrorMax(parsed.error) }), {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const [t, ts] = await Promise.all([
    getTranslations({ locale: 'fr', namespace: 'cafReport' }),
    getTranslations({ locale: 'fr', namespace: 'services' }),
  ]);
  const csv = cafCsv(await cafReport(db, parsed.value), {
    service: t('csv.service'),
    month: t('csv.month'),
    under6: t('csv.under6'),
    over6: t('csv.over6'),
    total: t('csv.total'),
    serviceTotal: t('csv.serviceTotal'),
    grandTotal: t('csv.grandTotal'),
    services: { cantine: ts('cantine'), mercredi: ts('mercredi'), vacances: ts('vacances') },
  });
  const { from, to, siteId } = parsed.value;
  return csvResponse(csv, `rapport-caf-${from}-${to}${siteId ? `-site-${siteId}` : ''}.csv`);
}
