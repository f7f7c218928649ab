import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { ActionForm } from '@/components/action-form';
import { requireParent } from '@/lib/auth/session';
import { enrolmentPageData } from '@/lib/enrolments/page-data';
import { cancelEnrolmentAction, chooseSiteAction } from '../../actions';

export async function generateMetadata({ params }: { params: Promise<{ requestId: string }> }): Promise<Metadata> {
  const words = await getWording();
  const t = await getTranslations('enrol');
  const user = await requireParent();
  const draft = await enrolmentPageData((await params).requestId, user.familyId);
  if ('error' in draft) return { title: t('step1') };
  const name = `${draft.childFirstName} ${draft.childLastName}`;
  return { title: t('stepTitle', { step: t('step1'), service: words.service(draft.service), name }) };
}

export default async function EnrolStep1Page({ params }: { params: Promise<{ requestId: string }> }) {
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
  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('stepOf', { n: 1 })}</p>
      <h1 className="text-2xl font-bold">{t('step1')}</h1>
      <p className="mt-1">
        {draft.childFirstName} {draft.childLastName} · {words.service(draft.service)} · {draft.schoolYearLabel}
      </p>
      {draft.proposed ? (
        <ActionForm
          action={chooseSiteAction}
          hidden={{ requestId: draft.id }}
          submitLabel={td('goToStep2')}
          pendingLabel={td('saving')}
          className="mt-6"
        >
          <fieldset className="rounded-lg border border-slate-400 bg-white p-4">
            <legend className="px-1 font-semibold">{t('selectSite')}</legend>
            <label className="mt-2 flex min-h-11 items-start gap-3">
              <input
                type="radio"
                name="siteId"
                value={draft.proposed.id}
                defaultChecked={draft.chosenSiteId === draft.proposed.id}
                className="mt-1 h-5 w-5"
              />
              <span>
                <span className="block font-medium">{draft.proposed.name}</span>
                <span className="text-sm text-slate-700">{draft.proposed.address}</span>
              </span>
            </label>
          </fieldset>
          <p className="mt-4">{draft.service === 'cantine' ? t('sectorSchool') : t('sectorCentre')}</p>
          <p className="mb-6 mt-1">{t('otherSite')}</p>
        </ActionForm>
      ) : (
        <p className="mt-6 rounded bg-white p-4">{t('noSite')}</p>
      )}
      <form action={cancelEnrolmentAction} className="mt-4">
        <input type="hidden" name="requestId" value={draft.id} />
        <button type="submit" className="rounded border-2 border-slate-600 bg-white px-4 py-2 font-medium">
          {td('cancel')}
        </button>
      </form>
    </>
  );
}
