// Every page's footer (RGAA): the accessibility status, the links a French public site owes its users (declaration,
// mentions légales, données personnelles) and the Guichet famille's contact; on the parents' and visitors' pages, the
// language switcher « Langue » (the back office stays French: its layout passes none).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { INFO_PAGES } from '@/lib/info-pages';
import { LanguageSwitcher } from './language-switcher';

export async function SiteFooter({ chooseLanguage }: { chooseLanguage?: (formData: FormData) => Promise<void> }) {
  const t = await getTranslations('site.footer');
  const tApp = await getTranslations('app');
  const links = [
    { href: INFO_PAGES.accessibility, label: t('accessibility') },
    { href: INFO_PAGES.legal, label: t('legal') },
    { href: INFO_PAGES.privacy, label: t('privacy') },
    { href: INFO_PAGES.contact, label: t('contact') },
  ];
  return (
    <footer className="mt-10 border-t border-slate-300 bg-white print:hidden">
      <div className="mx-auto max-w-5xl px-4 py-4 text-sm">
        <p className="font-semibold">{t('town', { town: tApp('town') })}</p>
        <nav aria-label={t('navLabel')}>
          <ul className="mt-1 flex flex-wrap gap-x-4">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {chooseLanguage && (
          <div className="mt-2">
            <LanguageSwitcher action={chooseLanguage} />
          </div>
        )}
      </div>
    </footer>
  );
}
