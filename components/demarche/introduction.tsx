// The introduction of the démarche: the child, the seed's steps, then « Commencer ». The parent reads it once: after
// that its steps fold behind « Revoir les étapes de la démarche » (« Gérer mes réservations » → « Commencer » stays the
// seed's path) and a day tapped in « À venir » opens Étape 1 directly. The deadline sentence lives on Étape 1 only.
// Only the parent has one today: the agent starts from the child's file.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import type { FormAction } from '@/lib/action';
import { type IsoDate, type ServiceKind } from '@/lib/planning';
import type { DemarchePolicy } from '@/lib/requests/policy';

/** The refusals « Commencer » sends back (?erreur=code), each with its sentence; any other code shows nothing. */
const ERROR_CODES = [
  'not_enrolled',
  'no_year',
  'not_found',
  'siblings_child_not_found',
  'siblings_sites_differ',
  'siblings_deadlines_differ',
  'siblings_too_many',
] as const;

export async function DemarcheIntroduction({
  policy,
  service,
  schoolYearId,
  child,
  erreur,
  date,
  read = false,
  showSteps = true,
  siblings = [],
  start,
}: {
  policy: DemarchePolicy;
  service: ServiceKind;
  /** the current school year, if any */
  schoolYearId: number | null;
  child: { id: number; firstName: string; lastName: string; enrolments: { service: ServiceKind; siteId: number }[] };
  erreur?: string;
  /** the day the parent tapped (« À venir », the child's page): Étape 1 opens at its week */
  date?: IsoDate;
  /** the parent has read the introduction once: its steps fold behind « Revoir les étapes de la démarche » */
  read?: boolean;
  /** « Revoir les étapes de la démarche » was followed: the steps show again */
  showSteps?: boolean;
  /** the family's children enrolled in the service at the same site (the child included): booked together if ticked */
  siblings?: { id: number; firstName: string; lastName: string }[];
  start: FormAction;
}) {
  const words = await getWording();
  const t = await getTranslations(policy.namespace);
  const td = await getTranslations('demarche');
  const enrolment = child.enrolments.find((e) => e.service === service);

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{words.service(service)}</p>
      <h1 className="text-2xl font-bold">{t('manageTitle')}</h1>
      <p className="mt-1 text-lg">
        {child.firstName} {child.lastName}
      </p>
      {erreur && (ERROR_CODES as readonly string[]).includes(erreur) && (
        <p role="alert" className="mt-4 rounded border-2 border-red-700 bg-white p-4 text-red-800">
          {t(`errors.${erreur as (typeof ERROR_CODES)[number]}`)}
        </p>
      )}
      {!enrolment || schoolYearId === null ? (
        <p className="mt-4 rounded bg-white p-4">{t('errors.not_enrolled')}</p>
      ) : (
        <>
          {read && !showSteps ? (
            <p className="mt-4">
              <Link
                href={`?etapes=1${date ? `&date=${date}` : ''}`}
                className="inline-block py-2 text-brand-700 underline"
              >
                {(await getTranslations('introduction'))('review')}
              </Link>
            </p>
          ) : (
            <>
              <h2 className="mt-6 text-xl font-semibold">{t('introHeading')}</h2>
              <p className="mt-1">{t('introLead')}</p>
              <ol className="mt-3 list-decimal space-y-2 ps-6">
                <li>{t('introStep1')}</li>
                <li>{t('introStep2')}</li>
                <li>{t('introStep3')}</li>
              </ol>
            </>
          )}
          <form action={start} className="mt-6">
            <input type="hidden" name="childId" value={child.id} />
            <input type="hidden" name="service" value={service} />
            {policy.actor === 'parent' && <input type="hidden" name="introduction" value="1" />}
            {date && <input type="hidden" name="date" value={date} />}
            {Object.entries(policy.fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            {siblings.length > 1 && (
              <fieldset className="mb-4 rounded border border-slate-300 bg-white p-4">
                <legend className="px-1 font-semibold">{td('siblingsChoice')}</legend>
                <p id="enfants-aide" className="text-sm text-slate-700">
                  {td('siblingsChoiceHelp')}
                </p>
                <ul className="mt-2 space-y-1">
                  {siblings.map((s) => (
                    <li key={s.id}>
                      <label className="inline-flex min-h-11 items-center gap-2">
                        <input
                          type="checkbox"
                          name="childIds"
                          value={s.id}
                          defaultChecked={s.id === child.id}
                          aria-describedby="enfants-aide"
                          className="h-5 w-5"
                        />
                        {s.firstName} {s.lastName}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            )}
            <button
              type="submit"
              className="rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
            >
              {t('start')}
            </button>
          </form>
          <p className="mt-3 text-sm text-slate-700">{t('resumeNote')}</p>
        </>
      )}
      <p className="mt-8">
        <Link href={policy.childUrl(child.id)} className="text-brand-700 underline">
          <span aria-hidden="true" className="inline-block rtl:rotate-180">
            ←
          </span>{' '}
          {child.firstName}
        </Link>
      </p>
    </>
  );
}
