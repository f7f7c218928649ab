import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('site.privacy'))('title') };
}

const SECTIONS = [
  ['controllerHeading', 'controller'],
  ['purposeHeading', 'purpose'],
  ['dataHeading', 'data'],
  ['recipientsHeading', 'recipients'],
  ['cookiesHeading', 'cookies'],
  ['rightsHeading', 'rights'],
] as const;

export default async function PrivacyPage() {
  const t = await getTranslations('site.privacy');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {SECTIONS.map(([heading, body]) => (
        <div key={heading}>
          <h2 id={heading} className="mt-8 text-xl font-bold">
            {t(heading)}
          </h2>
          <p className="mt-2">{t(body)}</p>
        </div>
      ))}
    </>
  );
}
