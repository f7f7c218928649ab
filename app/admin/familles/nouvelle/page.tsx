// « Créer une famille »: the family, its first parent (an account awaiting its invitation) and up to two children.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { CLASS_LEVELS, listSectorOptions, listSiteOptions } from '@/lib/families/families';
import { requireStaff } from '@/lib/auth/session';
import { createFamilyAction } from '../actions';
import { AdminForm, Field, SelectField } from '../admin-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminFamilies'))('createTitle') };
}

export default async function NewFamilyPage() {
  await requireStaff();
  const t = await getTranslations('adminFamilies');
  const db = await getDb();
  const [sectorOptions, schools] = await Promise.all([listSectorOptions(db), listSiteOptions(db, 'ecole')]);
  const opt = t('optional');
  return (
    <>
      <p>
        <Link href="/admin/familles" className="text-brand-700 underline">
          ← {t('backToSearch')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('createTitle')}</h1>
      <p className="mt-2 max-w-3xl">{t('createIntro')}</p>
      <AdminForm
        action={createFamilyAction}
        submitLabel={t('create')}
        pendingLabel={t('creating')}
        className="mt-6 max-w-3xl space-y-6"
        resetOnDone={false}
      >
        <fieldset className="grid gap-3 rounded border border-slate-400 bg-white p-4 sm:grid-cols-2">
          <legend className="px-1 font-semibold">{t('family')}</legend>
          <Field label={t('name')} name="name" required />
          <SelectField
            label={t('sector')}
            name="sectorId"
            emptyLabel={t('noSector')}
            options={sectorOptions.map((s) => ({ value: s.id, label: s.name }))}
          />
          <Field label={t('address')} name="address" optionalLabel={opt} />
          <Field label={t('postalCode')} name="postalCode" optionalLabel={opt} />
          <Field label={t('city')} name="city" optionalLabel={opt} />
        </fieldset>
        <fieldset className="grid gap-3 rounded border border-slate-400 bg-white p-4 sm:grid-cols-2">
          <legend className="px-1 font-semibold">{t('firstParent')}</legend>
          <Field label={t('firstName')} name="parent.firstName" required />
          <Field label={t('lastName')} name="parent.lastName" required />
          <Field label={t('email')} name="parent.email" type="email" required />
          <Field label={t('phone')} name="parent.phone" type="tel" optionalLabel={opt} />
        </fieldset>
        {[0, 1].map((i) => (
          <fieldset key={i} className="grid gap-3 rounded border border-slate-400 bg-white p-4 sm:grid-cols-2">
            <legend className="px-1 font-semibold">{t('childN', { n: i + 1 })}</legend>
            <Field label={t('firstName')} name={`child${i}.firstName`} />
            <Field label={t('lastName')} name={`child${i}.lastName`} />
            <Field label={t('birthDate')} name={`child${i}.birthDate`} type="date" />
            <SelectField
              label={t('school')}
              name={`child${i}.schoolId`}
              emptyLabel={t('noSchool')}
              options={schools.map((s) => ({ value: s.id, label: s.name }))}
            />
            <SelectField
              label={t('classLevel')}
              name={`child${i}.classLevel`}
              emptyLabel={t('noClass')}
              options={CLASS_LEVELS.map((c) => ({ value: c, label: c }))}
            />
          </fieldset>
        ))}
      </AdminForm>
    </>
  );
}
