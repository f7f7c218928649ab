// The Guichet famille's address, hours, phone and e-mail: on the contact page and in the accessibility declaration.
import { getTranslations } from 'next-intl/server';

const link = 'inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4';

export async function ContactDetails() {
  const t = await getTranslations('site.contact');
  return (
    <address className="mt-3 rounded bg-white p-4 not-italic shadow-sm">
      <p className="font-semibold">{t('where')}</p>
      <p>{t('address')}</p>
      <p>{t('hours')}</p>
      <p>
        {t('phoneLabel')} :{' '}
        <a href={t('phoneHref')} className={link}>
          {t('phone')}
        </a>
      </p>
      <p>
        {t('emailLabel')} :{' '}
        <a href={`mailto:${t('email')}`} className={`${link} break-all`}>
          {t('email')}
        </a>
      </p>
    </address>
  );
}
