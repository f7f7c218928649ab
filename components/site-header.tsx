// The portal's header: name of the town, main navigation, who is signed in and "Se déconnecter".
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
}

export async function SiteHeader({ nav = [], account }: { nav?: NavItem[]; account?: SignedInAccount }) {
  const t = await getTranslations('app');
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="font-semibold leading-tight">
          {t('name')}{' '}
          <span className="block text-sm font-normal">
            {t('town')} · {t('tagline')}
          </span>
        </Link>
        {account !== undefined && (
          <form action={account.signOut} className="flex items-center gap-3">
            <span className="hidden text-sm sm:inline">{t('signedInAs', { name: account.name })}</span>
            <button
              type="submit"
              className="rounded border border-white px-3 py-1.5 text-sm font-medium hover:bg-brand-800"
            >
              {t('signOut')}
            </button>
          </form>
        )}
      </div>
      {nav.length > 0 && (
        <nav aria-label={t('mainNav')} className="bg-brand-800">
          <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-4 px-4 py-2 text-sm">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="underline-offset-4 hover:underline">
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
