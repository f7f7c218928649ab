'use server';

// Server actions of "Calendrier et paramètres": each goes through action() (session, role, zod, one FormState), calls
// one use-case of lib/calendar (one transaction with its audit row), then refreshes the page. A change that would
// cancel reservations answers its preview first (data.preview); the agent confirms with the same fields again.
import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { action } from '@/lib/action';
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
import { addClosure, closureSchema, deleteClosure, deleteClosureSchema } from '@/lib/calendar/closures';
import {
  bookingOpeningSchema,
  deleteBookingOpening,
  deleteBookingOpeningSchema,
  setBookingOpening,
} from '@/lib/calendar/openings';
import { now, today } from '@/lib/clock';
import { requestBaseUrl } from '@/lib/email/base-url';
import { formatDateLong, SERVICE_LABELS, UNIT_LABELS, UNITS } from '@/lib/planning';
import type { AdminAnswer } from './admin-form';
import type { CancellationPreview, ClosureAnswer } from './closure-form';

const PATH = '/admin/calendrier';
const changeCtx = async () => ({ today: today(), now: now(), appUrl: await requestBaseUrl() });

/** The form's text fields as submitted, sent again with the confirmation. */
function textFields(submitted: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((submitted ?? {}) as Record<string, unknown>))
    if (typeof value === 'string') out[key] = value;
  return out;
}

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
): CancellationPreview['rows'] {
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

/** A saved setting: the page shows it. */
function saved(): AdminAnswer {
  revalidatePath(PATH);
  return undefined;
}

/** A calendar change: saved (with what it cancelled), or the reservations it would cancel, to confirm. */
function changed(data: CalendarChangeResult, submitted: unknown): AdminAnswer {
  if (data.status === 'confirm') {
    return {
      preview: {
        input: { ...textFields(submitted), fingerprint: data.fingerprint },
        dateLabel: formatDateLong(data.from),
        untilLabel: formatDateLong(data.to),
        count: data.count,
        families: data.families,
        rows: previewRows(data.affected, true),
      },
    };
  }
  revalidatePath(PATH);
  if (data.families > 0) {
    after(async () => {
      const { kickDispatcher } = await import('@/lib/email/dispatcher');
      kickDispatcher();
    });
  }
  return data.cancelled > 0 ? { cancelled: { count: data.cancelled, families: data.families } } : undefined;
}

export const createSchoolYearAction = action({ role: 'staff', input: schoolYearSchema }, async (input, user) => {
  await createSchoolYear(await getDb(), user, input, { now: now() });
  return saved();
});

export const updateSchoolYearAction = action(
  { role: 'staff', input: updateSchoolYearSchema },
  async (input, user, submitted) =>
    changed(await updateSchoolYear(await getDb(), user, input, await changeCtx()), submitted),
);

export const addHolidayAction = action({ role: 'staff', input: addHolidaySchema }, async (input, user, submitted) =>
  changed(await addHolidayPeriod(await getDb(), user, input, await changeCtx()), submitted),
);

export const updateHolidayAction = action(
  { role: 'staff', input: updateHolidaySchema },
  async (input, user, submitted) =>
    changed(await updateHolidayPeriod(await getDb(), user, input, await changeCtx()), submitted),
);

export const deleteHolidayAction = action(
  { role: 'staff', input: deleteHolidaySchema },
  async (input, user, submitted) =>
    changed(await deleteHolidayPeriod(await getDb(), user, input, await changeCtx()), submitted),
);

export const setDeadlineAction = action({ role: 'staff', input: deadlineSchema }, async (input, user) => {
  await setDeadline(await getDb(), user, input, { now: now() });
  return saved();
});

// the boxes ticked: none, one (a single value) or several (a list)
const weekdaysInput = z.preprocess((v) => {
  const ticked = (v as { weekdays?: unknown } | undefined)?.weekdays;
  return { weekdays: ticked === undefined ? [] : Array.isArray(ticked) ? ticked : [ticked] };
}, canteenWeekdaysSchema);

export const setCanteenWeekdaysAction = action({ role: 'staff', input: weekdaysInput }, async (input, user) => {
  await setCanteenWeekdays(await getDb(), user, input, { now: now() });
  return saved();
});

// the form names a unit's field cap_<unit>
const capacitiesInput = z.preprocess((v) => {
  const values = (v ?? {}) as Record<string, unknown>;
  const capacities: Record<string, unknown> = {};
  for (const unit of UNITS) if (`cap_${unit}` in values) capacities[unit] = values[`cap_${unit}`] ?? '';
  return { siteId: values.siteId, service: values.service, capacities };
}, capacitiesSchema);

export const saveCapacitiesAction = action({ role: 'staff', input: capacitiesInput }, async (input, user) => {
  await saveSiteCapacities(await getDb(), user, input, await changeCtx());
  after(async () => {
    const { kickDispatcher } = await import('@/lib/email/dispatcher');
    kickDispatcher();
  });
  return saved();
});

export const setBookingOpeningAction = action({ role: 'staff', input: bookingOpeningSchema }, async (input, user) => {
  await setBookingOpening(await getDb(), user, input, { now: now() });
  return saved();
});

export const deleteBookingOpeningAction = action(
  { role: 'staff', input: deleteBookingOpeningSchema },
  async (input, user) => {
    await deleteBookingOpening(await getDb(), user, input, { now: now() });
    return saved();
  },
);

export const deleteClosureAction = action({ role: 'staff', input: deleteClosureSchema }, async (input, user) => {
  await deleteClosure(await getDb(), user, input, await changeCtx());
  after(async () => {
    const { kickDispatcher } = await import('@/lib/email/dispatcher');
    kickDispatcher();
  });
  return saved();
});

/** "Ajouter la fermeture": the first submit lists the reservations concerned; the second (confirm) closes the day. */
export const addClosureAction = action(
  { role: 'staff', input: closureSchema },
  async (input, user, submitted): Promise<ClosureAnswer> => {
    const data = await addClosure(await getDb(), user, input, await changeCtx());
    if (data.status === 'confirm') {
      const typed = textFields(submitted);
      return {
        preview: {
          input: {
            date: typed.date ?? '',
            siteId: typed.siteId ?? '',
            service: typed.service ?? '',
            reason: typed.reason ?? '',
            fingerprint: data.fingerprint,
          },
          date: data.date,
          dateLabel: formatDateLong(data.date),
          count: data.count,
          families: data.families,
          rows: previewRows(data.affected, false),
        },
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
    return { created: { cancelled: data.cancelled, families: data.families } };
  },
);
