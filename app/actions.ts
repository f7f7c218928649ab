'use server';

import { z } from 'zod';
import { signOut } from '@/auth';
import { action } from '@/lib/action';

/** "Se déconnecter": ends the session in the database (auth.ts, events.signOut) and goes back to Connexion. */
export const signOutAction = action(
  { role: 'anyone', input: z.object({}).optional(), name: 'signOut', plain: true },
  async () => {
    await signOut({ redirectTo: '/connexion' });
  },
);
