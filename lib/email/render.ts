// Turns a queued e-mail (template + payload) into its subject, HTML and plain text versions.
// Payloads come back from a jsonb column: they are checked here, so a bad one fails loudly in the outbox.
// An e-mail with a single-use account link is the only place that link exists: its token is derived here from the
// payload's nonce (the dispatcher calls this when it hands the e-mail to the transport), and a second rendering
// with the link masked is what may be kept.
import { render } from '@react-email/components';
import { createElement, type ReactElement } from 'react';
import type { z } from 'zod';
import { EMAIL_TEMPLATES, isEmailTemplate, type EmailPayloads, type EmailTemplate } from '@/emails';
import type { AccountLinkFields } from '@/emails/account-link';
import { linkToken } from './link-token';

export { isEmailTemplate } from '@/emails';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /**
   * E-mails that carry a secret link only: the same e-mail with the link masked (« lien masqué »), the version the
   * portal may keep (local mailbox). `html` and `text` hold the live link and go to the transport only.
   */
  masked?: { html: string; text: string };
}

/** Checks a stored payload against its template; throws an Error naming the template and the fields. */
export function parsePayload<T extends EmailTemplate>(template: T, payload: unknown): EmailPayloads[T] {
  const parsed = (EMAIL_TEMPLATES[template].payloadSchema as z.ZodType).safeParse(payload);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(racine)'} : ${i.message}`).join(' ; ');
    throw new Error(`Contenu invalide pour le modèle « ${template} » : ${fields}`);
  }
  return parsed.data as EmailPayloads[T];
}

// Headings keep their case in the text version (html-to-text shouts them by default).
const textOptions = {
  plainText: true as const,
  htmlToTextOptions: {
    selectors: [
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      // the logo is for the eye: the text version starts with the greeting
      { selector: 'img', format: 'skip' },
    ],
  },
};

/**
 * The portal's address an e-mail's links point to (their origin), where its logo is served too. Every template's
 * payload holds an absolute link (`link`, or `linkBase` for account links), written when the e-mail was queued.
 */
export function siteUrlOf(payload: unknown): string | undefined {
  const p = payload as { link?: unknown; linkBase?: unknown };
  const link = typeof p.link === 'string' ? p.link : typeof p.linkBase === 'string' ? p.linkBase : undefined;
  if (!link) return undefined;
  try {
    return new URL(link).origin;
  } catch {
    return undefined;
  }
}

/** The live link of an invitation or reset e-mail: its base and the token derived from its nonce and AUTH_SECRET. */
export function accountLink(p: AccountLinkFields): string {
  return `${p.linkBase}${linkToken(p.nonce)}`;
}

async function renderBoth(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, textOptions)]);
  return { html, text };
}

/** An e-mail with a single-use account link: live for the transport, and `masked` (link: null) to be kept. */
async function renderWithAccountLink<P extends AccountLinkFields>(
  Email: (props: Omit<P, keyof AccountLinkFields> & { link: string | null; locale?: string }) => ReactElement,
  payload: P,
  subject: string,
  locale: string,
): Promise<RenderedEmail> {
  const { linkBase, nonce, ...p } = payload;
  const siteUrl = siteUrlOf({ linkBase });
  const [live, masked] = await Promise.all([
    renderBoth(createElement(Email, { ...p, siteUrl, locale, link: accountLink({ linkBase, nonce }) })),
    renderBoth(createElement(Email, { ...p, siteUrl, locale, link: null })),
  ]);
  return { subject, ...live, masked };
}

/** Any template, its payload type erased: the registry (emails/index.ts) checks each one against its payload. */
type ErasedTemplate =
  | { subject: (p: unknown, locale?: string) => string; default: (p: object) => ReactElement; accountLink?: undefined }
  | {
      subject: (p: unknown, locale?: string) => string;
      default: (p: { link: string | null; locale?: string }) => ReactElement;
      accountLink: true;
    };

/** The language a payload recorded for its recipient (`locale`), when it has one. */
function payloadLocale(payload: unknown): string | undefined {
  const locale = (payload as { locale?: unknown }).locale;
  return typeof locale === 'string' ? locale : undefined;
}

/**
 * An e-mail in the recipient's language (`locale`: the account's, looked up by the dispatcher; else the payload's
 * `locale`; French by default).
 */
export async function renderEmail<T extends EmailTemplate>(
  template: T,
  payload: EmailPayloads[T],
  locale?: string,
): Promise<RenderedEmail>;
export async function renderEmail(template: string, payload: unknown, locale?: string): Promise<RenderedEmail>;
export async function renderEmail(template: string, payload: unknown, accountLocale?: string): Promise<RenderedEmail> {
  if (!isEmailTemplate(template)) throw new Error(`Modèle d'e-mail inconnu : « ${template} »`);
  const p = parsePayload(template, payload);
  // the account's language; else the one the payload recorded when it was queued (a closed account has no address
  // left to be found by); else French
  const locale = accountLocale ?? payloadLocale(p) ?? 'fr';
  const t = EMAIL_TEMPLATES[template] as ErasedTemplate;
  if (t.accountLink) return renderWithAccountLink(t.default, p as AccountLinkFields, t.subject(p, locale), locale);
  const props = { ...(p as object), siteUrl: siteUrlOf(p), locale };
  return { subject: t.subject(p, locale), ...(await renderBoth(createElement(t.default, props))) };
}
