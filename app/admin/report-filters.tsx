// The parts the back office's reports share (« Bilans de présence », « Rapport CAF », « Listes de présence »,
// « Commandes de repas », the dashboard's site): the one-row GET filter form (its dates, the site, « Afficher ») with
// the refusal of a bad filter, the link « Exporter en CSV » and the class of a figure's cell. The lists' form is
// filtered-list.tsx.
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { reportErrorMax, type Parsed } from '@/lib/reports/params';
import { FilterOptions } from './filtered-list';

/** The class of a report's date, month or site field. */
const reportField = 'rounded border border-slate-500 bg-white px-2 py-1.5';

/** The class of a table cell holding a figure: right-aligned, digits of one width so that columns line up. */
export const figureCell = 'p-2 text-right tabular-nums';

/** A value of the URL as it was typed, a refused one included: the form shows it again to be corrected. */
export function typed(raw: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = raw[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The form: its fields in the page's order, then « Afficher » (a GET form, so that a report has a shareable URL);
 * below it, the refusal of the filter `parsed` if it is bad.
 */
export function ReportFilters({
  show,
  parsed,
  className = 'mt-6',
  children,
}: {
  show: string;
  parsed: Parsed<unknown>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <>
      <form method="get" className={`${className} flex flex-wrap items-end gap-3`}>
        {children}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {show}
        </button>
      </form>
      <ReportRefusal parsed={parsed} />
    </>
  );
}

function ReportField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="font-medium">{label}</span>
      {children}
    </label>
  );
}

/** A day or a month the report runs on (« Du », « Au », « Date », « Du mois »). */
export function ReportDate({
  label,
  name,
  value,
  type = 'date',
}: {
  label: string;
  name: string;
  value: string;
  type?: 'date' | 'month';
}) {
  return (
    <ReportField label={label}>
      <input
        type={type}
        name={name}
        defaultValue={value}
        required
        // a browser without a month picker shows a text box: the placeholder gives the format
        placeholder={type === 'month' ? 'aaaa-mm' : undefined}
        className={reportField}
      />
    </ReportField>
  );
}

/** The site among the town's; the first choice (« Tous les sites ») is every site. */
export function SiteSelect({
  label,
  allLabel,
  sites,
  value,
}: {
  label: string;
  allLabel: string;
  sites: readonly { id: number; name: string }[];
  value: string | number;
}) {
  return (
    <ReportField label={label}>
      <select name="site" defaultValue={value} className={reportField}>
        <FilterOptions anyLabel={allLabel} options={sites.map((s) => ({ value: String(s.id), label: s.name }))} />
      </select>
    </ReportField>
  );
}

/** A bad filter is the user's mistake: its French sentence, with the bound it names (« 366 jours », « 24 mois »). */
async function ReportRefusal({ parsed }: { parsed: Parsed<unknown> }) {
  if (parsed.ok) return null;
  const te = await getTranslations('reportErrors');
  return (
    <div role="alert" className="mt-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
      {te(parsed.error, { max: reportErrorMax(parsed.error) })}
    </div>
  );
}

/** « Exporter en CSV »: a plain link (the route answers with a file), drawn as a secondary button. */
export function ExportLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      className="inline-block rounded border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
    >
      {children}
    </a>
  );
}
