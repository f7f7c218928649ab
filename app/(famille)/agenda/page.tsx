// « Ajouter à mon agenda »: the family's private feed address (webcal:// and https://), how to subscribe on iPhone,
// Android and Outlook, and « Régénérer le lien » behind a confirmation (?confirmer=1: a GET shows it, changes nothing).
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { CopyField } from '@/components/copy-field';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { familyFeed } from '@/lib/calendar-feed/manage';
import { requestBaseUrl } from '@/lib/email/base-url';
import { renewCalendarFeedAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('agenda'))('title') };
}

type Props = { searchParams: Promise<{ confirmer?: string; lien?: string }> };

export default async function AgendaPage({ searchParams }: Props) {
  const user = await requireParent();
  const t = await getTranslations('agenda');
  const { confirmer, lien } = await searchParams;
  const db = await getDb();
  const [feed, base] = await Promise.all([familyFeed(db, user.familyId), requestBaseUrl()]);
  const web = feed.state === 'active' ? `${base}/agenda/${feed.token}.ics` : null;
  const webcal = web?.replace(/^https?:\/\//, 'webcal://') ?? null;

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-3 max-w-prose">{t('intro')}</p>
      <p className="mt-2 max-w-prose">{t('window')}</p>
      <p className="mt-2 max-w-prose rounded border-s-4 border-amber-700 bg-white p-3">{t('private')}</p>

      {web && lien && (
        <p role="status" className="mt-4 rounded bg-white p-3 font-medium">
          {lien === 'renouvele' ? t('renewed') : t('created')}
        </p>
      )}

      {feed.state === 'none' && (
        <section aria-labelledby="feed-heading" className="mt-6">
          <h2 id="feed-heading" className="text-xl font-semibold">
            {t('linksHeading')}
          </h2>
          <p className="mt-2">{t('none')}</p>
          <ActionForm
            action={renewCalendarFeedAction}
            hidden={{ confirm: 'create' }}
            submitLabel={t('create')}
            pendingLabel={t('create')}
            className="mt-3"
          />
        </section>
      )}

      {feed.state === 'stale' && (
        <section aria-labelledby="feed-heading" className="mt-6">
          <h2 id="feed-heading" className="text-xl font-semibold">
            {t('linksHeading')}
          </h2>
          <p className="mt-2">{t('stale')}</p>
          <ActionForm
            action={renewCalendarFeedAction}
            hidden={{ confirm: 'renew' }}
            submitLabel={t('createNew')}
            pendingLabel={t('createNew')}
            className="mt-3"
          />
        </section>
      )}

      {web && webcal && (
        <>
          <section aria-labelledby="feed-heading" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="feed-heading" className="text-xl font-semibold">
              {t('linksHeading')}
            </h2>
            <p className="mt-3">
              <a
                href={webcal}
                className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-semibold text-white"
              >
                {t('open')}
              </a>
            </p>
            <p className="mt-1 text-sm text-slate-700">{t('openHint')}</p>
            <CopyField
              label={t('webcalLabel')}
              value={webcal}
              copyLabel={t('copy')}
              copiedLabel={t('copied')}
              failedLabel={t('copyFailed')}
            />
            <CopyField
              label={t('httpsLabel')}
              value={web}
              copyLabel={t('copy')}
              copiedLabel={t('copied')}
              failedLabel={t('copyFailed')}
            />
          </section>

          <section aria-labelledby="how-heading" className="mt-6">
            <h2 id="how-heading" className="text-xl font-semibold">
              {t('howHeading')}
            </h2>
            <h3 className="mt-3 text-lg font-semibold">{t('iphoneHeading')}</h3>
            <ol className="mt-1 max-w-prose list-decimal space-y-1 ps-6">
              <li>{t('iphone1')}</li>
              <li>{t('iphone2')}</li>
            </ol>
            <h3 className="mt-3 text-lg font-semibold">{t('androidHeading')}</h3>
            <ol className="mt-1 max-w-prose list-decimal space-y-1 ps-6">
              <li>{t('android1')}</li>
              <li>{t('android2')}</li>
              <li>{t('android3')}</li>
            </ol>
            <h3 className="mt-3 text-lg font-semibold">{t('outlookHeading')}</h3>
            <ul className="mt-1 max-w-prose list-disc space-y-1 ps-6">
              <li>{t('outlook1')}</li>
              <li>{t('outlook2')}</li>
            </ul>
          </section>

          <section aria-labelledby="renew-heading" className="mt-6">
            <h2 id="renew-heading" className="text-xl font-semibold">
              {t('renewHeading')}
            </h2>
            <p className="mt-2 max-w-prose">{t('renewText')}</p>
            {confirmer === '1' ? (
              <div
                role="group"
                aria-labelledby="confirm-heading"
                className="mt-3 rounded border-2 border-amber-700 bg-white p-4"
              >
                <h3 id="confirm-heading" className="text-lg font-semibold">
                  {t('confirmHeading')}
                </h3>
                <p className="mt-2 max-w-prose">{t('confirmText')}</p>
                <div className="mt-3 flex flex-wrap items-end gap-3">
                  <ActionForm
                    action={renewCalendarFeedAction}
                    hidden={{ confirm: 'renew' }}
                    submitLabel={t('confirm')}
                    pendingLabel={t('confirm')}
                  />
                  <Link href="/agenda" className="inline-flex min-h-11 items-center px-2 text-brand-700 underline">
                    {t('cancel')}
                  </Link>
                </div>
              </div>
            ) : (
              // a GET form: it only shows the confirmation
              <form action="/agenda" method="get" className="mt-3">
                <input type="hidden" name="confirmer" value="1" />
                <button
                  type="submit"
                  className="min-h-11 rounded border-2 border-brand-700 bg-white px-4 font-semibold text-brand-700"
                >
                  {t('renew')}
                </button>
              </form>
            )}
          </section>
        </>
      )}

      <p className="mt-8">
        <Link href="/" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
    </>
  );
}
