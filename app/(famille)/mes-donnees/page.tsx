// « Mes données » (RGPD): download everything the portal holds about the family (JSON, CSV: two plain forms posting to
// ./telechargement), and « Demander la fermeture de mon compte » behind a confirmation (?confirmer=1: a GET shows it,
// changes nothing). Once asked, the page says since when, and offers nothing to ask again.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { parisDate } from '@/lib/clock';
import { closureRequestedAt } from '@/lib/families/closure';
import { formatDateLong } from '@/lib/planning';
import { requestClosureAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('myData'))('title') };
}

type Props = { searchParams: Promise<{ confirmer?: string }> };

const DOWNLOADS = [
  { format: 'json', label: 'downloadJson', hint: 'downloadJsonHint' },
  { format: 'csv', label: 'downloadCsv', hint: 'downloadCsvHint' },
] as const;

export default async function MyDataPage({ searchParams }: Props) {
  const user = await requireParent();
  const t = await getTranslations('myData');
  const [{ confirmer }, requestedAt] = await Promise.all([
    searchParams,
    closureRequestedAt(await getDb(), user.familyId),
  ]);

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-prose">{t('intro')}</p>

      <section aria-labelledby="telecharger-heading" className="mt-6 max-w-2xl rounded-lg bg-white p-4">
        <h2 id="telecharger-heading" className="text-xl font-semibold">
          {t('downloadHeading')}
        </h2>
        <p className="mt-2">{t('downloadHelp')}</p>
        <ul className="mt-4 space-y-4">
          {DOWNLOADS.map((d) => (
            <li key={d.format}>
              <form method="post" action="/mes-donnees/telechargement">
                <input type="hidden" name="format" value={d.format} />
                <button
                  type="submit"
                  aria-describedby={`telecharger-${d.format}`}
                  className="min-h-11 rounded bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
                >
                  {t(d.label)}
                </button>
                <p id={`telecharger-${d.format}`} className="mt-1 text-sm text-slate-700">
                  {t(d.hint)}
                </p>
              </form>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="fermeture-heading" id="fermeture" className="mt-6 max-w-2xl rounded-lg bg-white p-4">
        <h2 id="fermeture-heading" className="text-xl font-semibold">
          {t('closeHeading')}
        </h2>
        {requestedAt ? (
          <p role="status" className="mt-3 rounded border-s-4 border-green-700 bg-green-50 p-3">
            {t('requested', { date: formatDateLong(parisDate(requestedAt)) })}
          </p>
        ) : (
          <>
            <p className="mt-2">{t('closeHelp')}</p>
            <p className="mt-2">{t('closeKept')}</p>
            <p className="mt-2 font-medium">{t('closeAdvice')}</p>
            {confirmer === '1' ? (
              <div className="mt-4 rounded border-s-4 border-amber-700 bg-amber-50 p-3">
                <h3 className="text-lg font-semibold">{t('confirmHeading')}</h3>
                <p className="mt-2">{t('confirmText')}</p>
                <div className="mt-3 flex flex-wrap items-center gap-4">
                  <ActionForm
                    action={requestClosureAction}
                    hidden={{ confirm: '1' }}
                    submitLabel={t('confirmButton')}
                    pendingLabel={t('confirmButton')}
                  />
                  <Link
                    href="/mes-donnees"
                    className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
                  >
                    {t('cancel')}
                  </Link>
                </div>
              </div>
            ) : (
              <Link
                href="/mes-donnees?confirmer=1#fermeture"
                className="mt-4 inline-flex min-h-11 items-center rounded border border-brand-700 px-4 font-semibold text-brand-700 hover:bg-slate-100"
              >
                {t('closeButton')}
              </Link>
            )}
          </>
        )}
      </section>
    </>
  );
}
