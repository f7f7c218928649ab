// What both introductions (« S'inscrire », « Gérer mes réservations ») start from: the parent, the service of the
// URL, the current school year and the family's child, or a 404 when the service or the child is not theirs; a family
// not yet validated goes back to Mon espace.
import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { requireActiveParent } from '@/lib/auth/session';
import { currentSchoolYear } from '@/lib/calendar/school-years';
import { today } from '@/lib/clock';
import { getFamilyChild } from '@/lib/families/child';
import { SERVICE_KINDS, type ServiceKind } from '@/lib/planning';

export async function loadDemarcheIntro(params: Promise<{ service: string; childId: string }>) {
  const { service, childId } = await params;
  return loadIntro(service, childId);
}

// the page and its title share one load (React cache: once per request, keyed by the URL's values)
const loadIntro = cache(async (service: string, childId: string) => {
  const user = await requireActiveParent();
  if (!(SERVICE_KINDS as readonly string[]).includes(service)) notFound();
  const db = await getDb();
  const year = await currentSchoolYear(db, today());
  const child = await getFamilyChild(db, user.familyId, Number(childId), year?.id ?? null);
  if (!child) notFound();
  return { db, user, service: service as ServiceKind, year, child };
});
