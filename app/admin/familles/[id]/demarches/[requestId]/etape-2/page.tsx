// The agent's Étape 2 « Le récapitulatif »: the changes, the required reason, « Valider ».
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RecapTable } from '@/components/recap-table';
import { ScrollRegion } from '@/components/scroll-region';
import { getDb } from '@/db/client';
import { agentDraftPage, type AgentDraftPage } from '@/lib/families/on-behalf';
import { requireStaff } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { UserError } from '@/lib/errors';
import { SERVICE_LABELS } from '@/lib/planning';
import { computeRecap } from '@/lib/requests/recap';
import { STALE_MESSAGE } from '@/lib/requests/submit';
import { cancelOnBehalfAction } from '../../../../actions';
import { parseId } from '../../../../ids';
import { AgentValidateForm } from './agent-validate-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('onBehalf'))('step2') };
}

export default async function AgentStep2Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; requestId: string }>;
  searchParams: Promise<{ conflit?: string }>;
}) {
  const user = await requireStaff();
  const t = await getTranslations('onBehalf');
  const p = await params;
  const familyId = parseId(p.id);
  const requestId = parseId(p.requestId);
  const { conflit } = await searchParams;
  const db = await getDb();
  let data: AgentDraftPage;
  try {
    data = await agentDraftPage(db, { agentId: user.id, familyId, requestId, now: now() });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return (
      <>
        <h1 className="text-2xl font-bold">{t('expired')}</h1>
        <p className="mt-3">{error.message}</p>
      </>
    );
  }
  const { draft, cal, siteName, familyName } = data;
  const base = `/admin/familles/${familyId}/demarches/${draft.id}`;
  if (draft.status === 'submitted') redirect(`${base}/confirmation`);
  const recap = await computeRecap(db, draft, { cal, version: draft.enrolment.planningVersion });
  const empty = recap.changes.length === 0;
  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{familyName}</p>
      <h1 className="text-2xl font-bold">{t('step2')}</h1>
      <p className="mt-1 text-slate-800">
        {t('forChild', {
          child: `${draft.childFirstName} ${draft.childLastName}`,
          service: SERVICE_LABELS[draft.service],
          site: siteName,
        })}
      </p>
      <p className="mt-3 rounded border-l-4 border-brand-700 bg-white p-3">{t('banner', { family: familyName })}</p>
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
      <div className="mt-6">
        <AgentValidateForm familyId={familyId} requestId={draft.id} version={recap.version} disabled={empty} />
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link
          href={`${base}/etape-1`}
          className="rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700"
        >
          {t('backToStep1')}
        </Link>
        <form action={cancelOnBehalfAction}>
          <input type="hidden" name="familyId" value={familyId} />
          <input type="hidden" name="requestId" value={draft.id} />
          <button type="submit" className="rounded border-2 border-slate-600 bg-white px-4 py-2 font-medium">
            {t('cancel')}
          </button>
        </form>
      </div>
    </>
  );
}
