import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DemarcheUnavailable } from '@/components/demarche/header';
import { DemarcheStep2 } from '@/components/demarche/step-2';
import { requireParent } from '@/lib/auth/session';
import { draftPageData } from '@/lib/requests/page-data';
import { parentPolicy } from '@/lib/requests/policy';
import { cancelDraftAction, submitAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('demarche'))('step2') };
}

export default async function Step2Page(props: {
  params: Promise<{ requestId: string }>;
  searchParams: Promise<{ conflit?: string }>;
}) {
  const policy = parentPolicy(await requireParent());
  const data = await draftPageData(policy, (await props.params).requestId);
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
