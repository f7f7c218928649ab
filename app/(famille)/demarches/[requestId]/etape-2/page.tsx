import type { Metadata } from 'next';
import { cache } from 'react';
import { DemarcheUnavailable, stepTitle } from '@/components/demarche/header';
import { DemarcheStep2 } from '@/components/demarche/step-2';
import { requireParent } from '@/lib/auth/session';
import { loadStepPage } from '@/lib/requests/page-data';
import { parentPolicy } from '@/lib/requests/policy';
import { cancelDraftAction, submitAction } from '../../actions';

// the page and its title share one load of the draft (React cache: once per request)
const load = cache(async (requestId: string) =>
  loadStepPage(parentPolicy(await requireParent()), requestId, 'etape-2'),
);

export async function generateMetadata(props: { params: Promise<{ requestId: string }> }): Promise<Metadata> {
  const { policy, data } = await load((await props.params).requestId);
  return { title: await stepTitle(policy, data, 2) };
}

export default async function Step2Page(props: {
  params: Promise<{ requestId: string }>;
  searchParams: Promise<{ conflit?: string }>;
}) {
  const { policy, data } = await load((await props.params).requestId);
  if ('error' in data) return <DemarcheUnavailable policy={policy} message={data.error} link={false} />;
  const conflict = Boolean((await props.searchParams).conflit);
  return (
    <DemarcheStep2
      policy={policy}
      data={data}
      conflict={conflict}
      actions={{ submit: submitAction, cancel: cancelDraftAction }}
    />
  );
}
