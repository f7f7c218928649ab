// The agent's Étape 1 « Ma demande » for a family: the parent's engine with the agent's policy (deadline waived).
import type { Metadata } from 'next';
import { cache } from 'react';
import { DemarcheUnavailable, stepTitle } from '@/components/demarche/header';
import { DemarcheStep1 } from '@/components/demarche/step-1';
import { requireStaff } from '@/lib/auth/session';
import { loadStepPage } from '@/lib/requests/page-data';
import { agentPolicy } from '@/lib/requests/policy';
import { parseId } from '../../../../ids';
import * as act from '../../actions';

// the page and its title share one load of the draft (React cache: once per request)
const load = cache(async (id: string, requestId: string) =>
  loadStepPage(agentPolicy(await requireStaff(), parseId(id)), requestId),
);

export async function generateMetadata(props: {
  params: Promise<{ id: string; requestId: string }>;
}): Promise<Metadata> {
  const { id, requestId } = await props.params;
  const { policy, data } = await load(id, requestId);
  return { title: await stepTitle(policy, data, 1) };
}

export default async function AgentStep1Page(props: {
  params: Promise<{ id: string; requestId: string }>;
  searchParams: Promise<{ vue?: string; date?: string }>;
}) {
  const { id, requestId } = await props.params;
  const { policy, data, now } = await load(id, requestId);
  if ('error' in data) return <DemarcheUnavailable policy={policy} message={data.error} link />;
  const actions = {
    save: act.saveDaysOnBehalfAction,
    apply: act.applyTemplateOnBehalfAction,
    goToRecap: act.goToRecapOnBehalfAction,
    cancel: act.cancelOnBehalfAction,
  };
  return <DemarcheStep1 policy={policy} data={data} now={now} {...await props.searchParams} actions={actions} />;
}
