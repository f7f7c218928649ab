'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { signOut } from '@/auth';
import { action } from '@/lib/action';
import { waitingRoom } from '@/lib/waiting-room';
import { COOKIE_NAME } from '@/lib/waiting-room/cookie';

/**
 * "Se déconnecter": frees the parent's slot in the waiting room for the next family, ends the session in the
 * database (auth.ts, events.signOut) and goes back to Connexion.
 */
export const signOutAction = action(
  { role: 'anyone', input: z.object({}).optional(), name: 'signOut', plain: true },
  async () => {
    try {
      await waitingRoom()?.release((await cookies()).get(COOKIE_NAME)?.value);
    } catch (error) {
      // the slot then frees itself once idle: signing out must not fail for it
      console.error('[waiting-room] the slot was not released at sign-out', error);
    }
    await signOut({ redirectTo: '/connexion' });
  },
);
