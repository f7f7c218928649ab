// The parts of the back office's filtered lists (« Demandes », « Journal »): the GET filter form (shareable URLs),
// the count announced, the table or its empty state, and the pages.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ScrollRegion } from '@/components/scroll-region';

/** The class of a filter's input or select. */
export const filterField = 'mt-1 block w-full rounded border-2 border-slate-600 px-2 py-1.5';

export function FilterForm({
  path,
  title,
  apply,
  reset,
  columns = 3,
  children,
}: {
  path: string;
  title: string;
  apply: string;
  reset: string;
  columns?: 3 | 4;
  children: ReactNode;
}) {
  return (
    <form method="get" action={path} aria-labelledby="filters-heading" className="mt-6 rounded bg-white p-4 shadow-sm">
      <h2 id="filters-heading" className="text-lg font-semibold">
        {title}
      </h2>
      <div className={`mt-3 grid gap-3 sm:grid-cols-2 ${columns === 4 ? 'lg:grid-cols-4' : 'lg:grid-cols-3'}`}>
        {children}
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {apply}
        </button>
        <Link href={path} className="text-brand-700 underline">
          {reset}
        </Link>
      </div>
    </form>
  );
}

/** A filter among a few values; the first choice (« Toutes », « Tous ») does not filter. */
export function FilterSelect({
  label,
  name,
  value,
  anyLabel,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  anyLabel: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="block">
      {label}
      <select name={name} defaultValue={value ?? ''} className={filterField}>
        <FilterOptions anyLabel={anyLabel} options={options} />
      </select>
    </label>
  );
}

/** A filter's choices: first the one that does not filter (value ""), then the values. */
export function FilterOptions({
  anyLabel,
  options,
}: {
  anyLabel: string;
  options: { value: string; label: string }[];
}) {
  return (
    <>
      <option value="">{anyLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** « Du » and « Au »: the range of days a list is filtered on. */
export function DateRangeFields({
  from,
  to,
  fromLabel,
  toLabel,
}: {
  from?: string;
  to?: string;
  fromLabel: string;
  toLabel: string;
}) {
  return (
    <>
      <label className="block">
        {fromLabel}
        <input type="date" name="from" defaultValue={from ?? ''} className={filterField} />
      </label>
      <label className="block">
        {toLabel}
        <input type="date" name="to" defaultValue={to ?? ''} className={filterField} />
      </label>
    </>
  );
}

/** The list's messages, from its namespace: count ({total}), empty, title, caption ({page}, {pageCount}). */
type ListMessages = (key: 'count' | 'empty' | 'title' | 'caption', values?: Record<string, number>) => string;

export function FilteredResults({
  t,
  result,
  children,
}: {
  t: ListMessages;
  result: { total: number; page: number; pageCount: number; rows: unknown[] };
  /** the table's head and body */
  children: ReactNode;
}) {
  return (
    <>
      <p role="status" className="mt-6 font-medium">
        {t('count', { total: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p className="mt-3 rounded bg-white p-4">{t('empty')}</p>
      ) : (
        <ScrollRegion label={t('title')} className="mt-3">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t('caption', { page: result.page, pageCount: result.pageCount })}</caption>
            {children}
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
