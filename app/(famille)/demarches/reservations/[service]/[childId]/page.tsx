import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DemarcheIntroduction } from '@/components/demarche/introduction';
import { formAction } from '@/lib/action';
import { parentPolicy } from '@/lib/requests/policy';
import { startReservationAction } from '../../../actions';
import { loadDemarcheIntro } from '../../../intro';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('demarche'))('manageTitle') };
}

/** The introduction of "Gérer mes réservations": the steps, then "Commencer". */
export default async function ReservationIntroPage(props: {
  params: Promise<{ service: string; childId: string }>;
  searchParams: Promise<{ erreur?: string }>;
}) {
  const { user, service, year, child } = await loadDemarcheIntro(props.params);
  return (
    <DemarcheIntroduction
      policy={parentPolicy(user)}
      service={service}
      schoolYearId={year?.id ?? null}
      child={child}
      erreur={(await props.searchParams).erreur}
      start={formAction(startReservationAction)}
    />
  );
}
