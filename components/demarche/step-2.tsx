// Étape 2 « Le récapitulatif » for any actor: the changes against the planning as it is now, one card per date with
// what the child will have that day, the reason when the policy requires one, and « Valider » in a bar stuck to the
// bottom of the screen (the cards are inside its form, so the bar stays in reach while they scroll).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/client-messages';
import { RecapCards, WaitingRecap } from '@/components/recap-cards';
import { getDb } from '@/db/client';
import { groupByDate } from '@/lib/planning';
import type { FormAction } from '@/lib/action';
import type { DemarchePage } from '@/lib/requests/demarche-page';
import type { DemarchePolicy } from '@/lib/requests/policy';
import { computeRecap } from '@/lib/requests/recap';
import { STALE_MESSAGE } from '@/lib/requests/submit';
import { groupVersion } from '@/lib/requests/siblings';
import { CancelForm, DemarcheHeader } from './header';
import { SiblingRecaps } from './siblings';
import { ValidateForm, type Submit } from './validate-form';

export async function DemarcheStep2({
  policy,
  data,
  conflict,
  actions,
}: {
  policy: DemarchePolicy;
  data: DemarchePage;
  conflict: boolean;
  actions: { submit: Submit; cancel: FormAction };
}) {
  const t = await getTranslations(policy.namespace);
  const td = await getTranslations('demarche');
  const { draft, cal } = data;
  const db = await getDb();
  // siblings in one démarche: one recap per child, validated together (the sum of their planning versions)
  const recaps = await Promise.all(
    data.group.map(async (d) => ({
      draft: d,
      recap: await computeRecap(db, d, { cal, version: d.enrolment.planningVersion }),
    })),
  );
  const recap = recaps[0]!.recap;
  const siblings = recaps.length > 1;
  const empty = recaps.every((r) => r.recap.changes.length + r.recap.waiting.length === 0);
  return (
    <>
      <DemarcheHeader policy={policy} data={data} step={2} />
      {conflict && (
        <div role="alert" className="mt-4 rounded border-2 border-orange-600 bg-orange-50 p-4">
          {STALE_MESSAGE}
        </div>
      )}
      <p className="mt-3">{t('recapLead')}</p>
      {empty && <p className="mt-4 rounded bg-white p-4">{t('recapEmpty')}</p>}
      <div className="mt-4">
        <ClientMessages namespaces={[policy.namespace]}>
          <ValidateForm
            submit={actions.submit}
            namespace={policy.namespace}
            fields={{
              ...policy.fields,
              requestId: draft.id,
              version: siblings ? groupVersion(data.group) : recap.version,
            }}
            reason={policy.reasonRequired}
            disabled={empty}
          >
            {!empty && siblings && <SiblingRecaps recaps={recaps} />}
            {!empty && !siblings && (
              <>
                <p className="mb-3 font-medium">
                  {t('recapTotals', { added: recap.added.length, removed: recap.removed.length })}
                </p>
                <RecapCards
                  changes={recap.changes}
                  label={td('recapList')}
                  will={{ child: draft.childFirstName, planning: Object.fromEntries(groupByDate(recap.desired)) }}
                />
                <WaitingRecap waiting={recap.waiting} child={draft.childFirstName} />
              </>
            )}
          </ValidateForm>
        </ClientMessages>
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link
          href={`${policy.baseUrl}/${draft.id}/etape-1`}
          className="rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700"
        >
          {t('backToStep1')}
        </Link>
        <CancelForm policy={policy} requestId={draft.id} cancel={actions.cancel} />
      </div>
    </>
  );
}
