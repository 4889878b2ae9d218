import type { ReportReason, ReportTargetType } from '@erun/contracts';
import { and, countDistinct, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  chatMessages,
  comments,
  courses,
  crewAnnouncements,
  crews,
  reports,
  runs,
  users,
} from '../../db/tables.ts';
import { rawRows } from '../../db/raw.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export interface NewReport {
  reporterId: string;
  targetType: ReportTargetType;
  targetId: string;
  subjectId: string | null;
  crewId: string | null;
  reason: ReportReason;
  note: string | null;
  createdAt: Date;
}

export interface ReportRow {
  id: string;
  reporterId: string;
  targetType: ReportTargetType;
  targetId: string;
  subjectId: string | null;
  crewId: string | null;
  status: string;
}

/** One target of the queue: its reports grouped. */
export interface QueueGroupRow {
  targetType: ReportTargetType;
  targetId: string;
  subjectId: string | null;
  subjectNickname: string | null;
  crewId: string | null;
  crewName: string | null;
  openCount: number;
  firstAt: Date;
  /** The sort key of the page: the first report (open queue) or the last decision (closed). */
  sortAt: Date;
}

export interface QueuedReportRow {
  id: string;
  targetType: string;
  targetId: string;
  reason: string;
  note: string | null;
  status: string;
  reporterId: string;
  reporterNickname: string;
  createdAt: Date;
}

/** What a moderator sees of the reported thing (read from the table of the module that owns it). */
export interface ContentRow {
  id: string;
  title: string | null;
  text: string | null;
  hidden: boolean;
  removed: boolean;
  /** Where it lives: `/runs/…` etc., or null. */
  link: string | null;
}

export interface QueueScope {
  status: 'open' | 'closed';
  /** One crew's reports (a crew's staff: never a report of the crew itself). */
  crewId?: string;
  staffOfCrew: boolean;
}

const TEXT_MAX = 1000;
const clip = (text: string | null) => (text === null ? null : text.slice(0, TEXT_MAX));

/** The reports table; its writes are this module's alone. The queue reads content tables it does not write. */
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<ReportRow | undefined> {
    const [row] = await this.db
      .select({
        id: reports.id,
        reporterId: reports.reporterId,
        targetType: sql<ReportTargetType>`${reports.targetType}`,
        targetId: reports.targetId,
        subjectId: reports.subjectId,
        crewId: reports.crewId,
        status: reports.status,
      })
      .from(reports)
      .where(eq(reports.id, id));
    return row;
  }

  /** Decides every open report of the target; returns how many were open. */
  async close(
    tx: Tx,
    type: ReportTargetType,
    targetId: string,
    status: 'dismissed' | 'actioned',
    by: string,
    at: Date,
  ): Promise<number> {
    const rows = await sqlOf(tx)
      .update(reports)
      .set({ status, resolvedAt: at, resolvedBy: by })
      .where(and(eq(reports.targetType, type), eq(reports.targetId, targetId), eq(reports.status, 'open')))
      .returning({ id: reports.id });
    return rows.length;
  }

  /**
   * A page of targets with reports: open ones oldest first (a queue), closed ones (no report left open) by
   * their last decision, newest first. Keyset on (sort instant, target id).
   */
  async queue(
    scope: QueueScope,
    after: [string, string] | undefined,
    limit: number,
  ): Promise<QueueGroupRow[]> {
    const where: SQL[] = [];
    if (scope.status === 'open') where.push(sql`r.status = 'open'`);
    if (scope.crewId) where.push(sql`r.crew_id = ${scope.crewId}`);
    if (scope.staffOfCrew) where.push(sql`r.target_type <> 'crew'`);
    const open = scope.status === 'open';
    const sortAt = open ? sql`min(r.created_at)` : sql`max(coalesce(r.resolved_at, r.created_at))`;
    const having: SQL[] = [];
    if (!open) having.push(sql`bool_and(r.status <> 'open')`);
    if (after) {
      const at = new Date(after[0]);
      having.push(
        open
          ? sql`(${sortAt}, r.target_id) > (${at}, ${after[1]}::uuid)`
          : sql`(${sortAt}, r.target_id) < (${at}, ${after[1]}::uuid)`,
      );
    }
    const order = open ? sql`sort_at asc, r.target_id asc` : sql`sort_at desc, r.target_id desc`;
    const rows = await rawRows<{
      target_type: ReportTargetType;
      target_id: string;
      subject_id: string | null;
      subject_nickname: string | null;
      crew_id: string | null;
      crew_name: string | null;
      open_count: number | string;
      first_at: Date | string;
      sort_at: Date | string;
    }>(
      this.db,
      sql`
      select r.target_type, r.target_id,
        (array_agg(r.subject_id order by r.created_at desc))[1] as subject_id,
        (select u.nickname from ${users} u
          where u.id = (array_agg(r.subject_id order by r.created_at desc))[1]) as subject_nickname,
        (array_agg(r.crew_id order by r.created_at desc))[1] as crew_id,
        (select c.name from ${crews} c
          where c.id = (array_agg(r.crew_id order by r.created_at desc))[1]) as crew_name,
        count(*) filter (where r.status = 'open') as open_count,
        min(r.created_at) as first_at,
        ${sortAt} as sort_at
      from ${reports} r
      ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
      group by r.target_type, r.target_id
      ${having.length ? sql`having ${sql.join(having, sql` and `)}` : sql``}
      order by ${order}
      limit ${limit}`,
    );
    return rows.map((r) => ({
      targetType: r.target_type,
      targetId: r.target_id,
      subjectId: r.subject_id,
      subjectNickname: r.subject_nickname,
      crewId: r.crew_id,
      crewName: r.crew_name,
      openCount: Number(r.open_count),
      firstAt: new Date(r.first_at),
      sortAt: new Date(r.sort_at),
    }));
  }

  /** The reports of these targets, open first and newest first within. */
  reportsOf(targetIds: string[], scope: Pick<QueueScope, 'crewId'>): Promise<QueuedReportRow[]> {
    if (targetIds.length === 0) return Promise.resolve([]);
    return this.db
      .select({
        id: reports.id,
        targetType: reports.targetType,
        targetId: reports.targetId,
        reason: reports.reason,
        note: reports.note,
        status: reports.status,
        reporterId: reports.reporterId,
        reporterNickname: users.nickname,
        createdAt: reports.createdAt,
      })
      .from(reports)
      .innerJoin(users, eq(users.id, reports.reporterId))
      .where(
        and(
          inArray(reports.targetId, targetIds),
          scope.crewId ? eq(reports.crewId, scope.crewId) : undefined,
        ),
      )
      .orderBy(sql`${reports.status} = 'open' desc`, desc(reports.createdAt), desc(reports.id));
  }

  /** The reported things of one kind as a moderator sees them, hidden or not. */
  async contentOf(type: ReportTargetType, ids: string[]): Promise<ContentRow[]> {
    if (ids.length === 0) return [];
    const db = this.db;
    switch (type) {
      case 'user':
        return (
          await db
            .select({ id: users.id, title: users.nickname, text: users.bio, deletedAt: users.deletedAt })
            .from(users)
            .where(inArray(users.id, ids))
        ).map((r) => ({
          id: r.id,
          title: r.title,
          text: clip(r.text || null),
          hidden: false,
          removed: r.deletedAt !== null,
          link: r.deletedAt ? null : `/users/${r.id}`,
        }));
      case 'run':
        return (
          await db
            .select({ id: runs.id, title: runs.title, text: runs.description, hiddenAt: runs.hiddenAt })
            .from(runs)
            .where(inArray(runs.id, ids))
        ).map((r) => ({
          id: r.id,
          title: r.title,
          text: clip(r.text || null),
          hidden: r.hiddenAt !== null,
          removed: false,
          link: `/runs/${r.id}`,
        }));
      case 'course':
        return (
          await db
            .select({
              id: courses.id,
              title: courses.title,
              text: courses.description,
              hiddenAt: courses.hiddenAt,
            })
            .from(courses)
            .where(inArray(courses.id, ids))
        ).map((r) => ({
          id: r.id,
          title: r.title,
          text: clip(r.text || null),
          hidden: r.hiddenAt !== null,
          removed: false,
          link: `/courses/${r.id}`,
        }));
      case 'comment':
        return (await db.select().from(comments).where(inArray(comments.id, ids))).map((r) => ({
          id: r.id,
          title: null,
          text: clip(r.content),
          hidden: r.hiddenAt !== null,
          removed: r.deletedAt !== null,
          link: r.runId
            ? `/runs/${r.runId}`
            : r.courseId
              ? `/courses/${r.courseId}`
              : r.announcementId
                ? `/announcements/${r.announcementId}`
                : null,
        }));
      case 'chat_message':
        return (await db.select().from(chatMessages).where(inArray(chatMessages.id, ids))).map((r) => ({
          id: r.id,
          title: null,
          text: clip(r.content),
          hidden: r.hiddenAt !== null,
          removed: false,
          link: r.runId ? `/runs/${r.runId}/chat` : r.crewId ? `/crews/${r.crewId}/chat` : null,
        }));
      case 'crew':
        return (
          await db
            .select({
              id: crews.id,
              title: crews.name,
              text: crews.description,
              hiddenAt: crews.hiddenAt,
              deletedAt: crews.deletedAt,
            })
            .from(crews)
            .where(inArray(crews.id, ids))
        ).map((r) => ({
          id: r.id,
          title: r.title,
          text: clip(r.text || null),
          hidden: r.hiddenAt !== null,
          removed: r.deletedAt !== null,
          link: r.deletedAt ? null : `/crews/${r.id}`,
        }));
      case 'announcement':
        return (
          await db
            .select({
              id: crewAnnouncements.id,
              title: crewAnnouncements.title,
              text: crewAnnouncements.content,
              hiddenAt: crewAnnouncements.hiddenAt,
              deletedAt: crewAnnouncements.deletedAt,
            })
            .from(crewAnnouncements)
            .where(inArray(crewAnnouncements.id, ids))
        ).map((r) => ({
          id: r.id,
          title: r.title,
          text: clip(r.text),
          hidden: r.hiddenAt !== null,
          removed: r.deletedAt !== null,
          link: r.deletedAt ? null : `/announcements/${r.id}`,
        }));
    }
  }
  /**
   * Takes the target's turn until the unit of work ends: reports of one target are counted one after another,
   * so two people reporting at once cannot both count without the other and leave it under the threshold.
   */
  async lockTarget(tx: Tx, type: ReportTargetType, targetId: string): Promise<void> {
    await sqlOf(tx).execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`report:${type}:${targetId}`}, 0))`,
    );
  }

  /** Throws a unique violation of `reports_one_open_key` when this reporter's report of it is still open. */
  async create(tx: Tx, values: NewReport): Promise<{ id: string }> {
    const [row] = await sqlOf(tx).insert(reports).values(values).returning({ id: reports.id });
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  /** How many different people have an open report of the target. */
  async openReporters(tx: Tx, type: ReportTargetType, targetId: string): Promise<number> {
    const [row] = await sqlOf(tx)
      .select({ n: countDistinct(reports.reporterId) })
      .from(reports)
      .where(and(eq(reports.targetType, type), eq(reports.targetId, targetId), eq(reports.status, 'open')));
    return row?.n ?? 0;
  }
}
