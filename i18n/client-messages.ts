// What the browser receives of the messages. NextIntlClientProvider without `messages` serialises every message into
// the page's RSC payload, and a list of what to leave out grows with every new namespace: the parents' pages carried
// 24 KB of messages of which their client components use a third. So each provider passes only the namespaces its
// client components ask for: the root layout only the error page's (app/error.tsx, outside every group's layout), the
// parents' and visitors' layouts theirs, app/admin/layout.tsx the back office's. A nested provider replaces its
// parent's messages, so a back-office page no longer carries the parents' ones as well.
// tests/unit/client-messages.test.ts discovers every client component and checks its namespaces are listed here.
import type { AbstractIntlMessages } from 'next-intl';

/** The namespaces of the client components directly under app/ (the error page), for the root layout. */
export const ROOT_CLIENT_NAMESPACES = ['errors'] as const;

/** The namespaces of the client components outside app/admin (forms of Connexion, the démarche's grid, …). */
export const CLIENT_NAMESPACES = [
  'login',
  'forgot',
  'activation',
  'signup',
  'confirmEmail',
  'errors',
  'demarche',
  'template',
  // the planning's words in the page's language (i18n/use-wording.ts)
  'planningWords',
  'services',
] as const;

/** The namespaces of the back office's client components (its forms, and the démarche on a family's behalf). */
export const BACK_OFFICE_CLIENT_NAMESPACES = [
  ...CLIENT_NAMESPACES,
  'accounts',
  'adminCalendar',
  'adminStructures',
  'adminChild',
  'adminFamilies',
  'adminWaitingRoom',
  'onBehalf',
] as const;

/** The given namespaces of the messages, and nothing else. */
export function clientMessages(
  messages: AbstractIntlMessages,
  namespaces: readonly string[] = CLIENT_NAMESPACES,
): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((n) => n in messages).map((n) => [n, messages[n]!]));
}
