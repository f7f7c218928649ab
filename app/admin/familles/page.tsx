// Back office « Familles »: one search (family name, a parent's e-mail or name, a child's name), 50 families at most.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { SEARCH_LIMIT, searchFamilies } from '@/lib/families/families';
import { countPendingFamilies } from '@/lib/families/signups';
import { requireStaff } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminFamilies'))('title') };
}

export default async function AdminFamiliesPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  await requireStaff();
  const [t, ts] = await Promise.all([getTranslations('adminFamilies'), getTranslations('adminSignups')]);
  const { q } = await searchParams;
  const query = (Array.isArray(q) ? (q[0] ?? '') : (q ?? '')).trim().slice(0, 200);
  const db = await getDb();
  const [hits, pending] = await Promise.all([
    query === '' ? [] : searchFamilies(db, { query }),
    countPendingFamilies(db),
  ]);
  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Link
          href="/admin/familles/nouvelle"
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t('create')}
        </Link>
      </div>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      <p className="mt-3">
        <Link
          href="/admin/familles/en-attente"
          className={`font-semibold underline ${pending > 0 ? 'text-amber-900' : 'text-brand-700'}`}
        >
          {ts('link', { count: pending })}
        </Link>
      </p>
      <form role="search" method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <label className="block grow">
          <span className="block text-sm font-medium">{t('searchLabel')}</span>
          <input
            type="search"
            name="q"
            defaultValue={query}
            className="mt-1 w-full rounded border-2 border-slate-600 px-2 py-1.5"
          />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t('search')}
        </button>
      </form>
      <div role="status" className="mt-6">
        {query === '' ? (
          <p className="rounded bg-white p-4">{t('searchEmpty')}</p>
        ) : hits.length === 0 ? (
          <p className="rounded bg-white p-4">{t('noResult', { query })}</p>
        ) : (
          <p className="font-medium">
            {t('resultCount', { count: hits.length, limited: String(hits.length >= SEARCH_LIMIT) })}
          </p>
        )}
      </div>
      {hits.length > 0 && (
        <ScrollRegion label={t('title')} className="mt-3">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="p-2">
                  {t('family')}
                </th>
                <th scope="col" className="p-2">
                  {t('parents')}
                </th>
                <th scope="col" className="p-2">
                  {t('children')}
                </th>
                <th scope="col" className="p-2">
                  {t('sector')}
                </th>
                <th scope="col" className="p-2">
                  {t('city')}
                </th>
              </tr>
            </thead>
            <tbody>
              {hits.map((hit) => (
                <tr key={hit.id} className="border-b border-slate-300 align-top">
                  <th scope="row" className="p-2">
                    <Link href={`/admin/familles/${hit.id}`} className="text-brand-700 underline">
                      {hit.name}
                    </Link>
                  </th>
                  <td className="break-all p-2">{hit.parents}</td>
                  <td className="p-2">{hit.children}</td>
                  <td className="p-2">{hit.sectorName ?? t('noSector')}</td>
                  <td className="p-2">{hit.city}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
