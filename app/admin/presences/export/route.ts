// CSV of an attendance list: /admin/presences/export?date=YYYY-MM-DD&site=<id> (every site without `site`).
// Staff and admin only: 401 for an anonymous visitor, 403 for a parent (a route handler answers, it does not redirect).
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { attendanceList } from '@/lib/reports/attendance';
import { attendanceCsv, csvResponse } from '@/lib/reports/csv';
import { staffOrRefusal } from '@/lib/auth/route-auth';
import { MAX_RANGE_DAYS, parseAttendanceParams } from '@/lib/reports/params';
import { reportSites } from '@/lib/structures/sites';
import { today } from '@/lib/clock';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const refusal = await staffOrRefusal();
  if (refusal) return refusal;
  const parsed = parseAttendanceParams(new URL(request.url).searchParams, today());
  if (!parsed.ok) {
    const te = await getTranslations({ locale: 'fr', namespace: 'reportErrors' });
    return new Response(te(parsed.error, { max: MAX_RANGE_DAYS }), {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const db = await getDb();
  const [list, sites, t] = await Promise.all([
    attendanceList(db, parsed.value),
    reportSites(db),
    getTranslations({ locale: 'fr', namespace: 'attendance.csv' }),
  ]);
  const csv = attendanceCsv(parsed.value.date, list, sites, {
    site: t('site'),
    date: t('date'),
    lastName: t('lastName'),
    firstName: t('firstName'),
    classLevel: t('classLevel'),
    units: t('units'),
    parent: t('parent'),
    phone: t('phone'),
    email: t('email'),
  });
  const suffix = parsed.value.siteId ? `-site-${parsed.value.siteId}` : '';
  return csvResponse(csv, `presences-${parsed.value.date}${suffix}.csv`);
}
