// Back office « Familles en attente de validation »: the families that signed up themselves and confirmed their address,
// the oldest first; each opens the family's page, where the agent validates or refuses it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/session';
import { listPendingFamilies, PENDING_LIST_LIMIT } from '@/lib/families/signups';
import { formatDateLong } from '@/lib/planning';
import { parisDate } from '@/lib/clock';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminSignups'))('title') };
}

export default async function PendingFamiliesPage() {
  await requireStaff();
  const [t, tf] = await Promise.all([getTranslations('adminSignups'), getTranslations('adminFamilies')]);
  const pending = await listPendingFamilies(await getDb());
  return (
    <>
      <p>
        <Link href="/admin/familles" className="text-brand-700 underline">
          ← {tf('title')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      {pending.length === 0 ? (
        <p className="mt-6 rounded bg-white p-4">{t('empty')}</p>
      ) : (
        <>
          {pending.length >= PENDING_LIST_LIMIT && (
            <p className="mt-4">{t('limited', { count: PENDING_LIST_LIMIT })}</p>
          )}
          <ScrollRegion label={t('title')} className="mt-6">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <thead>
                <tr className="border-b-2 border-slate-400">
                  <th scope="col" className="p-2">
                    {t('family')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('parent')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('contact')}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    {t('children')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('city')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('signedUpAt')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {pending.map((f) => (
                  <tr key={f.id} className="border-b border-slate-300 align-top">
                    <th scope="row" className="p-2">
                      <Link
                        href={`/admin/familles/${f.id}`}
                        aria-label={t('open', { name: f.name })}
                        className="text-brand-700 underline"
                      >
                        {f.name}
                      </Link>
                    </th>
                    <td className="p-2">{f.parentName}</td>
                    <td className="break-all p-2">
                      {f.email}
                      <br />
                      {f.phone}
                    </td>
                    <td className="p-2 text-right tabular-nums">{f.children}</td>
                    <td className="p-2">{f.city}</td>
                    <td className="p-2">{formatDateLong(parisDate(f.createdAt))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </>
  );
}
