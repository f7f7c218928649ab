import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { INFO_PAGES } from '@/lib/info-pages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('site.legal'))('title') };
}

const h2 = 'mt-8 text-xl font-bold';

export default async function LegalPage() {
  const t = await getTranslations('site.legal');
  const ta = await getTranslations('site.accessibility');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <h2 className={h2}>{t('publisherHeading')}</h2>
      <p className="mt-2">{t('publisher')}</p>
      <p className="mt-2">{t('director')}</p>
      <h2 className={h2}>{t('hostHeading')}</h2>
      <p className="mt-2">{t('host')}</p>
      <h2 className={h2}>{t('contentHeading')}</h2>
      <p className="mt-2">{t('content')}</p>
      <h2 className={h2}>{t('accessibilityHeading')}</h2>
      <p className="mt-2">{t('accessibility')}</p>
      <p>
        <Link
          href={INFO_PAGES.accessibility}
          className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
        >
          {ta('title')}
        </Link>
      </p>
    </>
  );
}
