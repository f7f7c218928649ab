// The agent's Étape 2 « Le récapitulatif »: the changes, the required reason, « Valider ».
import type { Metadata } from 'next';
import { cache } from 'react';
import { DemarcheUnavailable, stepTitle } from '@/components/demarche/header';
import { DemarcheStep2 } from '@/components/demarche/step-2';
import { requireStaff } from '@/lib/auth/session';
import { loadStepPage } from '@/lib/requests/page-data';
import { agentPolicy } from '@/lib/requests/policy';
import { parseId } from '../../../../ids';
import { cancelOnBehalfAction, submitOnBehalfAction } from '../../actions';

// the page and its title share one load of the draft (React cache: once per request)
const load = cache(async (id: string, requestId: string) =>
  loadStepPage(agentPolicy(await requireStaff(), parseId(id)), requestId),
);

export async function generateMetadata(props: {
  params: Promise<{ id: string; requestId: string }>;
}): Promise<Metadata> {
  const { id, requestId } = await props.params;
  const { policy, data } = await load(id, requestId);
  return { title: await stepTitle(policy, data, 2) };
}

export default async function AgentStep2Page(props: {
  params: Promise<{ id: string; requestId: string }>;
  searchParams: Promise<{ conflit?: string }>;
}) {
  const { id, requestId } = await props.params;
  const { policy, data } = await load(id, requestId);
  if ('error' in data) return <DemarcheUnavailable policy={policy} message={data.error} link={false} />;
  const conflict = Boolean((await props.searchParams).conflit);
  const actions = { submit: submitOnBehalfAction, cancel: cancelOnBehalfAction };
  return <DemarcheStep2 policy={policy} data={data} conflict={conflict} actions={actions} />;
}
