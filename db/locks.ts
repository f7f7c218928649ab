// Every PostgreSQL advisory lock of the portal, in one place, so that two features never pick the same number.
// Single-key locks are one bigint; the capacity lock is (service, site) as two int keys.

/** Migrations at start: several instances starting together migrate one at a time (session lock). */
export const MIGRATION_LOCK = 727001;
/** The demo town loads once, whichever instance starts first (transaction lock). */
export const DEMO_SEED_LOCK = 727002;
/**
 * Validations that touch a unit with a capacity take (service, site), so two families never both take the last
 * place of a site (transaction lock, lib/requests/submit.ts).
 */
export const CAPACITY_LOCK = { cantine: 727101, mercredi: 727102, vacances: 727103 } as const;
/**
 * The waiting room's admissions, whichever instance runs them: one at a time, so two instances never both give the
 * last free slot (transaction lock, lib/waiting-room/admission.ts).
 */
export const WAITING_ROOM_LOCK = 727003;
