import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { attendance, remindersSent, runParticipants, runs } from '../../db/tables.ts';

export type ReminderKind = 'dday' | 'soon' | 'review';

/** Which runs are due for a kind of reminder at `now`, as SQL over the runs table. */
const DUE: Record<ReminderKind, (now: Date) => ReturnType<typeof sql>> = {
  // 08:00 Asia/Seoul on the day of the run, until it starts.
  dday: (now) => sql`r.starts_at > ${now}
    and date_trunc('day', r.starts_at at time zone 'Asia/Seoul') + interval '8 hours' <= (${now}::timestamptz at time zone 'Asia/Seoul')`,
  // From 30 minutes before the start until the start.
  soon: (now) => sql`r.starts_at > ${now} and r.starts_at <= ${now}::timestamptz + interval '30 minutes'`,
  // From an hour after the end, while reviews are still open (7 days).
  review: (now) =>
    sql`r.ends_at <= ${now}::timestamptz - interval '1 hour' and r.ends_at > ${now}::timestamptz - interval '7 days'`,
};

/**
 * Review requests go only to runners the host marked present (absent ones are never asked); one marked
 * later in the window is asked at the next sweep.
 */
const REVIEWERS = sql`and p.user_id <> r.host_id and exists (
  select 1 from ${attendance} a where a.run_id = r.id and a.user_id = p.user_id and a.present)`;

/** The notification category per kind; the host's "soon" asks them to take attendance. */
const CATEGORY = sql`case
  when d.kind = 'dday' then 'reminder_dday'
  when d.kind = 'soon' and d.user_id = d.host_id then 'reminder_attendance'
  when d.kind = 'soon' then 'reminder_soon'
  else 'review_request' end`;

/**
 * Rows for the notifications module to insert, described as a query: WITH clauses and a SELECT of
 * (user_id, category, run_id, actor_id, data, link, read_at, created_at). The notifications module writes
 * the table (ADR 015); the sweep only says which rows, in the same statement as its own bookkeeping.
 */
export interface DueNotifications {
  ctes: SQL;
  select: SQL;
}

/** A run with reminders due: where and when it is, for the forecast line of its D-day reminder. */
export interface DueRun {
  id: string;
  startsAt: Date;
  endsAt: Date;
  lat: number;
  lng: number;
  region: string;
}

/** Per run, values merged into its reminders' data (the forecast line). */
export type ExtraData = Record<string, Record<string, string | number>>;

export class RemindersRepository {
  /** `db` reads the runs that have reminders due (the sweep's other work is one statement of notifications'). */
  constructor(private readonly db?: Db) {}

  /** Distinct runs with a reminder of this kind due and not yet sent, soonest first (at most `limit`). */
  async dueRuns(kind: ReminderKind, now: Date, limit: number): Promise<DueRun[]> {
    if (!this.db) return [];
    const rows = await rawRows<{
      id: string;
      starts_at: Date | string;
      ends_at: Date | string;
      place_lat: number;
      place_lng: number;
      region: string;
    }>(
      this.db,
      sql`select r.id, r.starts_at, r.ends_at, r.place_lat, r.place_lng, r.region from ${runs} r
        where r.cancelled_at is null and ${DUE[kind](now)}
          and exists (select 1 from ${runParticipants} p where p.run_id = r.id and p.status = 'joined'
            and not exists (select 1 from ${remindersSent} s where s.run_id = r.id and s.user_id = p.user_id and s.kind = ${kind}))
        order by r.starts_at limit ${limit}`,
    );
    return rows.map((r) => ({
      id: r.id,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      lat: Number(r.place_lat),
      lng: Number(r.place_lng),
      region: r.region,
    }));
  }

  /**
   * Every due reminder of a kind that has not been sent, recorded as sent in the statement that inserts
   * their notifications, so a reminder exists exactly once whatever runs concurrently or again. Review
   * requests go to participants the host marked present; the others to everyone in the run.
   */
  due(kind: ReminderKind, now: Date, limit: number, extra: ExtraData = {}): DueNotifications {
    return {
      ctes: sql`due as (
        select r.id as run_id, p.user_id, r.host_id, r.title, r.starts_at, ${kind}::text as kind
        from ${runs} r join ${runParticipants} p on p.run_id = r.id and p.status = 'joined'
        where r.cancelled_at is null and ${DUE[kind](now)}
          ${kind === 'review' ? REVIEWERS : sql``}
          and not exists (select 1 from ${remindersSent} s where s.run_id = r.id and s.user_id = p.user_id and s.kind = ${kind})
        order by r.starts_at
        limit ${limit}
      ), sent as (
        insert into ${remindersSent} (run_id, user_id, kind, sent_at)
        select run_id, user_id, kind, ${now} from due
        on conflict do nothing
        returning run_id, user_id
      )`,
      select: sql`select d.user_id, ${CATEGORY}, d.run_id, null::uuid,
        jsonb_build_object('title', d.title, 'startsAt', d.starts_at) || coalesce(${JSON.stringify(extra)}::jsonb -> d.run_id::text, '{}'::jsonb),
        case when d.kind = 'soon' and d.user_id = d.host_id then '/runs/' || d.run_id || '/attendance'
             when d.kind = 'review' then '/runs/' || d.run_id || '/review'
             else '/runs/' || d.run_id end,
        null::timestamptz, now()
      from due d join sent s on s.run_id = d.run_id and s.user_id = d.user_id`,
    };
  }
}
