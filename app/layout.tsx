import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { chooseLanguageAction, chooseParentLanguageAction } from '@/app/actions';
import { SiteFooter } from '@/components/site-footer';
import { clientMessages, ROOT_CLIENT_NAMESPACES } from '@/i18n/client-messages';
import { directionOf, localeOr } from '@/i18n/locales';
import { currentUser } from '@/lib/auth/session';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: { default: t('name'), template: `%s · ${t('name')}` },
    applicationName: t('name'),
    // app/icon.svg (favicon) and app/apple-icon.png: Next adds their links; app/manifest.ts lists the PNG icons
    appleWebApp: { capable: true, title: t('name'), statusBarStyle: 'default' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d4e89' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry the nonce of the response's Content-Security-Policy.
  await connection();
  const locale = localeOr(await getLocale());
  const t = await getTranslations('app');
  // the switcher « Langue »: a parent's choice is stored on the account too; staff get none (the office is French)
  const user = await currentUser();
  const chooseLanguage =
    user === null ? chooseLanguageAction : user.role === 'parent' ? chooseParentLanguageAction : undefined;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t('skipToContent')}
        </a>
        <div className="flex-1">
          <NextIntlClientProvider messages={clientMessages(await getMessages(), ROOT_CLIENT_NAMESPACES)}>
            {children}
          </NextIntlClientProvider>
        </div>
        <SiteFooter chooseLanguage={chooseLanguage} />
      </body>
    </html>
  );
}
