import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { startEnrolmentAction } from '../../../inscriptions/actions';
import { loadDemarcheIntro } from '../../../intro';

const ERROR_CODES = ['already_enrolled', 'no_year', 'not_found'] as const;

export async function generateMetadata({
  params,
}: {
  params: Promise<{ service: string; childId: string }>;
}): Promise<Metadata> {
  const words = await getWording();
  const { service, child } = await loadDemarcheIntro(params);
  const name = `${child.firstName} ${child.lastName}`;
  return { title: (await getTranslations('enrol'))('titleOf', { service: words.service(service), name }) };
}

/** The introduction of "S'inscrire" (seed, cas n°2): the steps, then "Commencer". */
export default async function EnrolIntroPage({
  params,
  searchParams,
}: {
  params: Promise<{ service: string; childId: string }>;
  searchParams: Promise<{ erreur?: string }>;
}) {
  const words = await getWording();
  const { service, year, child } = await loadDemarcheIntro(params);
  const t = await getTranslations('enrol');
  const td = await getTranslations('demarche');
  const { erreur } = await searchParams;
  const enrolled = child.enrolments.some((e) => e.service === service);
  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{words.service(service)}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 text-lg">
        {child.firstName} {child.lastName}
        {year ? ` · ${year.label}` : ''}
      </p>
      {erreur && (ERROR_CODES as readonly string[]).includes(erreur) && (
        <p role="alert" className="mt-4 rounded border-2 border-red-700 bg-white p-4 text-red-800">
          {t(`errors.${erreur as (typeof ERROR_CODES)[number]}`)}
        </p>
      )}
      {enrolled ? (
        <>
          <p className="mt-4 rounded bg-white p-4">{t('errors.already_enrolled')}</p>
          <p className="mt-4">
            <Link
              href={`/demarches/reservations/${service}/${child.id}`}
              className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 font-semibold text-white"
            >
              {t('goOn')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <h2 className="mt-6 text-xl font-semibold">{td('introHeading')}</h2>
          <p className="mt-1">{t('introLead')}</p>
          <ol className="mt-3 list-decimal space-y-2 ps-6">
            <li>{t('introStep1')}</li>
            <li>{t('introStep2')}</li>
            <li>{t('introStep3')}</li>
          </ol>
          <form action={startEnrolmentAction} className="mt-6">
            <input type="hidden" name="childId" value={child.id} />
            <input type="hidden" name="service" value={service} />
            <button
              type="submit"
              className="min-h-11 rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800"
            >
              {td('start')}
            </button>
          </form>
        </>
      )}
      <p className="mt-8">
        <Link
          href={`/enfants/${child.id}`}
          className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
        >
          <span aria-hidden="true" className="inline-block rtl:rotate-180">
            ←
          </span>{' '}
          {child.firstName}
        </Link>
      </p>
    </>
  );
}
