// Back office « Fermetures de compte »: the families that asked to close their account (« Mes données »), oldest
// first, each with « Fermer le compte de la famille … », which shows what the closure does (?confirmer=<id>: a GET
// shows it, changes nothing) and « Oui, fermer le compte ».
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/session';
import { parisDate, today } from '@/lib/clock';
import { pendingClosures } from '@/lib/families/closure';
import { idSchema } from '@/lib/ids';
import { formatDateLong } from '@/lib/planning';
import { confirmClosureAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminClosures'))('title') };
}

export default async function AdminClosuresPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff();
  const [t, ta] = await Promise.all([getTranslations('adminClosures'), getTranslations('admin')]);
  const confirming = idSchema.safeParse((await searchParams).confirmer);
  const list = await pendingClosures(await getDb(), { today: today() });
  const chosen = confirming.success ? list.find((c) => c.familyId === confirming.data) : undefined;

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{ta('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>

      {chosen && (
        <section
          aria-labelledby="confirmer-heading"
          className="mt-6 max-w-3xl rounded border-l-4 border-amber-700 bg-amber-50 p-4"
        >
          <h2 id="confirmer-heading" className="text-lg font-semibold">
            {t('confirmHeading', { name: chosen.familyName })}
          </h2>
          <p className="mt-2">
            {t('confirmText', { parents: chosen.parents || '—', count: chosen.futureReservations })}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-4">
            <ActionForm
              action={confirmClosureAction}
              hidden={{ familyId: chosen.familyId, confirm: '1' }}
              submitLabel={t('confirmButton')}
              pendingLabel={t('confirmButton')}
            />
            <Link href="/admin/fermetures" className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t('cancel')}
            </Link>
          </div>
        </section>
      )}

      {list.length === 0 ? (
        <p className="mt-6">{t('empty')}</p>
      ) : (
        <ScrollRegion label={t('caption')} className="mt-6">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="p-2">
                  {t('family')}
                </th>
                <th scope="col" className="p-2">
                  {t('requestedAt')}
                </th>
                <th scope="col" className="p-2">
                  {t('parents')}
                </th>
                <th scope="col" className="p-2">
                  {t('children')}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t('futureReservations')}
                </th>
                <th scope="col" className="p-2">
                  {t('action')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.familyId} className="border-b border-slate-300 align-top">
                  <th scope="row" className="p-2 font-normal">
                    <Link href={`/admin/familles/${c.familyId}`} className="text-brand-700 underline">
                      {c.familyName}
                    </Link>
                  </th>
                  <td className="p-2">{formatDateLong(parisDate(c.requestedAt))}</td>
                  <td className="p-2 break-words">{c.parents}</td>
                  <td className="p-2">{c.children}</td>
                  <td className="p-2 text-right tabular-nums">{c.futureReservations}</td>
                  <td className="p-2">
                    <Link
                      href={`/admin/fermetures?confirmer=${c.familyId}#confirmer-heading`}
                      className="text-brand-700 underline"
                    >
                      {t('review', { name: c.familyName })}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
