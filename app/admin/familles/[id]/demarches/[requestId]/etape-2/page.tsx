// The agent's Étape 2 « Le récapitulatif »: the changes, the required reason, « Valider ».
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DemarcheUnavailable } from '@/components/demarche/header';
import { DemarcheStep2 } from '@/components/demarche/step-2';
import { requireStaff } from '@/lib/auth/session';
import { draftPageData } from '@/lib/requests/page-data';
import { agentPolicy } from '@/lib/requests/policy';
import { parseId } from '../../../../ids';
import { cancelOnBehalfAction, submitOnBehalfAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('onBehalf'))('step2') };
}

export default async function AgentStep2Page(props: {
  params: Promise<{ id: string; requestId: string }>;
  searchParams: Promise<{ conflit?: string }>;
}) {
  const { id, requestId } = await props.params;
  const policy = agentPolicy(await requireStaff(), parseId(id));
  const data = await draftPageData(policy, requestId);
  if ('error' in data) return <DemarcheUnavailable policy={policy} message={data.error} link={false} />;
  const conflict = Boolean((await props.searchParams).conflit);
  const actions = { submit: submitOnBehalfAction, cancel: cancelOnBehalfAction };
  return <DemarcheStep2 policy={policy} data={data} conflict={conflict} actions={actions} />;
}
