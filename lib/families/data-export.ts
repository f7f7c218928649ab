// « Mes données » (RGPD, right of access): everything the portal holds about the signed-in parent's family, as one
// JSON document and as a CSV a spreadsheet reads in French. Every query names the family (or the parent's own account,
// joined to the family) in its WHERE; no password, token, token hash or e-mail link nonce is ever read. Each download is
// recorded in the journal, in the same transaction as the reads.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import {
  absences,
  accounts,
  calendarFeeds,
  children,
  documents,
  emailOutbox,
  enrolments,
  families,
  mailbox,
  parents,
  requests,
  reservations,
  schoolYears,
  sectors,
  sessions,
  sites,
} from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { parisDateTime } from '@/lib/clock';
import { emailSubject } from '@/lib/email/outbox';
import { UserError } from '@/lib/errors';
import { SERVICE_LABELS, UNIT_LABELS, formatHour, type IsoDate, type ServiceKind, type Unit } from '@/lib/planning';
import { changesByDate, readRequestDiff, type RequestType } from '@/lib/requests/types';
import { frenchDate, toCsvSections, type CsvSection } from '@/lib/reports/csv';

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What « Télécharger » gives: the JSON file is this object; the CSV shows the same, one table per part. */
export interface FamilyDataExport {
  exportedAt: string;
  family: {
    id: number;
    name: string;
    address: string;
    postalCode: string;
    city: string;
    sector: string | null;
    /** the self sign-up's status (« en attente de validation », refused with the agent's reason, or validated) */
    status: 'active' | 'pending' | 'refused';
    refusalReason: string | null;
    createdAt: string;
    closureRequestedAt: string | null;
  };
  parents: {
    firstName: string;
    lastName: string;
    email: string;
    phone: string;
    /** the parent's sign-in account: never its password (or its hash) */
    account: {
      email: string;
      createdAt: string;
      active: boolean;
      disabledAt: string | null;
      reminders: 'none' | 'weekly' | 'eve';
    } | null;
  }[];
  children: {
    firstName: string;
    lastName: string;
    birthDate: IsoDate;
    classLevel: string;
    school: string | null;
  }[];
  enrolments: { child: string; service: ServiceKind; serviceLabel: string; site: string; schoolYear: string }[];
  reservations: {
    child: string;
    service: ServiceKind;
    serviceLabel: string;
    site: string;
    date: IsoDate;
    unit: Unit;
    unitLabel: string;
  }[];
  requests: {
    reference: string | null;
    type: RequestType;
    status: 'draft' | 'submitted' | 'cancelled';
    child: string;
    service: ServiceKind;
    serviceLabel: string;
    createdAt: string;
    submittedAt: string | null;
    onBehalf: boolean;
    reason: string | null;
    /** what the request changed, as recorded when it was validated */
    diff: unknown;
  }[];
  /** the e-mails sent to the signed-in parent's address and the acknowledgments of the family's requests */
  emails: {
    to: string;
    subject: string | null;
    status: 'pending' | 'sent' | 'failed';
    createdAt: string;
    sentAt: string | null;
    /** the copy the portal kept (local mailbox), invitation and reset links masked; null when none is kept */
    text: string | null;
  }[];
  /** the signed-in parent's own sign-ins (sessions): when, from which address, until when */
  signIns: { at: string; address: string; expiresAt: string; endedAt: string | null }[];
  /** « Ajouter à mon agenda »: whether the family has a feed link (the link itself is not exported) */
  calendarFeed: { createdAt: string } | null;
  /**
   * « Signaler une absence »: each absence's reason, decision and certificate (its name, type and size; the file
   * itself is the family's own and is not copied into the export)
   */
  absences: {
    reference: string | null;
    reason: 'maladie' | 'autre';
    details: string | null;
    status: 'pending' | 'justified' | 'unjustified';
    decisionReason: string | null;
    decidedAt: string | null;
    certificate: { filename: string; contentType: string; size: number; uploadedAt: string } | null;
  }[];
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const childName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`.trim();

/**
 * Reads the family's data and records the download in the journal (`family.export`), in one transaction: 11
 * statements whatever the family holds. `accountId` is the signed-in parent's; `familyId` the session's family.
 */
export async function exportFamilyData(
  db: Db,
  p: { familyId: number; accountId: number; format: ExportFormat; now: Date },
): Promise<FamilyDataExport> {
  return db.transaction(async (tx) => {
    const data = await readFamilyData(tx, p);
    await writeAudit(
      tx,
      { id: p.accountId, role: 'parent' },
      {
        at: p.now,
        action: 'family.export',
        entity: 'family',
        entityId: p.familyId,
        familyId: p.familyId,
        after: { format: p.format },
      },
    );
    return data;
  });
}

async function readFamilyData(
  db: Queryable,
  p: { familyId: number; accountId: number; now: Date },
): Promise<FamilyDataExport> {
  const { familyId } = p;
  const [family] = await db
    .select({
      id: families.id,
      name: families.name,
      address: families.address,
      postalCode: families.postalCode,
      city: families.city,
      sector: sectors.name,
      status: families.status,
      refusalReason: families.refusalReason,
      createdAt: families.createdAt,
      closureRequestedAt: families.closureRequestedAt,
    })
    .from(families)
    .leftJoin(sectors, eq(sectors.id, families.sectorId))
    .where(eq(families.id, familyId));
  if (!family) throw new UserError('family_not_found');

  const parentRows = await db
    .select({
      firstName: parents.firstName,
      lastName: parents.lastName,
      email: parents.email,
      phone: parents.phone,
      accountId: accounts.id,
      accountEmail: accounts.email,
      accountCreatedAt: accounts.createdAt,
      active: sql<boolean>`${accounts.passwordHash} is not null`,
      disabledAt: accounts.disabledAt,
      reminders: accounts.reminders,
    })
    .from(parents)
    .leftJoin(accounts, eq(accounts.id, parents.accountId))
    .where(eq(parents.familyId, familyId))
    .orderBy(asc(parents.id));
  const ownAddress = parentRows.find((r) => r.accountId === p.accountId)?.accountEmail ?? null;

  const childRows = await db
    .select({
      firstName: children.firstName,
      lastName: children.lastName,
      birthDate: children.birthDate,
      classLevel: children.classLevel,
      school: sites.name,
    })
    .from(children)
    .leftJoin(sites, eq(sites.id, children.schoolId))
    .where(eq(children.familyId, familyId))
    .orderBy(asc(children.birthDate), asc(children.id));

  const enrolmentRows = await db
    .select({
      firstName: children.firstName,
      lastName: children.lastName,
      service: enrolments.service,
      site: sites.name,
      schoolYear: schoolYears.label,
    })
    .from(enrolments)
    .innerJoin(children, eq(children.id, enrolments.childId))
    .innerJoin(sites, eq(sites.id, enrolments.siteId))
    .innerJoin(schoolYears, eq(schoolYears.id, enrolments.schoolYearId))
    .where(eq(children.familyId, familyId))
    .orderBy(asc(schoolYears.yearStart), asc(children.birthDate), asc(children.id), asc(enrolments.service));

  const reservationRows = await db
    .select({
      firstName: children.firstName,
      lastName: children.lastName,
      service: reservations.service,
      site: sites.name,
      date: reservations.date,
      unit: reservations.unit,
    })
    .from(reservations)
    .innerJoin(children, eq(children.id, reservations.childId))
    .innerJoin(sites, eq(sites.id, reservations.siteId))
    .where(eq(children.familyId, familyId))
    .orderBy(
      asc(reservations.date),
      asc(children.birthDate),
      asc(children.id),
      asc(reservations.service),
      asc(reservations.unit),
    );

  const requestRows = await db
    .select({
      id: requests.id,
      reference: requests.reference,
      type: requests.type,
      status: requests.status,
      firstName: children.firstName,
      lastName: children.lastName,
      service: requests.service,
      createdAt: requests.createdAt,
      submittedAt: requests.submittedAt,
      onBehalf: requests.onBehalf,
      reason: requests.reason,
      diff: requests.diff,
    })
    .from(requests)
    .innerJoin(children, eq(children.id, requests.childId))
    .where(eq(requests.familyId, familyId))
    .orderBy(asc(requests.createdAt), asc(requests.id));

  // never the payload: an invitation's or a reset's holds the nonce its link is derived from
  const emailRows = await db
    .select({
      to: emailOutbox.to,
      template: emailOutbox.template,
      payload: emailOutbox.payload,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
      keptSubject: mailbox.subject,
      text: mailbox.text,
    })
    .from(emailOutbox)
    .leftJoin(mailbox, eq(mailbox.outboxId, emailOutbox.id))
    .where(
      or(
        ownAddress === null ? undefined : eq(sql`lower(${emailOutbox.to})`, ownAddress.toLowerCase()),
        inArray(
          emailOutbox.requestId,
          db.select({ id: requests.id }).from(requests).where(eq(requests.familyId, familyId)),
        ),
      ),
    )
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id));

  // the parent's own account, joined to the family: an account of another family names no row
  const signInRows = await db
    .select({
      at: sessions.createdAt,
      address: sessions.address,
      expiresAt: sessions.expiresAt,
      endedAt: sessions.endedAt,
    })
    .from(sessions)
    .innerJoin(parents, and(eq(parents.accountId, sessions.accountId), eq(parents.familyId, familyId)))
    .where(eq(sessions.accountId, p.accountId))
    .orderBy(asc(sessions.createdAt));

  const absenceRows = await db
    .select({
      reference: requests.reference,
      reason: absences.reason,
      details: absences.details,
      status: absences.status,
      decisionReason: absences.decisionReason,
      decidedAt: absences.decidedAt,
      filename: documents.filename,
      contentType: documents.contentType,
      size: documents.size,
      uploadedAt: documents.createdAt,
    })
    .from(absences)
    .innerJoin(requests, eq(requests.id, absences.requestId))
    .leftJoin(documents, eq(documents.id, absences.documentId))
    .where(eq(absences.familyId, familyId))
    .orderBy(asc(absences.createdAt), asc(absences.requestId));

  const [feed] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.familyId, familyId));

  return {
    exportedAt: p.now.toISOString(),
    family: {
      ...family,
      createdAt: iso(family.createdAt)!,
      closureRequestedAt: iso(family.closureRequestedAt),
    },
    parents: parentRows.map((r) => ({
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      phone: r.phone,
      account:
        r.accountId === null
          ? null
          : {
              email: r.accountEmail!,
              createdAt: iso(r.accountCreatedAt)!,
              active: r.active,
              disabledAt: iso(r.disabledAt),
              reminders: r.reminders!,
            },
    })),
    children: childRows,
    enrolments: enrolmentRows.map((r) => ({
      child: childName(r),
      service: r.service,
      serviceLabel: SERVICE_LABELS[r.service],
      site: r.site,
      schoolYear: r.schoolYear,
    })),
    reservations: reservationRows.map((r) => ({
      child: childName(r),
      service: r.service,
      serviceLabel: SERVICE_LABELS[r.service],
      site: r.site,
      date: r.date,
      unit: r.unit,
      unitLabel: UNIT_LABELS[r.unit],
    })),
    requests: requestRows.map((r) => ({
      reference: r.reference,
      type: r.type,
      status: r.status,
      child: childName(r),
      service: r.service,
      serviceLabel: SERVICE_LABELS[r.service],
      createdAt: iso(r.createdAt)!,
      submittedAt: iso(r.submittedAt),
      onBehalf: r.onBehalf,
      reason: r.reason,
      diff: r.diff,
    })),
    emails: emailRows.map((r) => ({
      to: r.to,
      subject: r.keptSubject ?? emailSubject(r.template, r.payload),
      status: r.status,
      createdAt: iso(r.createdAt)!,
      sentAt: iso(r.sentAt),
      text: r.text,
    })),
    signIns: signInRows.map((r) => ({
      at: iso(r.at)!,
      address: r.address,
      expiresAt: iso(r.expiresAt)!,
      endedAt: iso(r.endedAt),
    })),
    calendarFeed: feed ? { createdAt: iso(feed.createdAt)! } : null,
    absences: absenceRows.map((a) => ({
      reference: a.reference,
      reason: a.reason,
      details: a.details,
      status: a.status,
      decisionReason: a.decisionReason,
      decidedAt: iso(a.decidedAt),
      certificate:
        a.filename === null
          ? null
          : { filename: a.filename, contentType: a.contentType!, size: a.size!, uploadedAt: iso(a.uploadedAt)! },
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The CSV: one table per part, each under its title, for a spreadsheet in French (lib/reports/csv.ts)

/** The CSV's words, from the messages (myData.csv): a title per part and a header per column. */
export type ExportCsvLabel =
  | 'title'
  | 'exportedAt'
  | 'family'
  | 'familyName'
  | 'address'
  | 'postalCode'
  | 'city'
  | 'sector'
  | 'status'
  | 'status_active'
  | 'status_pending'
  | 'status_refused'
  | 'refusalReason'
  | 'createdAt'
  | 'closureRequestedAt'
  | 'parents'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'account'
  | 'accountActive'
  | 'accountInvited'
  | 'accountDisabled'
  | 'accountNone'
  | 'reminders'
  | 'remindersNone'
  | 'remindersWeekly'
  | 'remindersEve'
  | 'children'
  | 'birthDate'
  | 'classLevel'
  | 'school'
  | 'enrolments'
  | 'child'
  | 'service'
  | 'site'
  | 'schoolYear'
  | 'reservations'
  | 'date'
  | 'units'
  | 'requests'
  | 'reference'
  | 'type'
  | 'typeInscription'
  | 'typeAbsence'
  | 'typePromotion'
  | 'typeReservation'
  | 'status'
  | 'statusDraft'
  | 'statusSubmitted'
  | 'statusCancelled'
  | 'submittedAt'
  | 'onBehalf'
  | 'yes'
  | 'no'
  | 'reason'
  | 'added'
  | 'removed'
  | 'emails'
  | 'to'
  | 'subject'
  | 'emailStatus'
  | 'emailPending'
  | 'emailSent'
  | 'emailFailed'
  | 'sentAt'
  | 'text'
  | 'signIns'
  | 'signInAt'
  | 'signInAddress'
  | 'expiresAt'
  | 'endedAt'
  | 'calendarFeed'
  | 'calendarFeedCreated'
  | 'calendarFeedNone'
  | 'absences'
  | 'absenceReason'
  | 'absenceStatus'
  | 'absenceDecision'
  | 'absenceCertificate'
  | 'absenceIllness'
  | 'absenceOther'
  | 'absencePending'
  | 'absenceJustified'
  | 'absenceUnjustified';

/** 'DD/MM/YYYY HH h MM' in Paris, as the rest of the portal writes an instant. */
function frenchDateTime(at: string | null): string {
  if (at === null) return '';
  const { date, hour, minute } = parisDateTime(new Date(at));
  return `${frenchDate(date)} ${formatHour(hour, minute)}`;
}

/** « 13/01/2027 : Matin, Repas classique ; 20/01/2027 : Après-midi » */
function daysInWords(days: { date: IsoDate; units: Unit[] }[]): string {
  return days
    .filter((d) => d.units.length > 0)
    .map((d) => `${frenchDate(d.date)} : ${d.units.map((u) => UNIT_LABELS[u]).join(', ')}`)
    .join(' ; ');
}

function requestChanges(r: FamilyDataExport['requests'][number], id: number): { added: string; removed: string } {
  if (r.status !== 'submitted' || r.diff === null) return { added: '', removed: '' };
  const diff = readRequestDiff({ id, type: r.type, diff: r.diff });
  if (!diff) return { added: '', removed: '' };
  if (diff.type === 'inscription') {
    const e = diff.diff.enrolment;
    return { added: `${e.siteName} (${e.schoolYear})`, removed: '' };
  }
  if (diff.type === 'absence') {
    return {
      added: `Absence signalée : ${daysInWords(changesByDate({ added: diff.diff.absent, removed: [] }).map((d) => ({ date: d.date, units: d.added })))}`,
      removed: '',
    };
  }
  const days = changesByDate(diff.type === 'promotion' ? { added: diff.diff.added, removed: [] } : diff.diff);
  return {
    added: daysInWords(days.map((d) => ({ date: d.date, units: d.added }))),
    removed: daysInWords(days.map((d) => ({ date: d.date, units: d.removed }))),
  };
}

const ABSENCE_STATUS = {
  pending: 'absencePending',
  justified: 'absenceJustified',
  unjustified: 'absenceUnjustified',
} as const;

export function familyDataCsv(data: FamilyDataExport, t: (key: ExportCsvLabel) => string): string {
  const accountState = (a: FamilyDataExport['parents'][number]['account']) =>
    a === null
      ? t('accountNone')
      : a.disabledAt
        ? t('accountDisabled')
        : a.active
          ? t('accountActive')
          : t('accountInvited');
  const reminders = { none: t('remindersNone'), weekly: t('remindersWeekly'), eve: t('remindersEve') } as const;
  const types = {
    inscription: t('typeInscription'),
    reservation: t('typeReservation'),
    absence: t('typeAbsence'),
    promotion: t('typePromotion'),
  } as const;
  const statuses = {
    draft: t('statusDraft'),
    submitted: t('statusSubmitted'),
    cancelled: t('statusCancelled'),
  } as const;
  const emailStatuses = { pending: t('emailPending'), sent: t('emailSent'), failed: t('emailFailed') } as const;
  // one line per child, service and day: « Matin, Repas classique »
  const days = new Map<string, { r: FamilyDataExport['reservations'][number]; units: string[] }>();
  for (const r of data.reservations) {
    const key = `${r.child}|${r.service}|${r.site}|${r.date}`;
    const day = days.get(key) ?? { r, units: [] };
    day.units.push(r.unitLabel);
    days.set(key, day);
  }
  const f = data.family;
  const sections: CsvSection[] = [
    { title: t('title'), header: [t('exportedAt')], records: [[frenchDateTime(data.exportedAt)]] },
    {
      title: t('family'),
      header: [
        t('familyName'),
        t('address'),
        t('postalCode'),
        t('city'),
        t('sector'),
        t('status'),
        t('refusalReason'),
        t('createdAt'),
        t('closureRequestedAt'),
      ],
      records: [
        [
          f.name,
          f.address,
          f.postalCode,
          f.city,
          f.sector ?? '',
          t(`status_${f.status}`),
          f.refusalReason ?? '',
          frenchDateTime(f.createdAt),
          frenchDateTime(f.closureRequestedAt),
        ],
      ],
    },
    {
      title: t('parents'),
      header: [t('firstName'), t('lastName'), t('email'), t('phone'), t('account'), t('reminders')],
      records: data.parents.map((p) => [
        p.firstName,
        p.lastName,
        p.email,
        p.phone,
        accountState(p.account),
        p.account ? reminders[p.account.reminders] : '',
      ]),
    },
    {
      title: t('children'),
      header: [t('firstName'), t('lastName'), t('birthDate'), t('classLevel'), t('school')],
      records: data.children.map((c) => [
        c.firstName,
        c.lastName,
        frenchDate(c.birthDate),
        c.classLevel,
        c.school ?? '',
      ]),
    },
    {
      title: t('enrolments'),
      header: [t('child'), t('service'), t('site'), t('schoolYear')],
      records: data.enrolments.map((e) => [e.child, e.serviceLabel, e.site, e.schoolYear]),
    },
    {
      title: t('reservations'),
      header: [t('date'), t('child'), t('service'), t('site'), t('units')],
      records: [...days.values()].map(({ r, units }) => [
        frenchDate(r.date),
        r.child,
        r.serviceLabel,
        r.site,
        units.join(', '),
      ]),
    },
    {
      title: t('requests'),
      header: [
        t('reference'),
        t('type'),
        t('status'),
        t('child'),
        t('service'),
        t('createdAt'),
        t('submittedAt'),
        t('onBehalf'),
        t('reason'),
        t('added'),
        t('removed'),
      ],
      records: data.requests.map((r, i) => {
        const changes = requestChanges(r, i);
        return [
          r.reference ?? '',
          types[r.type],
          statuses[r.status],
          r.child,
          r.serviceLabel,
          frenchDateTime(r.createdAt),
          frenchDateTime(r.submittedAt),
          r.onBehalf ? t('yes') : t('no'),
          r.reason ?? '',
          changes.added,
          changes.removed,
        ];
      }),
    },
    {
      title: t('emails'),
      header: [t('createdAt'), t('to'), t('subject'), t('emailStatus'), t('sentAt'), t('text')],
      records: data.emails.map((e) => [
        frenchDateTime(e.createdAt),
        e.to,
        e.subject ?? '',
        emailStatuses[e.status],
        frenchDateTime(e.sentAt),
        e.text ?? '',
      ]),
    },
    {
      title: t('signIns'),
      header: [t('signInAt'), t('signInAddress'), t('expiresAt'), t('endedAt')],
      records: data.signIns.map((s) => [
        frenchDateTime(s.at),
        s.address,
        frenchDateTime(s.expiresAt),
        frenchDateTime(s.endedAt),
      ]),
    },
    {
      title: t('calendarFeed'),
      header: [t('calendarFeed')],
      records: [
        [
          data.calendarFeed
            ? `${t('calendarFeedCreated')} ${frenchDateTime(data.calendarFeed.createdAt)}`
            : t('calendarFeedNone'),
        ],
      ],
    },
    {
      title: t('absences'),
      header: [t('reference'), t('absenceReason'), t('absenceStatus'), t('absenceDecision'), t('absenceCertificate')],
      records: data.absences.map((a) => [
        a.reference ?? '',
        a.reason === 'maladie' ? t('absenceIllness') : `${t('absenceOther')} : ${a.details ?? ''}`,
        t(ABSENCE_STATUS[a.status]),
        a.decisionReason ?? '',
        a.certificate ? `${a.certificate.filename} (${a.certificate.contentType}, ${a.certificate.size})` : '',
      ]),
    },
  ];
  return toCsvSections(sections);
}
