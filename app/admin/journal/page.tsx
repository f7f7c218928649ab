// Back office « Journal »: the audit log, newest first: who (name and role), when (Paris time), what (action, object,
// id, each in French), before and after as readable JSON. Filters are GET params (shareable URLs), 50 a page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { journalFacets, journalFiltersSchema, listJournal } from '@/lib/admin/journal';
import { requireStaff } from '@/lib/auth/session';
import { Pagination } from '../demandes/pagination';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('journal'))('title') };
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Paris' });
const byLabel = (codes: string[], label: (code: string) => string) => [...codes].sort((a, b) => label(a).localeCompare(label(b), 'fr'));
const field = 'mt-1 block w-full rounded border-2 border-slate-600 px-2 py-1.5';

// A long value scrolls inside its box: the box is focusable so the keyboard can scroll it too.
function Json({ value, empty, label }: { value: unknown; empty: string; label: string }) {
  if (value === null || value === undefined) return <span className="text-slate-600">{empty}</span>;
  return <pre tabIndex={0} role="region" aria-label={label} className="max-h-64 max-w-md overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs">{JSON.stringify(value, null, 2)}</pre>;
}

export default async function JournalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff();
  const t = await getTranslations('journal');
  const filters = journalFiltersSchema.parse(await searchParams);
  const db = await getDb();
  const [result, facets] = await Promise.all([listJournal(db, filters), journalFacets(db)]);
  const { page: _page, ...kept } = filters;
  // French labels for the codes the log stores; a code without a label yet is shown as it is.
  const actionLabel = (code: string) => (t.has(`actions.${code}`) ? t(`actions.${code}`) : code);
  const entityLabel = (code: string) => (t.has(`entities.${code}`) ? t(`entities.${code}`) : code);

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>

      <form method="get" action="/admin/journal" aria-labelledby="filters-heading" className="mt-6 rounded bg-white p-4 shadow-sm">
        <h2 id="filters-heading" className="text-lg font-semibold">{t('filters')}</h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <label className="block">{t('actor')}<input name="actor" defaultValue={filters.actor ?? ''} maxLength={100} className={field} /></label>
          <label className="block">{t('action')}
            <select name="action" defaultValue={filters.action ?? ''} className={field}>
              <option value="">{t('any')}</option>
              {byLabel(facets.actions, actionLabel).map((a) => <option key={a} value={a}>{actionLabel(a)}</option>)}
            </select>
          </label>
          <label className="block">{t('entity')}
            <select name="entity" defaultValue={filters.entity ?? ''} className={field}>
              <option value="">{t('any')}</option>
              {byLabel(facets.entities, entityLabel).map((e) => <option key={e} value={e}>{entityLabel(e)}</option>)}
            </select>
          </label>
          <label className="block">{t('familyId')}<input name="familyId" inputMode="numeric" pattern="[0-9]*" defaultValue={filters.familyId ?? ''} className={field} /></label>
          <label className="block">{t('from')}<input type="date" name="from" defaultValue={filters.from ?? ''} className={field} /></label>
          <label className="block">{t('to')}<input type="date" name="to" defaultValue={filters.to ?? ''} className={field} /></label>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t('apply')}</button>
          <Link href="/admin/journal" className="text-brand-700 underline">{t('reset')}</Link>
        </div>
      </form>

      <p role="status" className="mt-6 font-medium">{t('count', { total: result.total })}</p>
      {result.rows.length === 0 ? (
        <p className="mt-3 rounded bg-white p-4">{t('empty')}</p>
      ) : (
        <ScrollRegion label={t('title')} className="mt-3">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t('caption', { page: result.page, pageCount: result.pageCount })}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="p-2">{t('when')}</th>
                <th scope="col" className="p-2">{t('who')}</th>
                <th scope="col" className="p-2">{t('what')}</th>
                <th scope="col" className="p-2">{t('before')}</th>
                <th scope="col" className="p-2">{t('after')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-300 align-top">
                  <td className="whitespace-nowrap p-2">{dateTime.format(r.at)}</td>
                  <td className="p-2">
                    {r.actorName !== null ? (
                      <>
                        <span className="block font-medium">{r.actorName}</span>
                        <span className="block text-slate-700">{r.actorRole ? t(`roles.${r.actorRole}`) : ''}{r.actorEmail ? ` · ${r.actorEmail}` : ''}</span>
                      </>
                    ) : r.actorId !== null ? t('deletedAccount', { id: r.actorId }) : t('system')}
                  </td>
                  <th scope="row" className="p-2 font-normal">
                    <span className="block font-medium">{actionLabel(r.action)}</span>
                    <span className="block text-slate-700">{entityLabel(r.entity)}{r.entityId ? ` n° ${r.entityId}` : ''}</span>
                    {r.familyId !== null && (
                      <Link href={`/admin/journal?familyId=${r.familyId}`} className="block text-brand-700 underline">{t('family', { id: r.familyId })}</Link>
                    )}
                  </th>
                  <td className="p-2"><Json value={r.before} empty={t('nothing')} label={`${t('before')} ${r.id}`} /></td>
                  <td className="p-2"><Json value={r.after} empty={t('nothing')} label={`${t('after')} ${r.id}`} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination path="/admin/journal" filters={kept} page={result.page} pageCount={result.pageCount} />
    </>
  );
}
