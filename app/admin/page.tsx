import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { keyFigures } from '@/lib/admin/stats';
import { requireStaff } from '@/lib/auth/session';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { today } from '@/lib/clock';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminDashboardPage() {
  await requireStaff();
  const t = await getTranslations('admin');
  const db = await getDb();
  const year = await currentSchoolYear(db, today());
  const figures = await keyFigures(db, year?.id ?? null);
  const cards = [
    { label: t('families'), value: figures.families },
    { label: t('children'), value: figures.children },
    { label: t('enrolments', { year: year?.label ?? '' }), value: figures.enrolments },
  ];
  return (
    <>
      <p className="text-sm uppercase tracking-wide text-slate-700">{t('backOffice')}</p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <section aria-labelledby="figures-heading" className="mt-6">
        <h2 id="figures-heading" className="sr-only">{t('figures')}</h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          {cards.map((card) => (
            <div key={card.label} className="rounded-lg border border-slate-300 bg-white p-4">
              <dt className="text-sm text-slate-700">{card.label}</dt>
              <dd className="text-3xl font-bold">{card.value.toLocaleString('fr-FR')}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
