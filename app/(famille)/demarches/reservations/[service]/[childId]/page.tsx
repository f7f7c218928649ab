import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/lib/action';
import { SERVICE_LABELS } from '@/lib/planning';
import { loadServiceCalendar } from '@/lib/reservations/calendar';
import { startReservationAction } from '../../../actions';
import { loadDemarcheIntro } from '../../../intro';

const ERROR_CODES = ['not_enrolled', 'no_year', 'not_found'] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('demarche'))('manageTitle') };
}

/** The introduction of "Gérer mes réservations": the steps, then "Commencer". */
export default async function ReservationIntroPage({
  params,
  searchParams,
}: {
  params: Promise<{ service: string; childId: string }>;
  searchParams: Promise<{ erreur?: string }>;
}) {
  const { db, service, year, child } = await loadDemarcheIntro(params);
  const t = await getTranslations('demarche');
  const { erreur } = await searchParams;
  const enrolment = child.enrolments.find((e) => e.service === service);
  const cal =
    year && enrolment
      ? await loadServiceCalendar(db, { schoolYearId: year.id, service, siteId: enrolment.siteId })
      : null;

  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{SERVICE_LABELS[service]}</p>
      <h1 className="text-2xl font-bold">{t('manageTitle')}</h1>
      <p className="mt-1 text-lg">
        {child.firstName} {child.lastName}
      </p>
      {erreur && (ERROR_CODES as readonly string[]).includes(erreur) && (
        <p role="alert" className="mt-4 rounded border-2 border-red-700 bg-white p-4 text-red-800">
          {t(`errors.${erreur as (typeof ERROR_CODES)[number]}`)}
        </p>
      )}
      {!enrolment || !cal ? (
        <p className="mt-4 rounded bg-white p-4">{t('errors.not_enrolled')}</p>
      ) : (
        <>
          <p className="mt-4">{t('deadline', { days: cal.deadlineDays })}</p>
          <h2 className="mt-6 text-xl font-semibold">{t('introHeading')}</h2>
          <p className="mt-1">{t('introLead')}</p>
          <ol className="mt-3 list-decimal space-y-2 pl-6">
            <li>{t('introStep1')}</li>
            <li>{t('introStep2')}</li>
            <li>{t('introStep3')}</li>
          </ol>
          <form action={formAction(startReservationAction)} className="mt-6">
            <input type="hidden" name="childId" value={child.id} />
            <input type="hidden" name="service" value={service} />
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
        <Link href={`/enfants/${child.id}`} className="text-brand-700 underline">
          ← {child.firstName}
        </Link>
      </p>
    </>
  );
}
