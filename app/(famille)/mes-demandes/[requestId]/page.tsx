import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { intlLocaleOf, localeOr } from '@/i18n/locales';
import { getWording } from '@/i18n/wording';
import { ScrollRegion } from '@/components/scroll-region';
import { RecapTable } from '@/components/recap-table';
import { ActionForm } from '@/components/action-form';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { diffByDate } from '@/lib/planning';
import { familyAbsence } from '@/lib/absences/list';
import { now } from '@/lib/clock';
import { getFamilyRequest } from '@/lib/requests/history';
import { addCertificateAction } from './actions';
import { REQUEST_TYPE_KEYS } from '@/lib/requests/types';

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

const STATUS_KEYS = {
  pending: 'statusPending',
  justified: 'statusJustified',
  unjustified: 'statusUnjustified',
} as const;

export default async function RequestDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ requestId: string }>;
  searchParams: Promise<{ signalee?: string; certificat?: string }>;
}) {
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
  const absence =
    request.type === 'absence' ? await familyAbsence(await getDb(), { familyId: user.familyId, requestId: id }) : null;
  const ta = await getTranslations('absences');
  const tw = await getTranslations('waitingList');
  const { signalee, certificat } = await searchParams;
  const canAddCertificate =
    absence !== null && absence.status === 'pending' && !absence.certificate && absence.certificateDueAt > now();
  return (
    <>
      <h1 className="text-2xl font-bold">{t('detailTitle', { reference: request.reference })}</h1>
      {(signalee || certificat) && absence && (
        <p role="status" className="mt-4 rounded border-s-4 border-green-700 bg-white p-3">
          {certificat ? ta('certificateAdded') : ta('declared', { reference: request.reference })}
        </p>
      )}
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{t('date')}</dt>
        <dd>{dateTime.format(request.submittedAt)}</dd>
        <dt className="font-medium">{t('child')}</dt>
        <dd>{request.childName}</dd>
        <dt className="font-medium">{t('service')}</dt>
        <dd>{words.service(request.service)}</dd>
        <dt className="font-medium">{t('type')}</dt>
        <dd>
          {t(REQUEST_TYPE_KEYS[request.type])}
          {request.onBehalf ? ` (${t('onBehalf')})` : ''}
        </dd>
        <dt className="font-medium">{t('status')}</dt>
        <dd>{t('statusSubmitted')}</dd>
      </dl>
      {absence ? (
        <section aria-labelledby="absence-heading" className="mt-6 max-w-3xl rounded bg-white p-4">
          <h2 id="absence-heading" className="text-lg font-semibold">
            {ta('followUp')}
          </h2>
          <p className="mt-2 font-semibold">{ta(STATUS_KEYS[absence.status])}</p>
          {absence.decisionReason && <p>{ta('decisionReason', { reason: absence.decisionReason })}</p>}
          <p className="mt-2">
            {ta('reasonLine', {
              reason:
                absence.reason === 'maladie' ? ta('reasonIllness') : `${ta('reasonOther')} – ${absence.details ?? ''}`,
            })}
          </p>
          <h3 className="mt-3 font-semibold">{ta('absentDays')}</h3>
          <ul className="mt-1 list-disc ps-5">
            {request.absent.map((r) => (
              <li key={`${r.date}-${r.unit}`}>
                {words.dateLong(r.date)} : {words.unit(r.unit)}
              </li>
            ))}
          </ul>
          <p className="mt-3">
            {absence.certificate
              ? ta('certificateGiven', { filename: absence.certificate.filename })
              : ta('certificateMissing')}
          </p>
          {canAddCertificate && (
            <ActionForm
              action={addCertificateAction}
              hidden={{ requestId: id }}
              submitLabel={ta('addCertificate')}
              pendingLabel={ta('pending')}
              fieldMessages
              className="mt-3 space-y-3"
            >
              <label htmlFor="certificate" className="block font-medium">
                {ta('certificate')}
              </label>
              <p id="certificate-hint" className="text-sm text-slate-700">
                {ta('addCertificateUntil', { date: dateTime.format(absence.certificateDueAt) })}
              </p>
              <input
                id="certificate"
                type="file"
                name="certificate"
                required
                accept="application/pdf,image/jpeg,image/png"
                aria-describedby="certificate-hint"
                className="block w-full"
              />
            </ActionForm>
          )}
        </section>
      ) : (
        <>
          {request.promotion && (
            <p className="mt-4 max-w-3xl rounded border-s-4 border-green-700 bg-white p-3">
              {tw('promoted', { name: request.childName })}{' '}
              {request.promotion.cancelUntil > now() &&
                tw('cancelUntil', { date: dateTime.format(request.promotion.cancelUntil) })}
            </p>
          )}
          {(request.added.length > 0 || request.removed.length > 0) && (
            <ScrollRegion label={t('detailTitle', { reference: request.reference })} className="mt-4">
              <RecapTable changes={diffByDate(request.removed, request.added)} />
            </ScrollRegion>
          )}
          {request.waiting.length > 0 && (
            <section aria-labelledby="waiting-heading" className="mt-6 max-w-3xl rounded bg-white p-4">
              <h2 id="waiting-heading" className="text-lg font-semibold">
                {tw('section')}
              </h2>
              <ul className="mt-2 list-disc ps-5">
                {request.waiting.map((w) => (
                  <li key={w.date}>
                    {words.dateLong(w.date)} : {w.units.map((u) => words.unit(u)).join(' + ')}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <p className="mt-6">
        <Link href="/mes-demandes" className="text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
    </>
  );
}
