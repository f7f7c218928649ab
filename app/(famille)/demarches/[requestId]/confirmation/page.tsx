import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { RecapTable } from '@/components/recap-table';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { diffByDate, SERVICE_LABELS } from '@/lib/planning';
import { getFamilyRequest } from '@/lib/requests/history';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('demarche'))('confirmationTitle') };
}

export default async function ConfirmationPage({ params }: { params: Promise<{ requestId: string }> }) {
  const user = await requireParent();
  const t = await getTranslations('demarche');
  const id = Number((await params).requestId);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const request = await getFamilyRequest(await getDb(), user.familyId, id);
  if (!request) notFound();
  const firstName = request.childName.split(' ')[0] ?? request.childName;
  return (
    <>
      <div className="rounded-lg border-2 border-green-700 bg-green-50 p-5">
        <h1 className="text-2xl font-bold">{t('confirmationTitle')}</h1>
        <p className="mt-2 text-lg">{t('confirmationReference', { reference: request.reference })}</p>
        <p className="mt-2">{t('confirmationBody')}</p>
      </div>
      <p className="mt-4 text-slate-800">
        {request.childName} · {SERVICE_LABELS[request.service]}
      </p>
      <ScrollRegion label={t('step2')} className="mt-3">
        <RecapTable changes={diffByDate(request.removed, request.added)} />
      </ScrollRegion>
      <div className="mt-6 flex flex-wrap gap-4">
        <Link
          href={`/enfants/${request.childId}`}
          className="rounded bg-brand-700 px-4 py-2.5 font-semibold text-white"
        >
          {t('confirmationLink', { child: firstName })}
        </Link>
        <Link href="/mes-demandes" className="px-2 py-2.5 text-brand-700 underline">
          {t('confirmationRequests')}
        </Link>
      </div>
    </>
  );
}
