// « Télécharger (JSON) » and « Télécharger (CSV) » of « Mes données »: POST /mes-donnees/telechargement with
// format=json|csv. A POST, because each download is written in the journal (a GET changes nothing), and a
// cross-site POST is refused by the proxy. The signed-in parent's family only: the family and the account come from
// the session, never from the form (401 anonymous, 403 staff).
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { parentOrRefusal } from '@/lib/auth/route-auth';
import { now, today } from '@/lib/clock';
import { EXPORT_FORMATS, exportFamilyData, familyDataCsv, type ExportCsvLabel } from '@/lib/families/data-export';
import { csvResponse } from '@/lib/reports/csv';

export const dynamic = 'force-dynamic';

const formatSchema = z.enum(EXPORT_FORMATS);

export async function POST(request: Request): Promise<Response> {
  const user = await parentOrRefusal();
  if (user instanceof Response) return user;
  const form = await request.formData().catch(() => null);
  const format = formatSchema.safeParse(form?.get('format'));
  const t = await getTranslations({ locale: 'fr', namespace: 'myData' });
  if (!format.success) {
    return new Response(t('badFormat'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const data = await exportFamilyData(await getDb(), {
    familyId: user.familyId,
    accountId: user.id,
    format: format.data,
    now: now(),
  });
  const filename = `mes-donnees-${today()}.${format.data}`;
  if (format.data === 'csv')
    return csvResponse(
      familyDataCsv(data, (key: ExportCsvLabel) => t(`csv.${key}`)),
      filename,
    );
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
