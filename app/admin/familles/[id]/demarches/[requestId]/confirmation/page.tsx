// The agent's confirmation: the reference of the request made for the family.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { loadAgentDraft } from '@/lib/families/on-behalf';
import { requireStaff } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { parseId } from '../../../../ids';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('onBehalf'))('confirmed') };
}

export default async function AgentConfirmationPage({
  params,
}: {
  params: Promise<{ id: string; requestId: string }>;
}) {
  const user = await requireStaff();
  const t = await getTranslations('onBehalf');
  const p = await params;
  const familyId = parseId(p.id);
  const requestId = parseId(p.requestId);
  const draft = await loadAgentDraft(await getDb(), { agentId: user.id, familyId, requestId, now: now() }).catch(
    () => null,
  );
  if (!draft || draft.status !== 'submitted') notFound();
  return (
    <>
      <h1 className="text-2xl font-bold">{t('confirmed')}</h1>
      <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-4">
        {t('confirmedText', { reference: draft.reference ?? '' })}
      </p>
      <p className="mt-6">
        <Link href={`/admin/familles/${familyId}/enfants/${draft.childId}`} className="text-brand-700 underline">
          {t('backToChild')}
        </Link>
      </p>
    </>
  );
}
