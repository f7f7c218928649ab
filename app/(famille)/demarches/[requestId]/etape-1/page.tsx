import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { DemarcheUnavailable, stepTitle } from '@/components/demarche/header';
import { DemarcheStep1 } from '@/components/demarche/step-1';
import { formAction } from '@/lib/action';
import { requireParent } from '@/lib/auth/session';
import { loadStepPage } from '@/lib/requests/page-data';
import { parentPolicy } from '@/lib/requests/policy';
import {
  applyTemplateAction,
  cancelDraftAction,
  copyPlanningAction,
  goToRecapAction,
  saveDaysAction,
} from '../../actions';

// the page and its title share one load of the draft (React cache: once per request)
const load = cache(async (requestId: string) => loadStepPage(parentPolicy(await requireParent()), requestId));

export async function generateMetadata(props: { params: Promise<{ requestId: string }> }): Promise<Metadata> {
  const { policy, data } = await load((await props.params).requestId);
  return { title: await stepTitle(policy, data, 1) };
}

export default async function Step1Page(props: {
  params: Promise<{ requestId: string }>;
  searchParams: Promise<{ vue?: string; date?: string; enfant?: string }>;
}) {
  const { policy, data, now } = await load((await props.params).requestId);
  if ('error' in data) return <DemarcheUnavailable policy={policy} message={data.error} link />;
  const actions = {
    save: saveDaysAction,
    apply: applyTemplateAction,
    goToRecap: goToRecapAction,
    cancel: cancelDraftAction,
  };
  const t = await getTranslations('introduction');
  const { enfant, ...view } = await props.searchParams;
  // siblings in one démarche: the tab of the child asked (?enfant=), else the lead's
  const shown = data.group.find((d) => String(d.childId) === enfant) ?? data.draft;
  const siblings =
    data.group.length > 1
      ? { leadId: data.draft.id, drafts: data.group, copy: formAction(copyPlanningAction) }
      : undefined;
  return (
    <>
      <DemarcheStep1
        policy={policy}
        data={{ ...data, draft: shown }}
        now={now}
        {...view}
        actions={actions}
        siblings={siblings}
      />
      {/* the introduction is shown once per account; the seed's steps stay one tap away */}
      <p className="mt-6">
        <Link
          href={`/demarches/reservations/${shown.service}/${shown.childId}?etapes=1`}
          className="inline-flex min-h-11 items-center text-brand-700 underline"
        >
          {t('review')}
        </Link>
      </p>
    </>
  );
}
