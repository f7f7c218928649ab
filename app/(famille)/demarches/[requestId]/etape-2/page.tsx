import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { DemarcheHeader } from '@/components/demarche-header';
import { RecapTable } from '@/components/recap-table';
import { getDb } from '@/db/client';
import { requireParent } from '@/lib/auth/session';
import { SERVICE_LABELS } from '@/lib/planning';
import { draftPageData } from '@/lib/requests/page-data';
import { computeRecap } from '@/lib/requests/recap';
import { STALE_MESSAGE } from '@/lib/requests/submit';
import { cancelDraftAction } from '../../actions';
import { ValidateForm } from './validate-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('demarche'))('step2') };
}

export default async function Step2Page({
  params,
  searchParams,
}: {
  params: Promise<{ requestId: string }>;
  searchParams: Promise<{ conflit?: string }>;
}) {
  const user = await requireParent();
  const t = await getTranslations('demarche');
  const { requestId } = await params;
  const { conflit } = await searchParams;
  const data = await draftPageData(requestId, user.familyId);
  if ('error' in data) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t('expired')}</h1>
        <p className="mt-3">{data.error}</p>
      </>
    );
  }
  const { draft, cal, siteName } = data;
  const recap = await computeRecap(await getDb(), draft, { cal, version: draft.enrolment.planningVersion });
  const empty = recap.changes.length === 0;
  return (
    <>
      <DemarcheHeader
        step={2}
        title={t('step2')}
        child={`${draft.childFirstName} ${draft.childLastName}`}
        service={SERVICE_LABELS[draft.service]}
        site={siteName}
      />
      {conflit && (
        <div role="alert" className="mt-4 rounded border-2 border-orange-600 bg-orange-50 p-4">
          {STALE_MESSAGE}
        </div>
      )}
      <p className="mt-3">{t('recapLead')}</p>
      {empty ? (
        <p className="mt-4 rounded bg-white p-4">{t('recapEmpty')}</p>
      ) : (
        <>
          <p className="mt-4 font-medium">
            {t('recapTotals', { added: recap.added.length, removed: recap.removed.length })}
          </p>
          <ScrollRegion label={t('step2')} className="mt-3">
            <RecapTable changes={recap.changes} />
          </ScrollRegion>
        </>
      )}
      <div className="mt-6 flex flex-wrap items-start gap-3">
        <Link
          href={`/demarches/${draft.id}/etape-1`}
          className="rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700"
        >
          {t('backToStep1')}
        </Link>
        <ValidateForm requestId={draft.id} version={recap.version} disabled={empty} />
      </div>
      <form action={cancelDraftAction} className="mt-6">
        <input type="hidden" name="requestId" value={draft.id} />
        <button type="submit" className="rounded border-2 border-slate-600 bg-white px-4 py-2 font-medium">
          {t('cancel')}
        </button>
      </form>
    </>
  );
}
