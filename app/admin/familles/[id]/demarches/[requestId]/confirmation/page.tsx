// The agent's confirmation: the reference of the request made for the family.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DemarcheConfirmation } from '@/components/demarche/confirmation';
import { requireStaff } from '@/lib/auth/session';
import { agentPolicy } from '@/lib/requests/policy';
import { parseId } from '../../../../ids';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('onBehalf'))('confirmed') };
}

export default async function AgentConfirmationPage({
  params,
}: {
  params: Promise<{ id: string; requestId: string }>;
}) {
  const p = await params;
  const policy = agentPolicy(await requireStaff(), parseId(p.id));
  return <DemarcheConfirmation policy={policy} requestId={parseId(p.requestId)} />;
}
