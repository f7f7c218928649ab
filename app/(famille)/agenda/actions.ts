'use server';

// « Ajouter à mon agenda »: create the family's feed link, or regenerate it (the old one stops at once).
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { action, refusedAs } from '@/lib/action';
import { renewFamilyFeed } from '@/lib/calendar-feed/manage';
import { now } from '@/lib/clock';
import { fieldError } from '@/lib/errors';

// the confirmation is part of the input: a regeneration without « Oui, régénérer le lien » changes nothing
const renewSchema = refusedAs(
  fieldError('field_calendar_feed_confirm'),
  z.object({ confirm: z.enum(['create', 'renew']) }),
);

export const renewCalendarFeedAction = action(
  { role: 'parent', input: renewSchema, name: 'renewCalendarFeed' },
  async ({ confirm }, user) => {
    const db = await getDb();
    await renewFamilyFeed(db, { familyId: user.familyId, now: now(), replace: confirm === 'renew' });
    redirect(`/agenda?lien=${confirm === 'create' ? 'cree' : 'renouvele'}`);
  },
);
