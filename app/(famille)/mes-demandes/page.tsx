// « Mes demandes »: the family's requests, newest first. Under 640 px a list of cards (reference, date, child, service,
// what changed in one line, status), nothing scrolls sideways; wider, a table. Only one of the two is displayed, the
// other is `display: none` (out of the accessibility tree too), so each reference link exists once for everyone.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { intlLocaleOf, localeOr } from '@/i18n/locales';
import { getWording } from '@/i18n/wording';
import type { Wording } from '@/lib/planning';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { listFamilyRequests, type RequestListItem } from '@/lib/requests/history';
import { REQUEST_TYPE_KEYS } from '@/lib/requests/types';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('requests'))('title') };
}

type T = Awaited<ReturnType<typeof getTranslations<'requests'>>>;

/** '2 réservations ajoutées, 1 retirée · du 13 janvier 2027 au 27 janvier 2027', 'Inscription : Les Tilleuls, 2026-2027' */
function changedLine(t: T, words: Wording, c: RequestListItem['changed']): string {
  if (c === null) return '';
  if (c.type === 'inscription') return t('changedInscription', { site: c.siteName, year: c.schoolYear });
  const what =
    c.type === 'absence'
      ? t('changedAbsence', { n: c.absent })
      : c.added > 0 && c.removed > 0
        ? `${t('changedAdded', { n: c.added })}, ${t('changedRemoved', { n: c.removed })}`
        : c.added > 0
          ? t('changedAdded', { n: c.added })
          : c.removed > 0
            ? t('changedRemovedOnly', { n: c.removed })
            : t('changedNone');
  if (!c.first || !c.last) return what;
  const when =
    c.first === c.last
      ? t('changedOn', { date: words.dateMedium(c.first) })
      : t('changedFromTo', { from: words.dateMedium(c.first), to: words.dateMedium(c.last) });
  return `${what} · ${when}`;
}

const typeOf = (t: T, r: RequestListItem) =>
  `${t(REQUEST_TYPE_KEYS[r.type])}${r.onBehalf ? ` (${t('onBehalf')})` : ''}`;

const referenceLink = 'inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4';

export default async function MesDemandesPage() {
  const words = await getWording();
  const dateTime = new Intl.DateTimeFormat(intlLocaleOf(localeOr(await getLocale())), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  });
  const user = await requireParent();
  const t = await getTranslations('requests');
  const list = await listFamilyRequests(await getDb(), user.familyId);
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {list.length === 0 ? (
        <p className="mt-4 rounded bg-white p-4">{t('empty')}</p>
      ) : (
        <>
          {/* phone: one card per request */}
          <ul aria-label={t('cardsLabel')} className="mt-4 space-y-3 sm:hidden">
            {list.map((r) => (
              <li key={r.id} className="rounded-lg border border-slate-300 bg-white p-3">
                <p className="flex flex-wrap items-center justify-between gap-x-3">
                  <Link href={`/mes-demandes/${r.id}`} className={`${referenceLink} font-semibold`}>
                    {r.reference}
                  </Link>
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-sm font-medium">
                    <span className="sr-only">{t('status')} : </span>
                    {t('statusSubmitted')}
                  </span>
                </p>
                <p className="text-sm text-slate-700">{dateTime.format(r.submittedAt)}</p>
                <p className="mt-1 font-medium">
                  {r.childName} · {words.service(r.service)}
                </p>
                <p className="text-sm">
                  {typeOf(t, r)}
                  {r.changed ? ` – ${changedLine(t, words, r.changed)}` : ''}
                </p>
              </li>
            ))}
          </ul>
          {/* wider: the table */}
          <div className="mt-4 hidden sm:block">
            <table className="w-full border-collapse bg-white text-start text-sm">
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
                    {t('changed')}
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
                      <Link href={`/mes-demandes/${r.id}`} className={referenceLink}>
                        {r.reference}
                      </Link>
                    </th>
                    <td className="p-2">{dateTime.format(r.submittedAt)}</td>
                    <td className="p-2">{r.childName}</td>
                    <td className="p-2">{words.service(r.service)}</td>
                    <td className="p-2">{typeOf(t, r)}</td>
                    <td className="p-2">{changedLine(t, words, r.changed)}</td>
                    <td className="p-2">{t('statusSubmitted')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
