// The waiting room's admissions « Salle d'attente »: at most `limit` parents active at once, counted in PostgreSQL so
// that every instance shares the limit. A slot is an admitted ticket whose lastSeenAt is recent, never a counter: an
// instance that crashes loses no slot, its parents' tickets simply go quiet and expire.
// - Each admission pass runs in one short transaction under an advisory lock: it drops the tickets gone silent,
//   admits the first waiting tickets by rank into the free slots, and tells the caller where they stand.
// - An admitted parent costs no query on most requests: the instance remembers the tickets it confirmed and touches
//   lastSeenAt at most every `touchSeconds`.
// - Pre-queue: in the 30 minutes before a booking opening, new arrivals draw a random rank in [0, 1), before every
//   later arrival (epoch seconds), and nobody waiting is admitted before the opening; then admission goes by rank:
//   a draw among the early ones, then first come, first served (what Cloudflare's Waiting Room does for an event).
import type { SQL } from 'drizzle-orm';
import { rows, sql, type Db } from '@/db/client';
import { WAITING_ROOM_LOCK } from '@/db/locks';
import { now as clockNow, wallNow } from '@/lib/clock';
import { sharedReads } from '@/lib/shared-reads';
import { newTicketId } from './cookie';

export interface WaitingRoomConfig {
  /** a waiting ticket silent for longer loses its place (WAITING_ROOM_QUEUE_SECONDS) */
  queueSeconds: number;
  /** an admitted ticket idle for longer frees its slot (WAITING_ROOM_IDLE_SECONDS) */
  idleSeconds: number;
  /** the limit when staff set none (WAITING_ROOM_LIMIT); null: no waiting room */
  envLimit: number | null;
  /** how often an admitted ticket's lastSeenAt is written, at most */
  touchSeconds: number;
  /** how long the staff's limit is cached in this process */
  settingsCacheSeconds: number;
  /** how long the next booking opening is cached in this process */
  openingCacheSeconds: number;
  /** how long before an opening its pre-queue starts */
  preQueueMinutes: number;
  /** the business clock (APP_NOW): which booking opening is near */
  now: () => Date;
  /**
   * real time, what the tickets' rank, arrivedAt, lastSeenAt and admittedAt are written with: like the sign-in
   * limits' windows, a demo clock fixed by APP_NOW must neither freeze the expiry of a slot nor give every arrival the
   * same rank (first come, first served would become a draw)
   */
  wallNow: () => Date;
  /** real elapsed time in ms, for the process's caches only (a clock fixed by APP_NOW must not freeze them) */
  wallMs: () => number;
  /** the pre-queue's draw, in [0, 1) */
  random: () => number;
}

export const DEFAULT_CONFIG: WaitingRoomConfig = {
  queueSeconds: 120,
  idleSeconds: 300,
  envLimit: null,
  touchSeconds: 20,
  settingsCacheSeconds: 5,
  openingCacheSeconds: 30,
  preQueueMinutes: 30,
  now: clockNow,
  wallNow,
  wallMs: () => performance.now(),
  random: Math.random,
};

/** The waiting room's settings from the environment (checked by lib/env.ts at start). */
export function configFromEnv(source: NodeJS.ProcessEnv = process.env): Partial<WaitingRoomConfig> {
  const positive = (raw: string | undefined) => {
    const n = raw ? Number(raw) : NaN;
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return {
    envLimit: positive(source.WAITING_ROOM_LIMIT) ?? null,
    queueSeconds: positive(source.WAITING_ROOM_QUEUE_SECONDS) ?? DEFAULT_CONFIG.queueSeconds,
    idleSeconds: positive(source.WAITING_ROOM_IDLE_SECONDS) ?? DEFAULT_CONFIG.idleSeconds,
  };
}

export type Verdict =
  | {
      admitted: true;
      /** null when there is no waiting room: nobody gets a ticket */
      ticketId: string | null;
      /** a ticket this request created: its cookie must be set */
      isNew: boolean;
    }
  | {
      admitted: false;
      ticketId: string;
      isNew: boolean;
      /** 1 for the next one in */
      position: number;
      /** the booking opening whose pre-queue this ticket waits in, if any */
      opensAt: Date | null;
      /** parents admitted per minute over the last 5 minutes (every instance's), for the estimate; 0 if none */
      admittedPerMinute: number;
    };

/** Omit of each member of a union (Omit of the union itself keeps only their common keys). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A verdict before the caller says whether its ticket is new. */
type Decided = OmitEach<Verdict, 'isNew'>;
type Waiting = Omit<Extract<Verdict, { admitted: false }>, 'isNew'>;

/** The callers of one admission pass not started yet, and the verdicts it will give each ticket. */
interface Batch {
  tickets: Set<string>;
  result: Promise<Map<string, Decided>>;
}

/** A ticket whose standing is asked: a waiting parent's refresh, or a new arrival's ticket (inserted by the ask). */
interface StandingKey {
  id: string;
  arriving: boolean;
}

/** A waiting ticket's standing (standingColumns), the live admitted tickets, and the pre-queue's opening if any. */
interface Standing {
  position: number;
  recent: number;
  active: number;
  opensAt: Date | null;
}

export interface WaitingRoomCounts {
  limit: number | null;
  active: number;
  waiting: number;
}

const RATE_WINDOW_MINUTES = 5;

/**
 * A waiting ticket's verdict from the columns of standingColumns (its position, the admissions of the last
 * RATE_WINDOW_MINUTES): the lock-free standing and the admission pass tell a parent the same thing.
 */
function waitingVerdict(ticketId: string, row: { position: number; recent: number }, opensAt: Date | null): Waiting {
  return {
    admitted: false,
    ticketId,
    position: row.position,
    opensAt,
    admittedPerMinute: row.recent / RATE_WINDOW_MINUTES,
  };
}

/** A PostgreSQL array literal of texts, each quoted (the ids are base64url, but a literal NULL would be a null). */
const textArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

export class WaitingRoom {
  readonly config: WaitingRoomConfig;
  /** tickets this instance saw admitted, with the wall time of the last confirmation */
  private readonly admitted = new Map<string, number>();
  private lastPrune = 0;
  private limitCache: { value: number | null; until: number } | null = null;
  private limitLoad: Promise<number | null> | null = null;
  private openingCache: { value: Date | null; until: number } | null = null;
  private passes: Promise<void> = Promise.resolve();
  /** the pass not started yet, which callers join */
  private nextPass: Batch | null = null;
  /** the refreshes and arrivals of a moment, one statement for all of them */
  private readonly standings = sharedReads<StandingKey, Standing>((keys) => this.readStandings(keys));

  constructor(
    private readonly db: Db,
    config: Partial<WaitingRoomConfig> = {},
  ) {
    this.config = { ...DEFAULT_CONFIG, ...config };
  }

  /** The limit in force: the staff's (cached a few seconds), else the environment's, else null (no waiting room). */
  async limit(): Promise<number | null> {
    const wall = this.config.wallMs();
    if (this.limitCache && wall < this.limitCache.until) return this.limitCache.value;
    // the requests of a rush that find the cache stale together share one read
    this.limitLoad ??= this.loadLimit(wall).finally(() => {
      this.limitLoad = null;
    });
    return this.limitLoad;
  }

  private async loadLimit(wall: number): Promise<number | null> {
    const [row] = await rows<{ active_limit: number | null }>(
      this.db,
      sql`select active_limit from waiting_room_settings where id = 1`,
    );
    const value = row?.active_limit ?? this.config.envLimit;
    this.limitCache = { value, until: wall + this.config.settingsCacheSeconds * 1000 };
    return value;
  }

  /** Forgets the cached limit: the dashboard's change takes effect at once on the instance that saved it. */
  invalidateSettings(): void {
    this.limitCache = null;
  }

  /** The booking opening whose pre-queue is running at `at`, or null. */
  async preQueueOpening(at: Date): Promise<Date | null> {
    const wall = this.config.wallMs();
    const cached = this.openingCache;
    // a cached opening that has passed is re-read at once: the next one may be minutes away
    if (!cached || wall >= cached.until || (cached.value && cached.value <= at)) {
      const [row] = await rows<{ opens_at: string | null }>(
        this.db,
        sql`select min(opens_at)::text as opens_at from booking_openings where opens_at > ${at.toISOString()}`,
      );
      this.openingCache = {
        value: row?.opens_at ? new Date(row.opens_at) : null,
        until: wall + this.config.openingCacheSeconds * 1000,
      };
    }
    const opensAt = this.openingCache!.value;
    if (!opensAt || opensAt <= at) return null;
    return opensAt.getTime() - at.getTime() <= this.config.preQueueMinutes * 60_000 ? opensAt : null;
  }

  /**
   * Where the bearer of `ticketId` (null: no valid cookie) stands. Without a limit, everyone is admitted and nothing
   * is queried beyond the cached setting.
   */
  async check(ticketId: string | null): Promise<Verdict> {
    const limit = await this.limit();
    if (limit === null) return { admitted: true, ticketId: null, isNew: false };
    const wall = this.config.wallMs();
    if (ticketId) {
      const confirmed = this.admitted.get(ticketId);
      if (confirmed !== undefined) {
        if (wall - confirmed < this.config.touchSeconds * 1000) return { admitted: true, ticketId, isNew: false };
        if (await this.touch(ticketId)) return { admitted: true, ticketId, isNew: false };
        // expired or released (signed out, possibly on another instance): back to the queue
        this.admitted.delete(ticketId);
      }
    }
    // most calls during a rush are waiting parents' refreshes and arrivals while every slot is taken: they are
    // answered without the lock, by one statement for those that reach this instance together; only a caller who
    // finds a free slot runs the admission pass
    const standing = await this.standing(ticketId, limit);
    if (standing.waiting) return { ...standing.waiting, isNew: ticketId === null };
    const verdict = await this.admitInTurn(standing.ticketId, limit);
    if (verdict.admitted) this.remember(verdict.ticketId!, wall);
    return { ...verdict, isNew: ticketId === null };
  }

  /**
   * A waiting parent's refresh (the ticket's heartbeat) or a new arrival's ticket, with their position, without the
   * admission lock. Without `waiting`, the caller goes through the admission pass with `ticketId` (the new arrival's
   * ticket just created, or null when the one sent is unknown): the ticket is unknown, expired or admitted, or a slot
   * is free (and no pre-queue is running).
   */
  private async standing(
    ticketId: string | null,
    limit: number,
  ): Promise<{ waiting?: Waiting; ticketId: string | null }> {
    const key: StandingKey = ticketId ? { id: ticketId, arriving: false } : { id: newTicketId(), arriving: true };
    const found = await this.standings.get(key);
    // the ticket sent is no longer waiting (admitted, expired, unknown): the admission pass decides
    if (!found) return { ticketId };
    const waiting = waitingVerdict(key.id, found, found.opensAt);
    // a free slot is filled at once by whoever finds it (the pass gives it to the head of the queue, not to the caller)
    if (found.opensAt || found.active >= limit) return { waiting, ticketId: key.id };
    return { ticketId: key.id };
  }

  /**
   * The standings of the refreshes and arrivals that reach this instance together, in one statement (lib/shared-reads:
   * each caller's statement is sent after it asked): on rush day the waiting parents' refreshes were the portal's most
   * frequent statement, 9 to 21 per completed démarche. The refreshed tickets' lastSeenAt is touched and the
   * arrivals' tickets inserted; each gets its place, counting the arrivals of the same statement ahead of it.
   */
  private async readStandings(keys: StandingKey[]): Promise<Map<StandingKey, Standing>> {
    const at = this.config.wallNow();
    const atIso = at.toISOString();
    const opensAt = await this.preQueueOpening(this.config.now());
    const { queueCut, idleCut } = this.cuts(at);
    const refreshed = keys.filter((k) => !k.arriving).map((k) => k.id);
    const arriving = keys.filter((k) => k.arriving).map((k) => k.id);
    const ranks = this.arrivalRanks(arriving, opensAt, at);
    const arrivedAhead = sql`(select count(*)::int from arrived a where (a.rank, a.id) < (t.rank, t.id))`;
    const found = await rows<{ id: string; position: number; active: number; recent: number }>(
      this.db,
      sql`with me as (
            update waiting_room_tickets set last_seen_at = ${atIso}
            where id = any(${textArray(refreshed)}::text[]) and admitted_at is null and last_seen_at >= ${queueCut}
            returning rank, id
          ), arrived as (
            insert into waiting_room_tickets (id, rank, arrived_at, last_seen_at)
            select a.id, a.rank, ${atIso}, ${atIso}
            from unnest(${textArray(arriving)}::text[], ${ranks}::float8[]) as a(id, rank)
            returning rank, id
          )
          select t.id, ${this.standingColumns(at, arrivedAhead)},
            (select count(*)::int from waiting_room_tickets
              where admitted_at is not null and last_seen_at >= ${idleCut}) as active
          from (select rank, id from me union all select rank, id from arrived) t`,
    );
    const byId = new Map(found.map((row) => [row.id, row]));
    const standings = new Map<StandingKey, Standing>();
    for (const key of keys) {
      const row = byId.get(key.id);
      if (row) standings.set(key, { ...row, opensAt });
    }
    return standings;
  }

  /**
   * For the gate's held refreshes, one statement for all of them: how many slots are free now (0 during a pre-queue:
   * nobody gets in before the opening), and which of `ticketIds` an admission pass (this instance's or another's) has
   * let in meanwhile; those are remembered as admitted. Asked every few hundred ms by each instance holding refreshes,
   * instead of one statement per held refresh.
   */
  async probe(ticketIds: string[]): Promise<{ free: number; admitted: Set<string> }> {
    const limit = await this.limit();
    if (limit === null) return { free: Infinity, admitted: new Set(ticketIds) };
    const at = this.config.wallNow();
    const { idleCut } = this.cuts(at);
    const opensAt = await this.preQueueOpening(this.config.now());
    const [row] = await rows<{ active: number; admitted: string[] | null }>(
      this.db,
      sql`select count(*) filter (where last_seen_at >= ${idleCut})::int as active,
            array_agg(id) filter (where id = any(${textArray(ticketIds)}::text[])) as admitted
          from waiting_room_tickets where admitted_at is not null`,
    );
    const admitted = new Set(row?.admitted ?? []);
    const wall = this.config.wallMs();
    for (const id of admitted) this.remember(id, wall);
    return { free: opensAt ? 0 : Math.max(0, limit - (row?.active ?? 0)), admitted };
  }

  /** Frees the ticket's slot or place (sign-out). */
  async release(ticketId: string): Promise<void> {
    this.admitted.delete(ticketId);
    await this.db.execute(sql`delete from waiting_room_tickets where id = ${ticketId}`);
  }

  /** What the dashboard shows: the live tickets (not yet expired), and the limit in force. */
  async counts(): Promise<WaitingRoomCounts> {
    const { queueCut, idleCut } = this.cuts(this.config.wallNow());
    const [row] = await rows<{ active: number; waiting: number }>(
      this.db,
      sql`select
            count(*) filter (where admitted_at is not null and last_seen_at >= ${idleCut})::int as active,
            count(*) filter (where admitted_at is null and last_seen_at >= ${queueCut})::int as waiting
          from waiting_room_tickets`,
    );
    return { limit: await this.limit(), active: row?.active ?? 0, waiting: row?.waiting ?? 0 };
  }

  /**
   * The columns `position` and `recent` of the ticket `t` of the enclosing query, at `at`: its place among the live
   * waiting tickets (1 for the next one in), and every instance's admissions of the last RATE_WINDOW_MINUTES (for the
   * estimate). Shared by the lock-free standing and the admission pass, so both tell a parent the same thing.
   * `aheadToo` counts the tickets ahead of `t` that the statement's snapshot cannot see (its own insertions).
   */
  private standingColumns(at: Date, aheadToo: SQL = sql`0`): SQL {
    const { queueCut } = this.cuts(at);
    const since = new Date(at.getTime() - RATE_WINDOW_MINUTES * 60_000).toISOString();
    return sql`(select count(*)::int from waiting_room_tickets w
                 where w.admitted_at is null and w.last_seen_at >= ${queueCut} and (w.rank, w.id) < (t.rank, t.id))
                 + ${aheadToo} + 1 as position,
               (select count(*)::int from waiting_room_tickets w where w.admitted_at >= ${since}) as recent`;
  }

  /**
   * The ranks of new arrivals' tickets at `at`, as a PostgreSQL float8 array literal: before an opening (its
   * pre-queue), each place is drawn; otherwise it is the arrival time.
   */
  private arrivalRanks(ticketIds: string[], opensAt: Date | null, at: Date): string {
    return `{${ticketIds.map(() => (opensAt ? this.config.random() : at.getTime() / 1000)).join(',')}}`;
  }

  private cuts(at: Date) {
    return {
      queueCut: new Date(at.getTime() - this.config.queueSeconds * 1000).toISOString(),
      idleCut: new Date(at.getTime() - this.config.idleSeconds * 1000).toISOString(),
    };
  }

  /** An admitted ticket's heartbeat: false when it is no longer admitted. */
  private async touch(ticketId: string): Promise<boolean> {
    const at = this.config.wallNow();
    const { idleCut } = this.cuts(at);
    const touched = await rows<{ id: string }>(
      this.db,
      sql`update waiting_room_tickets set last_seen_at = ${at.toISOString()}
          where id = ${ticketId} and admitted_at is not null and last_seen_at >= ${idleCut}
          returning id`,
    );
    if (touched.length === 0) return false;
    this.remember(ticketId, this.config.wallMs());
    return true;
  }

  private remember(ticketId: string, wall: number): void {
    this.admitted.set(ticketId, wall);
    // the memory holds only tickets that could still be admitted: a long rush does not grow it
    if (wall - this.lastPrune < 60_000) return;
    this.lastPrune = wall;
    const horizon = wall - this.config.idleSeconds * 1000;
    for (const [id, seen] of this.admitted) if (seen < horizon) this.admitted.delete(id);
  }

  /**
   * The admission passes of this instance, one after the other. Concurrent callers wait here, in memory, rather than
   * on the advisory lock with a database connection each: in a rush the refreshes queued on the lock held the
   * connections the admitted parents' pages needed. The callers that arrive while a pass runs share the next one (one
   * transaction for all of them: a burst of arrivals at a free slot made hundreds of passes in a row, and the first
   * admitted parents' pages waited behind them). Across instances the lock still orders the passes.
   */
  private admitInTurn(known: string | null, limit: number): Promise<Decided> {
    const ticketId = known ?? newTicketId();
    let batch = this.nextPass;
    if (!batch) {
      const created: Batch = {
        tickets: new Set<string>(),
        result: this.passes.then(() => {
          this.nextPass = null; // later callers wait for the pass after this one
          return this.admit([...created.tickets], limit);
        }),
      };
      this.passes = created.result.then(
        () => undefined,
        () => undefined,
      );
      this.nextPass = created;
      batch = created;
    }
    batch.tickets.add(ticketId);
    return batch.result.then((verdicts) => verdicts.get(ticketId)!);
  }

  /** One admission pass, on behalf of its callers' tickets (each created if it is new or has expired). */
  private async admit(ticketIds: string[], limit: number): Promise<Map<string, Decided>> {
    const at = this.config.wallNow();
    const opensAt = await this.preQueueOpening(this.config.now());
    const { queueCut, idleCut } = this.cuts(at);
    const atIso = at.toISOString();
    const ids = textArray(ticketIds);
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${WAITING_ROOM_LOCK})`);
      await tx.execute(
        sql`delete from waiting_room_tickets
            where (admitted_at is null and last_seen_at < ${queueCut})
               or (admitted_at is not null and last_seen_at < ${idleCut})`,
      );
      const kept = new Set(
        (
          await rows<{ id: string }>(
            tx,
            sql`update waiting_room_tickets set last_seen_at = ${atIso} where id = any(${ids}::text[]) returning id`,
          )
        ).map((r) => r.id),
      );
      const added = ticketIds.filter((id) => !kept.has(id));
      if (added.length > 0) {
        const ranks = this.arrivalRanks(added, opensAt, at);
        await tx.execute(
          sql`insert into waiting_room_tickets (id, rank, arrived_at, last_seen_at)
              select t.id, t.rank, ${atIso}, ${atIso}
              from unnest(${textArray(added)}::text[], ${ranks}::float8[]) as t(id, rank)`,
        );
      }
      if (!opensAt) {
        await tx.execute(
          sql`update waiting_room_tickets set admitted_at = ${atIso}, last_seen_at = ${atIso}
              where id in (
                select id from waiting_room_tickets where admitted_at is null order by rank, id
                limit greatest(${limit} - (select count(*) from waiting_room_tickets where admitted_at is not null), 0)
              )`,
        );
      }
      const found = await rows<{ id: string; admitted: boolean; position: number; recent: number }>(
        tx,
        sql`select t.id, t.admitted_at is not null as admitted, ${this.standingColumns(at)}
            from waiting_room_tickets t where t.id = any(${ids}::text[])`,
      );
      const byId = new Map(found.map((r) => [r.id, r]));
      return new Map(
        ticketIds.map((ticketId): [string, Decided] => {
          const row = byId.get(ticketId);
          if (!row || row.admitted) return [ticketId, { admitted: true as const, ticketId }];
          return [ticketId, waitingVerdict(ticketId, row, opensAt)];
        }),
      );
    });
  }
}
