'use server';

import { getDb } from '@/db/client';
import { action } from '@/lib/action';
import { now } from '@/lib/clock';
import { waitingRoom } from '@/lib/waiting-room';
import { activeLimitSchema, setActiveLimit } from '@/lib/waiting-room/settings';

/** The dashboard's « Salle d'attente »: the limit of active parents (staff). */
export const setWaitingRoomLimitAction = action({ role: 'staff', input: activeLimitSchema }, async (input, user) => {
  await setActiveLimit(await getDb(), user, input, { now: now() });
  // this instance applies it at once; the others within the few seconds of their cache
  waitingRoom()?.room.invalidateSettings();
});
