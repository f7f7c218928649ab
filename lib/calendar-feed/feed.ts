// A family's calendar feed (« Ajouter à mon agenda »): one all-day event per child, booked day and service, from one
// month back to the last day of the school year in force (its summer holidays included, for the holiday centre), in
// Europe/Paris. Sites have no opening hours in the portal, so the events are whole days, as the bookings are.
// A calendar app polls it without a session: the token is the credential, and ownership is the query itself — the
// reservations of the children of the family whose token hash matched, and nobody else's. Three queries whatever the
// number of children and days: the token, the calendars' version (lib/calendar/reference-cache.ts), the reservations.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Queryable } from '@/db/client';
import { calendarFeeds, children, reservations, sites } from '@/db/schema';
import { currentSchoolYearSpan } from '@/lib/calendar/school-years';
import { TIME_ZONE } from '@/lib/clock';
import { SERVICE_LABELS, UNIT_LABELS, UNITS, type IsoDate, type ServiceKind, type Unit } from '@/lib/planning';
import { FEED_TOKEN, feedTokenHash } from './token';

dayjs.extend(utc);
dayjs.extend(timezone);

export interface FeedEvent {
  childId: number;
  firstName: string;
  service: ServiceKind;
  date: IsoDate;
  /** in the planning's order */
  units: Unit[];
  siteName: string;
  siteAddress: string;
}

/** The window of the feed: one month before today to the last day of the school year in force (summer included). */
export async function feedWindow(db: Queryable, today: IsoDate): Promise<{ from: IsoDate; to: IsoDate }> {
  const from = dayjs.tz(today, TIME_ZONE).subtract(1, 'month').format('YYYY-MM-DD');
  const span = await currentSchoolYearSpan(db, today);
  return { from, to: span?.lastDay ?? today };
}

/** The family a token opens, or null: a malformed token is not even looked up. */
export async function feedFamily(db: Queryable, token: string): Promise<number | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const [feed] = await db
    .select({ familyId: calendarFeeds.familyId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, feedTokenHash(token)))
    .limit(1);
  return feed?.familyId ?? null;
}

/** The booked days of the family's children in the window, one per child, service and date. */
export async function feedEvents(
  db: Queryable,
  p: { familyId: number; from: IsoDate; to: IsoDate },
): Promise<FeedEvent[]> {
  const found = await db
    .select({
      childId: children.id,
      firstName: children.firstName,
      service: reservations.service,
      date: reservations.date,
      unit: reservations.unit,
      siteName: sites.name,
      siteAddress: sites.address,
    })
    .from(reservations)
    .innerJoin(children, eq(children.id, reservations.childId))
    .innerJoin(sites, eq(sites.id, reservations.siteId))
    .where(and(eq(children.familyId, p.familyId), gte(reservations.date, p.from), lte(reservations.date, p.to)))
    .orderBy(asc(reservations.date), asc(children.firstName), asc(children.id), asc(reservations.service));
  const events = new Map<string, FeedEvent>();
  for (const r of found) {
    const key = `${r.childId}|${r.service}|${r.date}`;
    const event = events.get(key);
    if (event) event.units.push(r.unit);
    else events.set(key, { ...r, units: [r.unit] });
  }
  for (const event of events.values()) event.units.sort((a, b) => UNITS.indexOf(a) - UNITS.indexOf(b));
  return [...events.values()];
}

/** The words of an event, as the portal shows them. */
export function eventWords(e: FeedEvent): { summary: string; location: string; description: string } {
  return {
    summary: `${e.firstName} – ${SERVICE_LABELS[e.service]}`,
    location: e.siteAddress ? `${e.siteName}, ${e.siteAddress}` : e.siteName,
    description: e.units.map((u) => UNIT_LABELS[u]).join(', '),
  };
}

/** The iCalendar text of the events (ical-generator): all-day events, Europe/Paris. */
export function renderFeed(events: FeedEvent[], now: Date): string {
  const calendar = ical({
    name: 'Portail Famille',
    prodId: { company: 'Portail Famille', product: 'agenda', language: 'FR' },
    method: ICalCalendarMethod.PUBLISH,
    // calendar apps that honour it refresh every hour (Apple, Google and Outlook keep their own pace otherwise)
    ttl: 3600,
    x: [{ key: 'X-WR-TIMEZONE', value: TIME_ZONE }],
  });
  const stamp = dayjs(now).utc();
  for (const e of events) {
    const words = eventWords(e);
    const day = dayjs.tz(e.date, TIME_ZONE);
    calendar.createEvent({
      // stable across refreshes, so an app updates the event instead of duplicating it; says nothing of the family
      id: `${e.date}-${e.service}-${e.childId}@portail-famille`,
      allDay: true,
      // the event's zone only turns the date into its day; VALUE=DATE days are the same days in every zone
      timezone: TIME_ZONE,
      start: day,
      end: day.add(1, 'day'),
      stamp,
      summary: words.summary,
      location: words.location,
      description: words.description,
    });
  }
  return calendar.toString();
}

/** The feed a token opens, or null (unknown, regenerated or malformed token): three queries. */
export async function calendarFeed(
  db: Queryable,
  p: { token: string; today: IsoDate; now: Date },
): Promise<string | null> {
  if (!FEED_TOKEN.test(p.token)) return null;
  const [familyId, window] = await Promise.all([feedFamily(db, p.token), feedWindow(db, p.today)]);
  if (familyId === null) return null;
  return renderFeed(await feedEvents(db, { familyId, ...window }), p.now);
}
