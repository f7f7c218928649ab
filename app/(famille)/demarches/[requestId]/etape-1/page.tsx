import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DemarcheUnavailable } from '@/components/demarche/header';
import { DemarcheStep1 } from '@/components/demarche/step-1';
import { requireParent } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { draftPageData } from '@/lib/requests/page-data';
import { parentPolicy } from '@/lib/requests/policy';
import { applyTemplateAction, cancelDraftAction, goToRecapAction, saveDaysAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('demarche'))('step1') };
}

export default async function Step1Page(props: {
  params: Promise<{ requestId: string }>;
  searchParams: Promise<{ vue?: string; date?: string }>;
}) {
  const policy = parentPolicy(await requireParent());
  const data = await draftPageData(policy, (await props.params).requestId);
  if ('error' in data) return <DemarcheUnavailable policy={policy} message={data.error} link />;
  const actions = {
    save: saveDaysAction,
    apply: applyTemplateAction,
    goToRecap: goToRecapAction,
    cancel: cancelDraftAction,
  };
  const t = await getTranslations('introduction');
  return (
    <>
      <DemarcheStep1 policy={policy} data={data} today={today()} {...await props.searchParams} actions={actions} />
      {/* the introduction is shown once per account; the seed's steps stay one tap away */}
      <p className="mt-6">
        <Link
          href={`/demarches/reservations/${data.draft.service}/${data.draft.childId}?etapes=1`}
          className="inline-block py-2 text-brand-700 underline"
        >
          {t('review')}
        </Link>
      </p>
    </>
  );
}
