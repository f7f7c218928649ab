import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DemarcheConfirmation } from '@/components/demarche/confirmation';
import { requireParent } from '@/lib/auth/session';
import { requestIdOf } from '@/lib/requests/page-data';
import { parentPolicy } from '@/lib/requests/policy';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('demarche'))('confirmationTitle') };
}

export default async function ConfirmationPage({ params }: { params: Promise<{ requestId: string }> }) {
  const policy = parentPolicy(await requireParent());
  return <DemarcheConfirmation policy={policy} requestId={requestIdOf((await params).requestId)} />;
}
