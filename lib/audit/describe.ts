// The Journal's before and after in French: each field of an audit row's JSON becomes « Libellé : valeur », with the
// domain's words (« Matin », « Repas classique », « lundi 8 février 2027 »), the names behind the ids (« Léa Martin »,
// « Les Tilleuls ») and the portal's labels for the codes. The back office is French only, like format.ts' labels.
// Every key an audit row may hold has a label here: tests/support/db.ts checks every audit row each integration test
// wrote, so a new field without its French label fails the suite instead of showing raw JSON to an agent.
import { formatDateLong, formatDateMedium, SERVICE_LABELS, UNIT_LABELS, WEEKDAY_NAMES_FR } from '@/lib/planning';

/** One field of a before or after: its label, and its value as a phrase or as a list of phrases. */
export interface AuditLine {
  label: string;
  value: string;
  items?: string[];
}

/** The names behind the ids an audit row holds, loaded once for a page of the Journal (journal.ts). */
export interface AuditNames {
  child: Map<number, string>;
  site: Map<number, string>;
  account: Map<number, string>;
  parent: Map<number, string>;
  schoolYear: Map<number, string>;
  holidayPeriod: Map<number, string>;
  sector: Map<number, string>;
  request: Map<number, string>;
}
export type AuditRef = keyof AuditNames;

export const emptyAuditNames = (): AuditNames => ({
  child: new Map(),
  site: new Map(),
  account: new Map(),
  parent: new Map(),
  schoolYear: new Map(),
  holidayPeriod: new Map(),
  sector: new Map(),
  request: new Map(),
});

/** The fields that hold an id, and what they name. */
export const REF_KEYS: Readonly<Record<string, AuditRef>> = {
  childId: 'child',
  siteId: 'site',
  leisureCentreId: 'site',
  schoolId: 'site',
  accountId: 'account',
  markedBy: 'account',
  parentId: 'parent',
  schoolYearId: 'schoolYear',
  holidayPeriodId: 'holidayPeriod',
  sectorId: 'sector',
  requestId: 'request',
};

/** The fields that hold a list of ids, and the field each of them is. */
const REF_LIST_KEYS: Readonly<Record<string, string>> = { siteIds: 'siteId' };

/** The French label of every field an audit row may hold. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  absent: 'Jours marqués absents',
  accountId: 'Compte',
  activeLimit: 'Parents servis à la fois',
  added: 'Ajouté',
  apres_midi: 'Après-midi',
  address: 'Adresse',
  birthDate: 'Date de naissance',
  booked: 'Réservé',
  by: 'Décidé par',
  cancelled: 'Réservations annulées',
  cancelledReservations: 'Réservations annulées',
  capacities: 'Capacités',
  capacity: 'Capacité',
  childId: 'Enfant',
  children: 'Enfants',
  city: 'Ville',
  classLevel: 'Classe',
  closedAt: 'Fermé le',
  closureRequestedAt: 'Fermeture demandée le',
  createdAt: 'Créé le',
  date: 'Date',
  deadlineDays: 'Délai de réservation (jours)',
  decision: 'Décision',
  disabledAt: 'Désactivé le',
  documentId: 'Justificatif',
  email: 'Adresse e-mail',
  emailConfirmed: 'Adresse e-mail confirmée',
  emails: 'E-mails envoyés',
  end: 'Fin',
  expiresAt: 'Expire le',
  familyId: 'Famille',
  filename: 'Nom du fichier',
  firstName: 'Prénom',
  format: 'Format',
  groupId: 'Démarche groupée n°',
  hadPassword: 'Mot de passe déjà choisi',
  holidayPeriodId: 'Période de vacances',
  hours: 'Heures',
  id: 'Numéro',
  kind: 'Type',
  label: 'Libellé',
  lastName: 'Nom',
  leisureCentreId: 'Accueil de loisirs',
  limit: 'Limite',
  list: 'Réservations',
  markedBy: 'Pointé par',
  matin: 'Matin',
  name: 'Nom',
  note: 'Note',
  onBehalf: 'Saisi par un agent',
  openWeekdays: "Jours d'ouverture",
  opensAt: 'Ouverture le',
  parent: 'Parent',
  parentId: 'Parent',
  parents: 'Parents',
  passwordChanged: 'Mot de passe changé',
  phone: 'Téléphone',
  postalCode: 'Code postal',
  pseudonym: 'Pseudonyme',
  reason: 'Motif',
  reference: 'Référence',
  removed: 'Retiré',
  repas: 'Repas',
  requestId: 'Demande',
  role: 'Rôle',
  schoolId: 'École',
  schoolYearId: 'Année scolaire',
  sectorId: 'Secteur',
  sectorName: 'Secteur',
  service: 'Service',
  sessionVersion: 'Version des sessions',
  siteIds: 'Sites',
  sites: 'Sites',
  size: 'Taille',
  siteId: 'Site',
  slot: 'Unité',
  start: 'Début',
  status: 'Statut',
  tokenId: 'Lien n°',
  unit: 'Unité',
  units: 'Unités',
  waiting: "Liste d'attente",
  yearEnd: 'Fin',
  yearStart: 'Début',
};

/** Codes a field holds, in French (the field's name picks the list; `status` and `reason` depend on the action). */
const CODE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  unit: UNIT_LABELS,
  service: SERVICE_LABELS,
  slot: { matin: 'Matin', repas: 'Repas', apres_midi: 'Après-midi' },
  role: { parent: 'parent', staff: 'agent', admin: 'administrateur', animateur: 'animateur' },
  kind: { centre: 'Accueil de loisirs', ecole: 'École' },
  by: { list: "l'ordre de la liste", agent: 'un agent, hors de l’ordre de la liste' },
  format: { json: 'JSON', csv: 'CSV' },
  decision: { justified: 'Absence justifiée', unjustified: 'Absence non justifiée' },
  'status:family': { active: 'Validée', pending: 'En attente de validation', refused: 'Refusée' },
  'status:absence': {
    pending: 'En attente de décision',
    justified: 'Absence justifiée',
    unjustified: 'Absence non justifiée',
  },
  'status:waiting_entry': {
    waiting: "En liste d'attente",
    promoted: 'Place attribuée',
    left: 'Quittée par la famille',
    removed: 'Retirée par un agent',
    expired: 'Expirée',
  },
  'status:attendance': { present: 'Présent', absent: 'Absent' },
  'reason:absence': { maladie: 'Maladie (certificat médical)', autre: 'Autre motif' },
};

// PostgreSQL's jsonb keeps its keys in its own order: the Journal shows who and what first, then the rest
const FIRST_FIELDS = [
  'reference',
  'id',
  'label',
  'name',
  'firstName',
  'lastName',
  'childId',
  'parentId',
  'accountId',
  'familyId',
  'email',
  'role',
  'status',
  'decision',
  'service',
  'siteId',
  'schoolYearId',
  'holidayPeriodId',
  'date',
  'start',
  'end',
  'yearStart',
  'yearEnd',
];
const rank = (key: string) => {
  const i = FIRST_FIELDS.indexOf(key);
  return i === -1 ? FIRST_FIELDS.length : i;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** What one row's description needs besides its JSON. */
interface Context {
  names: AuditNames;
  /** the row's entity ('family', 'absence'…): says which list a `status` belongs to */
  entity: string;
  action: string;
  /** keys and codes met without a French label (the test guard reads them; the page shows the code as it is) */
  missing: Set<string>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function codeList(key: string, ctx: Context): Readonly<Record<string, string>> | undefined {
  if (key === 'status') {
    const entity = ctx.action.startsWith('absence') ? 'absence' : ctx.entity;
    return CODE_LABELS[`status:${entity}`];
  }
  if (key === 'reason') return ctx.action === 'absence.declare' ? CODE_LABELS['reason:absence'] : undefined;
  return CODE_LABELS[key];
}

function labelOf(key: string, ctx: Context): string {
  const label = FIELD_LABELS[key];
  if (label === undefined) ctx.missing.add(`field ${key}`);
  return label ?? key;
}

function nameOf(key: string, id: unknown, ctx: Context): string {
  const ref = REF_KEYS[key]!;
  const name = typeof id === 'number' ? ctx.names[ref].get(id) : undefined;
  return name ?? `n° ${String(id)}`;
}

/** A scalar in French: a code's label, a date, an instant in Paris time, a name behind an id, yes or no. */
function scalar(key: string, value: unknown, ctx: Context): string {
  if (value === null || value === undefined || value === '') return 'aucun';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (key in REF_KEYS) return nameOf(key, value, ctx);
  if (key === 'familyId') return `Famille n° ${String(value)}`;
  if (key === 'documentId') return `document n° ${String(value)}`;
  if (key === 'size' && typeof value === 'number') return `${new Intl.NumberFormat('fr-FR').format(value)} octets`;
  const codes = codeList(key, ctx);
  if (codes && typeof value === 'string') {
    const label = codes[value];
    if (label === undefined) ctx.missing.add(`code ${key}=${value}`);
    return label ?? value;
  }
  // « Heures par unité »: the hours of each slot (attendance_hours.update)
  if (typeof value === 'number' && (key === 'hours' || key in CODE_LABELS.slot!))
    return `${new Intl.NumberFormat('fr-FR').format(value)} h`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && ISO_DATE.test(value))
    return key === 'birthDate' ? formatDateMedium(value) : formatDateLong(value);
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return dateTime.format(new Date(value));
  return String(value);
}

/** A day's units as one phrase: « lundi 8 février 2027 : Matin, Repas classique ». */
function dayPhrase(item: Record<string, unknown>, ctx: Context): string {
  const units = Array.isArray(item.units) ? item.units : item.unit !== undefined ? [item.unit] : [];
  const who = item.childId !== undefined ? `${scalar('childId', item.childId, ctx)} – ` : '';
  const where = item.siteId !== undefined ? ` (${scalar('siteId', item.siteId, ctx)})` : '';
  const what = units.map((u) => scalar('unit', u, ctx)).join(', ');
  return `${who}${scalar('date', item.date, ctx)}${what ? ` : ${what}` : ''}${where}`;
}

/** A list of days (added, removed, cancelled…): one phrase per child and day, the day's units together. */
function dayPhrases(items: Record<string, unknown>[], ctx: Context): string[] {
  const grouped = new Map<string, Record<string, unknown> & { units: unknown[] }>();
  for (const item of items) {
    const key = `${String(item.childId ?? '')}|${String(item.date)}|${String(item.siteId ?? '')}`;
    const group = grouped.get(key) ?? { ...item, units: [] };
    const units = Array.isArray(item.units) ? item.units : item.unit !== undefined ? [item.unit] : [];
    group.units.push(...units);
    grouped.set(key, group);
  }
  for (const item of items)
    for (const key of Object.keys(item))
      if (!['date', 'unit', 'units', 'childId', 'siteId', 'id', 'service'].includes(key)) labelOf(key, ctx);
  return [...grouped.values()].map((g) => dayPhrase(g, ctx));
}

/** Any other object as one phrase: « Prénom : Inès ; Nom : Benali ; Date de naissance : 12 mai 2019 ». */
function recordPhrase(item: Record<string, unknown>, ctx: Context): string {
  return Object.entries(item)
    .map(([k, v]) => `${labelOf(k, ctx)} : ${valueOf(k, v, ctx).value}`)
    .join(' ; ');
}

function valueOf(key: string, value: unknown, ctx: Context): { value: string; items?: string[] } {
  if (Array.isArray(value)) {
    if (value.length === 0) return { value: 'aucun' };
    if (value.every(isRecord)) {
      const days = value.every((v) => typeof v.date === 'string' && ('unit' in v || 'units' in v));
      const items = days ? dayPhrases(value, ctx) : value.map((v) => recordPhrase(v, ctx));
      return { value: String(items.length), items };
    }
    if (key === 'openWeekdays') return { value: value.map((d) => WEEKDAY_NAMES_FR[Number(d)] ?? String(d)).join(', ') };
    const element = key === 'units' ? 'unit' : (REF_LIST_KEYS[key] ?? key);
    return { value: value.map((v) => scalar(element, v, ctx)).join(', ') };
  }
  if (isRecord(value)) return { value: recordPhrase(value, ctx) };
  return { value: scalar(key, value, ctx) };
}

/**
 * An audit row's before or after, field by field in French (null: nothing, e.g. the before of a creation).
 * `missing` receives the fields and codes that have no French label yet.
 */
export function describeAudit(
  value: unknown,
  row: { action: string; entity: string },
  names: AuditNames,
  missing: Set<string> = new Set(),
): AuditLine[] {
  if (value === null || value === undefined) return [];
  const ctx: Context = { names, entity: row.entity, action: row.action, missing };
  // a bare list is a list of reservations (the cancellations of a closure or of a calendar change)
  if (!isRecord(value)) return [{ label: FIELD_LABELS.list!, ...valueOf('list', value, ctx) }];
  return Object.entries(value)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, v]) => ({ label: labelOf(key, ctx), ...valueOf(key, v, ctx) }));
}

/** The ids an audit value names, per kind, to load their names once for a page (journal.ts). */
export function collectAuditRefs(value: unknown, into: Record<AuditRef, Set<number>>): void {
  if (Array.isArray(value)) for (const v of value) collectAuditRefs(v, into);
  else if (isRecord(value))
    for (const [key, v] of Object.entries(value)) {
      const ref = REF_KEYS[REF_LIST_KEYS[key] ?? key];
      const ids = Array.isArray(v) && REF_LIST_KEYS[key] ? v : [v];
      if (ref && ids.every((id) => typeof id === 'number' && Number.isSafeInteger(id)))
        for (const id of ids as number[]) into[ref].add(id);
      else collectAuditRefs(v, into);
    }
}
