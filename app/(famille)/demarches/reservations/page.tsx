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
import { SERVICE_KINDS, type ServiceKind } from '@/lib/planning';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('demarche'))('manageTitle') };
}

/** "Gérer mes réservations" from the menu: choose the service, then the child. */
export default async function ChooseChildPage({ searchParams }: { searchParams: Promise<{ service?: string }> }) {
  const words = await getWording();
  const user = await requireActiveParent();
  const t = await getTranslations('demarche');
  const { service: param } = await searchParams;
  const service: ServiceKind = (SERVICE_KINDS as readonly string[]).includes(param ?? '')
    ? (param as ServiceKind)
    : 'mercredi';
  const db = await getDb();
  const year = await currentSchoolYear(db, today());
  const kids = await listFamilyChildren(db, user.familyId, year?.id ?? null);
  return (
    <>
      <h1 className="text-2xl font-bold">{t('manageTitle')}</h1>
      <nav aria-label={t('servicesNav')} className="mt-3 flex flex-wrap gap-2">
        {SERVICE_KINDS.map((s) => (
          <Link
            key={s}
            href={`/demarches/reservations?service=${s}`}
            aria-current={s === service ? 'page' : undefined}
            className={`rounded border-2 border-brand-700 px-3 py-1.5 text-sm font-medium ${s === service ? 'bg-brand-700 text-white' : 'bg-white text-brand-700'}`}
          >
            {words.service(s)}
          </Link>
        ))}
      </nav>
      <h2 className="mt-6 text-xl font-semibold">{t('chooseChildHeading')}</h2>
      <p className="mt-1">{t('chooseChild')}</p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {kids.map((kid) => {
          const enrolled = kid.services.some((s) => s.service === service);
          return (
            <li key={kid.id} className="flex items-center gap-3 rounded-lg border border-slate-300 bg-white p-4">
              <Initials firstName={kid.firstName} lastName={kid.lastName} seed={kid.id} />
              {enrolled ? (
                <Link
                  href={`/demarches/reservations/${service}/${kid.id}`}
                  className="inline-flex min-h-11 items-center text-lg font-semibold text-brand-700 underline"
                >
                  {kid.firstName} {kid.lastName}
                </Link>
              ) : (
                <span>
                  <span className="block text-lg font-semibold">
                    {kid.firstName} {kid.lastName}
                  </span>
                  <span className="text-sm">{t('notEnrolledChild', { name: kid.firstName })}</span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
