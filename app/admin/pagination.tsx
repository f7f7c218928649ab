// « Page précédente » / « Page suivante » links that keep the filters of the URL (used by Demandes and Journal).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { filtersToSearch } from '@/lib/requests/list';

export async function Pagination({
  path,
  filters,
  page,
  pageCount,
}: {
  path: string;
  filters: Record<string, string | number | undefined>;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations('pagination');
  return (
    <nav aria-label={t('label')} className="mt-4 flex flex-wrap items-center gap-4">
      {page > 1 && (
        <Link href={`${path}${filtersToSearch(filters, page - 1)}`} className="text-brand-700 underline">
          {t('previous')}
        </Link>
      )}
      <span aria-current="page">{t('status', { page, pageCount })}</span>
      {page < pageCount && (
        <Link href={`${path}${filtersToSearch(filters, page + 1)}`} className="text-brand-700 underline">
          {t('next')}
        </Link>
      )}
    </nav>
  );
}
