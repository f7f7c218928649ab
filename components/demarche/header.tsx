// Title block of a démarche step for any actor: the démarche (or the family, at the desk), the step, the child, the
// service and the site, then the rules that hold: the parent's deadline, or the agent's banner.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import type { FormAction } from '@/lib/action';
import type { DemarchePage } from '@/lib/requests/demarche-page';
import type { DemarchePolicy } from '@/lib/requests/policy';

export async function DemarcheHeader({
  policy,
  data,
  step,
}: {
  policy: DemarchePolicy;
  data: DemarchePage;
  step: 1 | 2;
}) {
  const words = await getWording();
  const t = await getTranslations(policy.namespace);
  const td = await getTranslations('demarche');
  const { draft, siteName, familyName } = data;
  return (
    <>
      <div>
        <p className="text-sm uppercase tracking-wide text-slate-700">
          {policy.onBehalf ? familyName : `${td('manageTitle')} · ${td('stepOf', { n: step })}`}
        </p>
        <h1 className="text-2xl font-bold">{t(step === 1 ? 'step1' : 'step2')}</h1>
        <p className="mt-1 text-slate-800">
          {t('forChild', {
            child: `${draft.childFirstName} ${draft.childLastName}`,
            service: words.service(draft.service),
            site: siteName,
          })}
        </p>
      </div>
      {policy.onBehalf ? (
        <p className="mt-3 rounded border-s-4 border-brand-700 bg-white p-3">
          {(await getTranslations('onBehalf'))('banner', { family: familyName })}
        </p>
      ) : (
        step === 1 && <p className="mt-3">{td('deadline', { days: data.cal.deadlineDays })}</p>
      )}
    </>
  );
}

/** A draft the actor can no longer use (expired, cancelled): why, and the way back. */
export async function DemarcheUnavailable({
  policy,
  message,
  link,
}: {
  policy: DemarchePolicy;
  message: string;
  link: boolean;
}) {
  const t = await getTranslations(policy.namespace);
  return (
    <>
      <h1 className="text-2xl font-bold">{t('expired')}</h1>
      <p className="mt-3">{message}</p>
      {link && (
        <p className="mt-6">
          <Link href={policy.homeUrl} className="text-brand-700 underline">
            {t('expiredLink')}
          </Link>
        </p>
      )}
    </>
  );
}

/** « Annuler la démarche ». */
export async function CancelForm({
  policy,
  requestId,
  cancel,
}: {
  policy: DemarchePolicy;
  requestId: number;
  cancel: FormAction;
}) {
  const t = await getTranslations(policy.namespace);
  return (
    <form action={cancel}>
      <input type="hidden" name="requestId" value={requestId} />
      {Object.entries(policy.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="rounded border-2 border-slate-600 bg-white px-4 py-2 font-medium">
        {t('cancel')}
      </button>
    </form>
  );
}

/**
 * The title of a step's page: the step, the service and the child, as the introduction's
 * (« Étape 1 : Ma demande – Accueil de loisirs du mercredi – Léa Martin »).
 */
export async function stepTitle(
  policy: DemarchePolicy,
  data: DemarchePage | { error: string },
  step: 1 | 2,
): Promise<string> {
  const words = await getWording();
  const t = await getTranslations(policy.namespace);
  if ('error' in data) return t('expired');
  return t('pageTitle', {
    step: t(step === 1 ? 'step1' : 'step2'),
    child: `${data.draft.childFirstName} ${data.draft.childLastName}`,
    service: words.service(data.draft.service),
  });
}
