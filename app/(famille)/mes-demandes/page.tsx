import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { SERVICE_LABELS } from '@/lib/planning';
import { listFamilyRequests } from '@/lib/requests/history';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('requests'))('title') };
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

export default async function MesDemandesPage() {
  const user = await requireParent();
  const t = await getTranslations('requests');
  const list = await listFamilyRequests(await getDb(), user.familyId);
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {list.length === 0 ? (
        <p className="mt-4 rounded bg-white p-4">{t('empty')}</p>
      ) : (
        <ScrollRegion label={t('caption')} className="mt-4">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="p-2">
                  {t('reference')}
                </th>
                <th scope="col" className="p-2">
                  {t('date')}
                </th>
                <th scope="col" className="p-2">
                  {t('child')}
                </th>
                <th scope="col" className="p-2">
                  {t('service')}
                </th>
                <th scope="col" className="p-2">
                  {t('type')}
                </th>
                <th scope="col" className="p-2">
                  {t('status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} className="border-b border-slate-300">
                  <th scope="row" className="p-2">
                    <Link href={`/mes-demandes/${r.id}`} className="text-brand-700 underline">
                      {r.reference}
                    </Link>
                  </th>
                  <td className="p-2">{dateTime.format(r.submittedAt)}</td>
                  <td className="p-2">{r.childName}</td>
                  <td className="p-2">{SERVICE_LABELS[r.service]}</td>
                  <td className="p-2">
                    {r.type === 'reservation' ? t('typeReservation') : t('typeInscription')}
                    {r.onBehalf ? ` (${t('onBehalf')})` : ''}
                  </td>
                  <td className="p-2">{t('statusSubmitted')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
