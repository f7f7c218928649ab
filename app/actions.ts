'use server';

import { signOut } from '@/auth';

/** "Se déconnecter": ends the session in the database (auth.ts, events.signOut) and goes back to Connexion. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/connexion' });
}
