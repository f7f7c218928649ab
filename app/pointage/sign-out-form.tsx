'use client';

// « Se déconnecter » on « Pointage », where the phone is shared by the animateurs. Before the session ends: the
// account's taps still on the phone are sent, then the page's offline copy is deleted, so the next person finds no
// child's name on the phone, even offline (the service worker then answers /pointage with its « Hors ligne » page).
// Why send first rather than keep the taps for the same account's next sign-in: they leave under the session of the
// person who tapped them, while it is still theirs; the server takes today's and yesterday's taps only, so a tap kept
// until that account comes back (another day, or never on this phone) would be refused; and meanwhile the phone would
// keep children's names for whoever picks it up. So while a tap cannot leave (no network, a server error), « Se
// déconnecter » says how many wait and does not sign out; once they have left, it does. Signing out needs the network
// anyway (the session ends on the server). A tap left by a session that ended otherwise (expired, a cookie cleared)
// stays tagged with its account, and only that account sends it (./outbox.ts).
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { SignOutFormProps } from '@/components/site-header';
import { forgetOfflineCopy } from './offline-copy';
import { pendingTaps, sendAll } from './outbox';

export function PointageSignOutForm({
  action,
  className,
  children,
  accountId,
}: SignOutFormProps & { accountId: number }) {
  const t = useTranslations('pointage');
  const [warning, setWarning] = useState<string | null>(null);
  /** the checks are done: the next submit runs the action */
  const cleared = useRef(false);
  const checking = useRef(false);

  async function checkThenSignOut(form: HTMLFormElement) {
    checking.current = true;
    setWarning(null);
    try {
      if (navigator.onLine && (await pendingTaps(accountId)).length > 0) {
        const { refused } = await sendAll(accountId);
        if (refused.length > 0) {
          // the person reads it before the page goes; the next « Se déconnecter » goes on
          setWarning(refused.map((r) => t('refused', r)).join(' '));
          return;
        }
      }
      const waiting = (await pendingTaps(accountId)).length;
      if (waiting > 0) return setWarning(t('signOutWaiting', { count: waiting }));
      if (!navigator.onLine) return setWarning(t('signOutOffline'));
      await forgetOfflineCopy();
    } catch (error) {
      // the outbox unreadable: no tap could wait in it either; the session still ends
      console.warn('[pointage] the outbox could not be read before signing out', error);
      await forgetOfflineCopy().catch(() => {});
    } finally {
      checking.current = false;
    }
    cleared.current = true;
    form.requestSubmit(); // the submit event is dispatched at once: React starts the action in it
    cleared.current = false;
  }

  return (
    <form
      action={action}
      className={className}
      onSubmit={(event) => {
        if (cleared.current) return;
        event.preventDefault(); // React then leaves the action alone
        if (!checking.current) void checkThenSignOut(event.currentTarget);
      }}
    >
      {children}
      {warning && (
        <p
          role="alert"
          className="fixed inset-x-2 bottom-2 z-20 rounded border-l-4 border-red-700 bg-red-50 p-3 font-semibold text-slate-900 shadow-lg"
        >
          {warning}
        </p>
      )}
    </form>
  );
}
