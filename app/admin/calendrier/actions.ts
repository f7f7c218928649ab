'use server';

// Server actions of "Calendrier et paramètres": each goes through staffAction (session, role, zod), calls one use-case
// of lib/calendar (one transaction with its audit row), then refreshes the page.
import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import { staffAction, type ActionResult } from '@/lib/action';
import {
  addHolidayPeriod,
  addHolidaySchema,
  canteenWeekdaysSchema,
  capacitiesSchema,
  createSchoolYear,
  deadlineSchema,
  deleteHolidayPeriod,
  deleteHolidaySchema,
  type CalendarChangeResult,
  saveSiteCapacities,
  schoolYearSchema,
  setCanteenWeekdays,
  setDeadline,
  updateHolidayPeriod,
  updateHolidaySchema,
  updateSchoolYear,
  updateSchoolYearSchema,
} from '@/lib/calendar/settings';
import {
  addClosure,
  closureSchema,
  deleteClosure,
  deleteClosureSchema,
  type ClosureResult,
} from '@/lib/calendar/closures';
import { now, today } from '@/lib/clock';
import { env } from '@/lib/env';
import { formatDateLong, SERVICE_LABELS, UNIT_LABELS, UNITS } from '@/lib/planning';
import type { AdminFormState } from './admin-form';
import { fields, formState } from './form-state';
import type { CancellationPreviewState, ClosureFormState } from './closure-form';

const PATH = '/admin/calendrier';

const toState = <T>(result: ActionResult<T>): AdminFormState => formState(result, PATH);

const createYear = staffAction(schoolYearSchema, async (input, user) =>
  createSchoolYear(await getDb(), user, input, { now: now() }),
);
const changeCtx = () => ({ today: today(), now: now(), appUrl: env().APP_URL ?? 'http://localhost:3000' });
const updateYear = staffAction(updateSchoolYearSchema, async (input, user) =>
  updateSchoolYear(await getDb(), user, input, changeCtx()),
);
const addHoliday = staffAction(addHolidaySchema, async (input, user) =>
  addHolidayPeriod(await getDb(), user, input, changeCtx()),
);
const updateHoliday = staffAction(updateHolidaySchema, async (input, user) =>
  updateHolidayPeriod(await getDb(), user, input, changeCtx()),
);
const deleteHoliday = staffAction(deleteHolidaySchema, async (input, user) =>
  deleteHolidayPeriod(await getDb(), user, input, changeCtx()),
);
const deadline = staffAction(deadlineSchema, async (input, user) =>
  setDeadline(await getDb(), user, input, { now: now() }),
);
const weekdays = staffAction(canteenWeekdaysSchema, async (input, user) =>
  setCanteenWeekdays(await getDb(), user, input, { now: now() }),
);
const capacities = staffAction(capacitiesSchema, async (input, user) =>
  saveSiteCapacities(await getDb(), user, input, { now: now() }),
);
const closure = staffAction(closureSchema, async (input, user) => addClosure(await getDb(), user, input, changeCtx()));
const removeClosure = staffAction(deleteClosureSchema, async (input, user) =>
  deleteClosure(await getDb(), user, input, changeCtx()),
);

/** The rows of a preview, as the closure form and the calendar forms show them. */
function previewRows(
  affected: {
    childId: number;
    childName: string;
    familyName: string;
    service: keyof typeof SERVICE_LABELS;
    siteName: string;
    date: string;
    units: (keyof typeof UNIT_LABELS)[];
  }[],
  withDates: boolean,
): CancellationPreviewState['rows'] {
  return affected.map((g) => ({
    key: `${g.childId}-${g.service}-${g.siteName}-${g.date}`,
    childName: g.childName,
    familyName: g.familyName,
    service: SERVICE_LABELS[g.service],
    siteName: g.siteName,
    units: g.units.map((u) => UNIT_LABELS[u]).join(', '),
    ...(withDates ? { date: formatDateLong(g.date) } : {}),
  }));
}

/** A calendar change: saved (with what it cancelled), or the reservations it would cancel, to confirm. */
function toChangeState(result: ActionResult<CalendarChangeResult>, input: Record<string, string>): AdminFormState {
  if (!result.ok) return formState(result, PATH);
  const data = result.data;
  if (data.status === 'confirm') {
    return {
      preview: {
        input: { ...input, fingerprint: data.fingerprint },
        dateLabel: formatDateLong(data.from),
        untilLabel: formatDateLong(data.to),
        count: data.count,
        families: data.families,
        rows: previewRows(data.affected, true),
      },
      stamp: Date.now(),
    };
  }
  revalidatePath(PATH);
  if (data.families > 0) {
    after(async () => {
      const { kickDispatcher } = await import('@/lib/email/dispatcher');
      kickDispatcher();
    });
  }
  return {
    ok: true,
    stamp: Date.now(),
    ...(data.cancelled > 0 ? { cancelled: { count: data.cancelled, families: data.families } } : {}),
  };
}

export async function createSchoolYearAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return toState(await createYear(fields(formData)));
}
export async function updateSchoolYearAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const input = fields(formData);
  return toChangeState(await updateYear(input), input);
}
export async function addHolidayAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const input = fields(formData);
  return toChangeState(await addHoliday(input), input);
}
export async function updateHolidayAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const input = fields(formData);
  return toChangeState(await updateHoliday(input), input);
}
export async function deleteHolidayAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const input = fields(formData);
  return toChangeState(await deleteHoliday(input), input);
}
export async function setDeadlineAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return toState(await deadline(fields(formData)));
}
export async function setCanteenWeekdaysAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return toState(await weekdays({ weekdays: formData.getAll('weekdays').map(String) }));
}
export async function saveCapacitiesAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const values = fields(formData);
  const caps: Record<string, string> = {};
  for (const unit of UNITS) if (`cap_${unit}` in values) caps[unit] = values[`cap_${unit}`] ?? '';
  return toState(await capacities({ siteId: values.siteId, service: values.service, capacities: caps }));
}
export async function deleteClosureAction(_: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return toState(await removeClosure(fields(formData)));
}

/** "Ajouter la fermeture": the first submit lists the reservations concerned; the second (confirm) closes the day. */
export async function addClosureAction(_: ClosureFormState, formData: FormData): Promise<ClosureFormState> {
  const input = fields(formData);
  const result = await closure(input);
  if (!result.ok) return { formError: result.formError, fieldErrors: result.fieldErrors };
  const data: ClosureResult = result.data;
  if (data.status === 'confirm') {
    return {
      preview: {
        input: {
          date: input.date ?? '',
          siteId: input.siteId ?? '',
          service: input.service ?? '',
          reason: input.reason ?? '',
          fingerprint: data.fingerprint,
        },
        date: data.date,
        dateLabel: formatDateLong(data.date),
        count: data.count,
        families: data.families,
        rows: previewRows(data.affected, false),
      },
      stamp: Date.now(),
    };
  }
  revalidatePath(PATH);
  if (data.families > 0) {
    // the e-mails are in the outbox (same transaction): try to send them now rather than at the next round
    after(async () => {
      const { kickDispatcher } = await import('@/lib/email/dispatcher');
      kickDispatcher({ closureId: data.closureId });
    });
  }
  return { created: { cancelled: data.cancelled, families: data.families }, stamp: Date.now() };
}
