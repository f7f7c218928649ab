// CSV of the meal orders: /admin/commandes/export?from=YYYY-MM-DD&to=YYYY-MM-DD (&site=<id>), default next week.
// Staff and admin only: 401 for an anonymous visitor, 403 for a parent. A bad range answers 400 with the French message.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { csvResponse, mealOrdersCsv } from '@/lib/reports/csv';
import { mealOrders } from '@/lib/reports/meal-orders';
import { staffOrRefusal } from '@/lib/auth/route-auth';
import { MAX_RANGE_DAYS, parseMealOrderParams } from '@/lib/reports/params';
import { reportSites } from '@/lib/structures/sites';
import { today } from '@/lib/clock';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const refusal = await staffOrRefusal();
  if (refusal) return refusal;
  const parsed = parseMealOrderParams(new URL(request.url).searchParams, today());
  if (!parsed.ok) {
    const te = await getTranslations({ locale: 'fr', namespace: 'reportErrors' });
    return new Response(te(parsed.error, { max: MAX_RANGE_DAYS }), {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const db = await getDb();
  const [orders, sites, t] = await Promise.all([
    mealOrders(db, parsed.value),
    reportSites(db),
    getTranslations({ locale: 'fr', namespace: 'mealOrders.csv' }),
  ]);
  const csv = mealOrdersCsv(orders, sites, {
    date: t('date'),
    site: t('site'),
    classique: t('classique'),
    sansViande: t('sansViande'),
    total: t('total'),
    siteTotal: t('siteTotal'),
    grandTotal: t('grandTotal'),
  });
  const { from, to } = parsed.value;
  return csvResponse(csv, `commandes-repas-${from}-${to}.csv`);
}
