import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { ActionForm } from '@/components/action-form';
import { requireParent } from '@/lib/auth/session';
import { enrolmentPageData } from '@/lib/enrolments/page-data';
import { cancelEnrolmentAction, submitEnrolmentAction } from '../../actions';

export async function generateMetadata({ params }: { params: Promise<{ requestId: string }> }): Promise<Metadata> {
  const words = await getWording();
  const t = await getTranslations('enrol');
  const user = await requireParent();
  const draft = await enrolmentPageData((await params).requestId, user.familyId);
  if ('error' in draft) return { title: t('step2') };
  const name = `${draft.childFirstName} ${draft.childLastName}`;
  return { title: t('stepTitle', { step: t('step2'), service: words.service(draft.service), name }) };
}

export default async function EnrolStep2Page({ params }: { params: Promise<{ requestId: string }> }) {
  const words = await getWording();
  const user = await requireParent();
  const t = await getTranslations('enrol');
  const td = await getTranslations('demarche');
  const draft = await enrolmentPageData((await params).requestId, user.familyId);
  if ('error' in draft)
    return (
      <>
        <h1 className="text-2xl font-bold">{td('expired')}</h1>
        <p className="mt-3">{draft.error}</p>
      </>
    );
  const chosen = draft.proposed && draft.chosenSiteId === draft.proposed.id ? draft.proposed : null;
  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('stepOf', { n: 2 })}</p>
      <h1 className="text-2xl font-bold">{t('step2')}</h1>
      <p className="mt-3">{t('recapLead')}</p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded bg-white p-4">
        <dt className="font-medium">{t('recapChild')}</dt>
        <dd>
          {draft.childFirstName} {draft.childLastName}
        </dd>
        <dt className="font-medium">{t('recapService')}</dt>
        <dd>{words.service(draft.service)}</dd>
        <dt className="font-medium">{t('recapSite')}</dt>
        <dd>{chosen?.name ?? '—'}</dd>
        <dt className="font-medium">{t('recapYear')}</dt>
        <dd>{draft.schoolYearLabel}</dd>
      </dl>
      <div className="mt-6 flex flex-wrap items-start gap-3">
        <Link
          href={`/demarches/inscriptions/${draft.id}/etape-1`}
          className="rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700"
        >
          {td('backToStep1')}
        </Link>
        <ActionForm
          action={submitEnrolmentAction}
          hidden={{ requestId: draft.id }}
          submitLabel={td('validate')}
          pendingLabel={td('validating')}
        />
      </div>
      <form action={cancelEnrolmentAction} className="mt-6">
        <input type="hidden" name="requestId" value={draft.id} />
        <button type="submit" className="rounded border-2 border-slate-600 bg-white px-4 py-2 font-medium">
          {td('cancel')}
        </button>
      </form>
    </>
  );
}
