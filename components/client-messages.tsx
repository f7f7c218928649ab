// The messages the client components it wraps ask for, and nothing else (i18n/client-messages.ts says why). The
// locale, time zone and clock come from the request, as for every provider rendered by a server component.
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { clientMessages } from '@/i18n/client-messages';

export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: React.ReactNode;
}) {
  return (
    <NextIntlClientProvider messages={clientMessages(await getMessages(), namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
