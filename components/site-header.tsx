// The portal's header: the town's mark and name, main navigation, who is signed in and "Se déconnecter".
// On a phone it stays at most 96 px tall: one row for the mark and « Se déconnecter », one row of navigation links
// (44 px tall, scrolling sideways when they do not fit, the page itself never does).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export interface NavItem {
  href: string;
  label: string;
}

/** Who is signed in, and « Se déconnecter »'s server action: the layout passes it (components never import app/). */
export interface SignedInAccount {
  name: string;
  signOut: (formData: FormData) => Promise<void>;
  /**
   * The form around « Se déconnecter » when the page must act before the session ends (« Pointage »: the taps still
   * on the phone sent, its offline copy deleted); a plain form otherwise.
   */
  signOutForm?: (form: SignOutFormProps) => React.ReactNode;
}

export interface SignOutFormProps {
  action: (formData: FormData) => Promise<void>;
  className: string;
  children: React.ReactNode;
}

export async function SiteHeader({ nav = [], account }: { nav?: NavItem[]; account?: SignedInAccount }) {
  const t = await getTranslations('app');
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-1 sm:py-2">
        <Link href="/" className="flex min-h-11 min-w-0 items-center gap-2 leading-tight">
          {/* the town's mark (public/logo-mark.svg); the link's name is its text */}
          {/* eslint-disable-next-line @next/next/no-img-element -- a 1 KB SVG, nothing for the image optimiser to do */}
          <img src="/logo-mark.svg" alt="" width={36} height={36} className="size-9 shrink-0" />
          <span className="min-w-0">
            <span className="block font-semibold">{t('name')}</span>
            <span className="block truncate text-sm font-normal">
              {t('town')}
              <span className="hidden sm:inline"> · {t('tagline')}</span>
            </span>
          </span>
        </Link>
        {account !== undefined &&
          (account.signOutForm ?? PlainForm)({
            action: account.signOut,
            className: 'flex shrink-0 items-center gap-3',
            children: (
              <>
                <span className="hidden text-sm sm:inline">{t('signedInAs', { name: account.name })}</span>
                <button
                  type="submit"
                  className="min-h-11 rounded border border-white px-3 text-sm font-medium hover:bg-brand-800"
                >
                  {t('signOut')}
                </button>
              </>
            ),
          })}
      </div>
      {nav.length > 0 && (
        <nav aria-label={t('mainNav')} className="focus-inset bg-brand-800">
          <ul className="mx-auto flex max-w-5xl gap-x-1 overflow-x-auto whitespace-nowrap px-2 text-sm sm:flex-wrap sm:overflow-visible sm:whitespace-normal">
            {nav.map((item) => (
              <li key={item.href} className="shrink-0">
                <Link
                  href={item.href}
                  className="inline-flex min-h-11 items-center px-2 underline-offset-4 hover:underline"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

function PlainForm({ action, className, children }: SignOutFormProps) {
  return (
    <form action={action} className={className}>
      {children}
    </form>
  );
}
