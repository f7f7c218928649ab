// « S'inscrire » from the menu (seed, cas n°2): first « Sélectionnez l'enfant pour lequel vous souhaitez effectuer une
// inscription », then the service; the service's introduction follows. From a child's card on Mon espace, the child
// and the service are already known: the card links straight to the introduction.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getWording } from '@/i18n/wording';
import { Initials } from '@/components/initials';
import { getDb } from '@/db/client';
import { requireActiveParent } from '@/lib/auth/session';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { today } from '@/lib/clock';
import { listFamilyChildren } from '@/lib/families/children';
import { SERVICE_KINDS } from '@/lib/planning';

type Search = Promise<{ enfant?: string }>;

async function load(searchParams: Search) {
  const user = await requireActiveParent();
  const db = await getDb();
  const year = await currentSchoolYear(db, today());
  const kids = await listFamilyChildren(db, user.familyId, year?.id ?? null);
  const { enfant } = await searchParams;
  return { kids, year, chosen: kids.find((k) => String(k.id) === enfant) };
}

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const t = await getTranslations('enrol');
  const { chosen } = await load(searchParams);
  return { title: chosen ? t('titleChild', { name: `${chosen.firstName} ${chosen.lastName}` }) : t('title') };
}

const card = 'flex min-h-11 items-center gap-3 rounded-lg border border-slate-300 bg-white p-4';

export default async function EnrolChoosePage({ searchParams }: { searchParams: Search }) {
  const words = await getWording();
  const t = await getTranslations('enrol');
  const { kids, year, chosen } = await load(searchParams);
  if (!chosen) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <h2 className="mt-6 text-xl font-semibold">{t('chooseChildHeading')}</h2>
        <p className="mt-1">{t('chooseChild')}</p>
        {kids.length === 0 ? (
          <p className="mt-4 rounded bg-white p-4">{t('noChildren')}</p>
        ) : (
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {kids.map((kid) => (
              <li key={kid.id}>
                <Link href={`/demarches/inscription?enfant=${kid.id}`} className={card}>
                  <Initials firstName={kid.firstName} lastName={kid.lastName} seed={kid.id} />
                  <span className="text-lg font-semibold text-brand-700 underline underline-offset-4">
                    {kid.firstName} {kid.lastName}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  const name = `${chosen.firstName} ${chosen.lastName}`;
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 text-lg">
        {name}
        {year ? ` · ${year.label}` : ''}
      </p>
      <h2 className="mt-6 text-xl font-semibold">{t('chooseServiceHeading')}</h2>
      <p className="mt-1">{t('chooseService', { name: chosen.firstName })}</p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-3">
        {SERVICE_KINDS.map((service) => {
          const enrolment = chosen.services.find((s) => s.service === service);
          return (
            <li key={service}>
              {enrolment ? (
                <p className="rounded-lg border border-slate-300 bg-slate-100 p-4">
                  <span className="block text-lg font-semibold">{words.service(service)}</span>
                  <span className="text-sm">
                    {t('alreadyEnrolled', { name: chosen.firstName, site: enrolment.siteName })}
                  </span>
                </p>
              ) : (
                <Link href={`/demarches/inscription/${service}/${chosen.id}`} className={card}>
                  <span className="text-lg font-semibold text-brand-700 underline underline-offset-4">
                    {words.service(service)}
                  </span>
                </Link>
              )}
            </li>
          );
        })}
      </ul>
      {kids.length > 1 && (
        <p className="mt-6">
          <Link
            href="/demarches/inscription"
            className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
          >
            {t('otherChild')}
          </Link>
        </p>
      )}
    </>
  );
}
