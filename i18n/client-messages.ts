// What the browser receives of the messages. NextIntlClientProvider without `messages` serialises every message into
// every page (about 12 KB of the 18 KB of a parent page's gzipped HTML), though the parents' client components use
// a few namespaces. The root layout passes all but the back office's and the server's own; app/admin/layout.tsx
// passes them all again to its pages. tests/unit/client-messages.test.ts checks that no client component outside
// app/admin asks for a namespace left out here.
import type { AbstractIntlMessages } from 'next-intl';

/** Namespaces no client component outside app/admin uses: server-only texts and the back office's forms. */
export const BACK_OFFICE_NAMESPACES = [
  'refusals',
  'admin',
  'adminEmails',
  'adminDashboard',
  'adminFamilies',
  'adminChild',
  'adminCalendar',
  'adminStructures',
  'adminRequests',
  'onBehalf',
  'attendance',
  'mealOrders',
  'reportErrors',
  'journal',
  'accounts',
] as const;

/** The messages of every page outside the back office. */
export function publicMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  const excluded = new Set<string>(BACK_OFFICE_NAMESPACES);
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !excluded.has(namespace)));
}
