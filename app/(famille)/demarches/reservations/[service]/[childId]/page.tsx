import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { DemarcheIntroduction } from '@/components/demarche/introduction';
import { formAction } from '@/lib/action';
import { isIsoDate } from '@/lib/planning';
import { hasReadIntroduction } from '@/lib/requests/introduction';
import { parentPolicy } from '@/lib/requests/policy';
import { siblingsOf } from '@/lib/requests/siblings';
import { startReservationAction } from '../../../actions';
import { loadDemarcheIntro } from '../../../intro';

type Props = {
  params: Promise<{ service: string; childId: string }>;
  searchParams: Promise<{ erreur?: string; date?: string; etapes?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const words = await getWording();
  const { service, child } = await loadDemarcheIntro(params);
  const t = await getTranslations('introduction');
  return { title: t('title', { service: words.service(service), name: `${child.firstName} ${child.lastName}` }) };
}

/**
 * The introduction of « Gérer mes réservations »: the steps, then « Commencer ». Once read, the steps fold behind
 * « Revoir les étapes de la démarche » (?etapes=1 shows them); a day tapped in « À venir » skips this page.
 */
export default async function ReservationIntroPage(props: Props) {
  const { db, user, service, year, child } = await loadDemarcheIntro(props.params);
  const { erreur, date, etapes } = await props.searchParams;
  const siblings =
    year && child.enrolments.some((e) => e.service === service)
      ? await siblingsOf(db, { familyId: user.familyId, childId: child.id, service, schoolYearId: year.id })
      : [];
  return (
    <DemarcheIntroduction
      policy={parentPolicy(user)}
      service={service}
      schoolYearId={year?.id ?? null}
      child={child}
      erreur={erreur}
      date={date && isIsoDate(date) ? date : undefined}
      read={await hasReadIntroduction(db, user.id)}
      showSteps={etapes === '1'}
      siblings={siblings}
      start={formAction(startReservationAction)}
    />
  );
}
