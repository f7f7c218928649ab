import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ContactDetails } from '../contact-details';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('site.contact'))('title') };
}

export default async function ContactPage() {
  const t = await getTranslations('site.contact');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-3">{t('intro')}</p>
      <ContactDetails />
    </>
  );
}
