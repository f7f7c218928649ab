import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { intlLocaleOf, localeOr } from '@/i18n/locales';
import { getWording } from '@/i18n/wording';
import { ScrollRegion } from '@/components/scroll-region';
import { RecapTable } from '@/components/recap-table';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { diffByDate } from '@/lib/planning';
import { getFamilyRequest } from '@/lib/requests/history';

export async function generateMetadata({ params }: { params: Promise<{ requestId: string }> }): Promise<Metadata> {
  const t = await getTranslations('requests');
  const user = await requireParent();
  const id = Number((await params).requestId);
  const request =
    Number.isInteger(id) && id > 0 && id <= 2_147_483_647
      ? await getFamilyRequest(await getDb(), user.familyId, id)
      : null;
  return { title: request ? `${t('detailTitle', { reference: request.reference })} · ${t('title')}` : t('title') };
}

export default async function RequestDetailPage({ params }: { params: Promise<{ requestId: string }> }) {
  const words = await getWording();
  const dateTime = new Intl.DateTimeFormat(intlLocaleOf(localeOr(await getLocale())), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  });
  const user = await requireParent();
  const t = await getTranslations('requests');
  const id = Number((await params).requestId);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const request = await getFamilyRequest(await getDb(), user.familyId, id);
  if (!request) notFound();
  return (
    <>
      <h1 className="text-2xl font-bold">{t('detailTitle', { reference: request.reference })}</h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{t('date')}</dt>
        <dd>{dateTime.format(request.submittedAt)}</dd>
        <dt className="font-medium">{t('child')}</dt>
        <dd>{request.childName}</dd>
        <dt className="font-medium">{t('service')}</dt>
        <dd>{words.service(request.service)}</dd>
        <dt className="font-medium">{t('type')}</dt>
        <dd>
          {request.type === 'reservation' ? t('typeReservation') : t('typeInscription')}
          {request.onBehalf ? ` (${t('onBehalf')})` : ''}
        </dd>
        <dt className="font-medium">{t('status')}</dt>
        <dd>{t('statusSubmitted')}</dd>
      </dl>
      <ScrollRegion label={t('detailTitle', { reference: request.reference })} className="mt-4">
        <RecapTable changes={diffByDate(request.removed, request.added)} />
      </ScrollRegion>
      <p className="mt-6">
        <Link href="/mes-demandes" className="text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
    </>
  );
}
