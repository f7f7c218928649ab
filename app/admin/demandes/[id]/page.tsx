// One request for the Guichet famille: family, child, service, type, changes by date (green added, orange removed),
// and for a request made at the desk, the agent and the reason.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RecapTable } from '@/components/recap-table';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { getAdminRequest } from '@/lib/requests/list';
import { requireStaff } from '@/lib/auth/session';
import { diffByDate, SERVICE_LABELS } from '@/lib/planning';
import { REQUEST_TYPE_KEYS } from '@/lib/requests/types';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations('adminRequests');
  await requireStaff();
  const id = Number((await params).id);
  const request =
    Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? await getAdminRequest(await getDb(), id) : null;
  return { title: request ? `${t('detailTitle', { reference: request.reference })} · ${t('title')}` : t('title') };
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

export default async function AdminRequestPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff();
  const t = await getTranslations('adminRequests');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const request = await getAdminRequest(await getDb(), id);
  if (!request) notFound();
  const changes = diffByDate(request.removedReservations, request.addedReservations);
  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('detailTitle', { reference: request.reference })}</h1>
      <dl className="mt-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded bg-white p-4">
        <dt className="font-medium">{t('date')}</dt>
        <dd>{dateTime.format(request.submittedAt)}</dd>
        <dt className="font-medium">{t('family')}</dt>
        <dd>
          {request.familyName} <span className="text-slate-700">({t('familyId', { id: request.familyId })})</span>
        </dd>
        <dt className="font-medium">{t('child')}</dt>
        <dd>{request.childName}</dd>
        <dt className="font-medium">{t('service')}</dt>
        <dd>{SERVICE_LABELS[request.service]}</dd>
        <dt className="font-medium">{t('type')}</dt>
        <dd>{t(REQUEST_TYPE_KEYS[request.type])}</dd>
        {request.onBehalf && (
          <>
            <dt className="font-medium">{t('agent')}</dt>
            <dd>{request.agentName ?? t('byAgentUnknown')}</dd>
            <dt className="font-medium">{t('reason')}</dt>
            <dd className="whitespace-pre-line">{request.reason ?? ''}</dd>
          </>
        )}
      </dl>
      {changes.length === 0 ? (
        <p className="mt-4 rounded bg-white p-4">{t('noChanges')}</p>
      ) : (
        <ScrollRegion label={t('detailTitle', { reference: request.reference })} className="mt-4">
          <RecapTable changes={changes} />
        </ScrollRegion>
      )}
      <p className="mt-6 flex flex-wrap gap-6">
        <Link href="/admin/demandes" className="text-brand-700 underline">
          {t('back')}
        </Link>
        <Link href={`/admin/journal?familyId=${request.familyId}`} className="text-brand-700 underline">
          {t('journalLink')}
        </Link>
      </p>
    </>
  );
}
