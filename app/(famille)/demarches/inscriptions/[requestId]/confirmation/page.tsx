import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { requireParent } from '@/lib/auth/session';
import { enrolmentPageData } from '@/lib/enrolments/page-data';

export async function generateMetadata({ params }: { params: Promise<{ requestId: string }> }): Promise<Metadata> {
  const words = await getWording();
  const t = await getTranslations('enrol');
  const user = await requireParent();
  const draft = await enrolmentPageData((await params).requestId, user.familyId, { allowSubmitted: true });
  if ('error' in draft) return { title: t('doneTitle') };
  const name = `${draft.childFirstName} ${draft.childLastName}`;
  return { title: t('stepTitle', { step: t('doneTitle'), service: words.service(draft.service), name }) };
}

export default async function EnrolDonePage({ params }: { params: Promise<{ requestId: string }> }) {
  const words = await getWording();
  const user = await requireParent();
  const t = await getTranslations('enrol');
  const draft = await enrolmentPageData((await params).requestId, user.familyId, { allowSubmitted: true });
  if ('error' in draft || draft.status !== 'submitted') {
    return <h1 className="text-2xl font-bold">{t('title')}</h1>;
  }
  const service = words.service(draft.service);
  return (
    <>
      <div className="rounded-lg border-2 border-green-700 bg-green-50 p-5">
        <h1 className="text-2xl font-bold">{t('doneTitle')}</h1>
        <p className="mt-2 text-lg">{t('doneReference', { reference: draft.reference ?? '' })}</p>
        <p className="mt-2">
          {draft.service === 'cantine'
            ? t('doneCanteen')
            : t('doneCentre', { service: service.charAt(0).toLowerCase() + service.slice(1) })}
        </p>
      </div>
      <p className="mt-6">
        <Link
          href={`/demarches/reservations/${draft.service}/${draft.childId}`}
          className="rounded bg-brand-700 px-4 py-2.5 font-semibold text-white"
        >
          {t('goOn')}
        </Link>
      </p>
    </>
  );
}
