// What the browser receives of the messages. NextIntlClientProvider without `messages` serialises every message into
// the page's RSC payload, and a provider in a layout hands its namespaces to every page under it, whether the page
// has a client component or not: the parents' pages carried 13.6 KB of messages, Mon espace and Mes demandes for
// nothing, and the dashboard 30 KB for one form. So messages go where the client components are:
// - the root layout: the error page's (app/error.tsx, outside every group's layout);
// - the visitors' layout (app/(public)): its forms' (Connexion, Mot de passe oublié, Créer mon espace, …), since
//   every one of its pages is a form;
// - elsewhere, <ClientMessages namespaces={…}> (components/client-messages.tsx) around the client components of a
//   page: the démarche's grid and template (Étape 1), « Valider » (Étape 2), the back office's forms. A nested
//   provider replaces its parent's messages, so it lists every namespace of what it wraps.
// Client components that need one sentence get it as a prop from their server parent instead (ActionForm).
// tests/unit/client-messages.test.ts discovers every client component and checks that whoever renders it hands it
// its namespaces.
import type { AbstractIntlMessages } from 'next-intl';

/** The namespaces of the client components directly under app/ (the error page), for the root layout. */
export const ROOT_CLIENT_NAMESPACES = ['errors'] as const;

/** The namespaces of the visitors' forms (app/(public)), for their layout. */
export const PUBLIC_CLIENT_NAMESPACES = ['login', 'forgot', 'activation', 'signup', 'confirmEmail', 'errors'] as const;

/** The démarche's grid and two-week template (Étape 1), besides the démarche's own namespace. */
export const PLANNING_CLIENT_NAMESPACES = [
  'template',
  // the planning's words in the page's language (i18n/use-wording.ts)
  'planningWords',
  'services',
] as const;

/** The given namespaces of the messages, and nothing else. */
export function clientMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((n) => n in messages).map((n) => [n, messages[n]!]));
}
