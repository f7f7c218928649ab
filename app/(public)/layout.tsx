import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header';
import { clientMessages, PUBLIC_CLIENT_NAMESPACES } from '@/i18n/client-messages';

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="contenu" className="mx-auto max-w-md px-4 py-8">
        <NextIntlClientProvider messages={clientMessages(await getMessages(), PUBLIC_CLIENT_NAMESPACES)}>
          {children}
        </NextIntlClientProvider>
      </main>
    </>
  );
}
