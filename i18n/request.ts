// next-intl without locale routing: French only for now; another language means another messages/<locale>.json
// and messages/<locale>/*.json. The back office's namespaces live in their own files, merged here.
import { getRequestConfig } from 'next-intl/server';
import { MESSAGE_PARTS } from './parts';

export const DEFAULT_LOCALE = 'fr';

export default getRequestConfig(async () => {
  const locale = DEFAULT_LOCALE;
  const base = (await import(`../messages/${locale}.json`)).default as Record<string, unknown>;
  const parts = await Promise.all(
    MESSAGE_PARTS.map(
      async (part) => (await import(`../messages/${locale}/${part}.json`)).default as Record<string, unknown>,
    ),
  );
  return {
    locale,
    timeZone: 'Europe/Paris',
    messages: Object.assign({}, base, ...parts),
  };
});
