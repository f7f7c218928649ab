// What an actor may do in the "Gérer les réservations" démarche, decided once per request on the server and passed
// to the pages (greying) and to the use-cases (validation), instead of flags threaded through every function.
// - the parent: the calendar's deadline applies; the family's own drafts only (never one opened at the desk);
// - an agent of the Guichet famille acting for a family: no deadline and no opening hour (closed days, holidays and
//   public holidays stay closed), a reason at validation, the agent's own drafts only, the agent recorded as the author.
// A third policy has its place here when it comes: a late cancellation for a justified absence (the deadline waived
// for removals only), built the same way and read by the same use-cases.
import type { GreyReason } from '@/lib/planning';
import type { ServiceCalendar } from '@/lib/reservations/calendar';

export interface DemarchePolicy {
  actor: 'parent' | 'agent';
  /** the family the démarche is for */
  familyId: number;
  /** who acts: the parent's account, or the agent's */
  accountId: number;
  /** the drafts the actor may load: the family's own, or the ones this agent opened at the desk */
  drafts: { onBehalf: false } | { onBehalf: true; createdBy: number };
  /**
   * the délai de prévenance, and the hour a period's bookings open: the calendar's, or none (changes from today on; an
   * agent at the desk books a summer day before the rush opens, as it books past the deadline)
   */
  deadline: 'calendar' | 'waived';
  /** greyed reasons the actor may still change at validation */
  overrides: readonly GreyReason[];
  /** « Valider » asks for a reason (recorded on the request and in the audit row) */
  reasonRequired: boolean;
  /** recorded on the request: the agent who booked for the family (null: the parent) */
  onBehalf: { agentName: string } | null;
  /** where the démarche's pages live ({baseUrl}/{requestId}/etape-1) */
  baseUrl: string;
  /** what the pages answer for a draft the actor may not load: a 404, or « Démarche indisponible » with the reason */
  unknownDraft: 'not_found' | 'unavailable';
  /** where a closed démarche leads back (the family's space, or the family's file in the back office) */
  homeUrl: string;
  /** the child's page, from the confirmation */
  childUrl: (childId: number) => string;
  /** where « Annuler la démarche » leads */
  cancelledUrl: (childId: number) => string;
  /** the words of the pages (messages/fr.json `demarche`, messages/fr/admin-families.json `onBehalf`) */
  namespace: 'demarche' | 'onBehalf';
  /** what the actions need besides the request id (hidden fields of the forms) */
  fields: Record<string, number>;
}

/** The parent in their space: the family's own drafts, the calendar's deadline. */
export function parentPolicy(user: { id: number; familyId: number }): DemarchePolicy {
  return {
    actor: 'parent',
    familyId: user.familyId,
    accountId: user.id,
    drafts: { onBehalf: false },
    deadline: 'calendar',
    overrides: [],
    reasonRequired: false,
    onBehalf: null,
    baseUrl: '/demarches',
    unknownDraft: 'not_found',
    homeUrl: '/',
    childUrl: (childId) => `/enfants/${childId}`,
    cancelledUrl: (childId) => `/enfants/${childId}?annulee=1`,
    namespace: 'demarche',
    fields: {},
  };
}

export function agentName(agent: { firstName: string; lastName: string }): string {
  return `${agent.firstName} ${agent.lastName}`.trim() || 'le Guichet famille';
}

/** An agent at the desk for a family (the family of the URL or the form; every query checks it). */
export function agentPolicy(
  agent: { id: number; firstName: string; lastName: string },
  familyId: number,
): DemarchePolicy {
  const family = `/admin/familles/${familyId}`;
  return {
    actor: 'agent',
    familyId,
    accountId: agent.id,
    drafts: { onBehalf: true, createdBy: agent.id },
    deadline: 'waived',
    // with no deadline a past date still greys « Hors délai » on the page; the agent may correct it at the desk
    overrides: ['hors_delai'],
    reasonRequired: true,
    onBehalf: { agentName: agentName(agent) },
    baseUrl: `${family}/demarches`,
    unknownDraft: 'unavailable',
    homeUrl: family,
    childUrl: (childId) => `${family}/enfants/${childId}`,
    cancelledUrl: (childId) => `${family}/enfants/${childId}`,
    namespace: 'onBehalf',
    fields: { familyId },
  };
}

/** The calendar as the actor sees it: the deadline days and the opening hours the greying and the periodicity use. */
export function calendarFor(policy: DemarchePolicy, cal: ServiceCalendar): ServiceCalendar {
  return policy.deadline === 'waived' ? { ...cal, deadlineDays: 0, openings: [] } : cal;
}

/** Whether a greyed reason still refuses the change for this actor. */
export function refuses(policy: DemarchePolicy, reason: GreyReason): boolean {
  return !policy.overrides.includes(reason);
}
