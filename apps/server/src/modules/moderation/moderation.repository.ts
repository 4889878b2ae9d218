import { aliasedTable, and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { moderationActions, reports, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

/** What the write gate and /api/me read of an account: one primary-key lookup. */
export interface AccountState {
  id: string;
  role: string;
  suspendedUntil: Date | null;
  bannedAt: Date | null;
  deletedAt: Date | null;
}

export interface AccountRow extends AccountState {
  nickname: string;
  email: string | null;
  createdAt: Date;
}

export type NewModerationAction = typeof moderationActions.$inferInsert;

export interface ModerationEntryRow {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  actorId: string | null;
  actorNickname: string | null;
  subjectId: string | null;
  subjectNickname: string | null;
  reportId: string | null;
  crewId: string | null;
  reason: string;
  days: number | null;
  createdAt: Date;
}

export interface ReportRow {
  id: string;
  targetType: string;
  targetId: string;
  reason: string;
  note: string | null;
  status: string;
  createdAt: Date;
}

const accountColumns = {
  id: users.id,
  role: users.role,
  suspendedUntil: users.suspendedUntil,
  bannedAt: users.bannedAt,
  deletedAt: users.deletedAt,
  nickname: users.nickname,
  email: users.email,
  createdAt: users.createdAt,
};

const actor = aliasedTable(users, 'actor');
const subject = aliasedTable(users, 'subject');

/**
 * Reads of the account columns of moderation (`users.role`, `suspended_until`, `banned_at`: written through the
 * users module, which owns the table) and the audit log (`moderation_actions`, insert only: the table's trigger
 * refuses anything else). Reports are only read here.
 */
export class ModerationRepository {
  constructor(private readonly db: Db) {}

  /** The write gate's lookup (primary key). */
  async stateOf(userId: string): Promise<AccountState | undefined> {
    const [row] = await this.db
      .select({
        id: users.id,
        role: users.role,
        suspendedUntil: users.suspendedUntil,
        bannedAt: users.bannedAt,
        deletedAt: users.deletedAt,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row;
  }

  async account(userId: string): Promise<AccountRow | undefined> {
    const [row] = await this.db.select(accountColumns).from(users).where(eq(users.id, userId));
    return row;
  }

  /** The account, locked for the action's unit of work (two moderators at once act one after the other). */
  async lockAccount(tx: Tx, userId: string): Promise<AccountRow | undefined> {
    const [row] = await sqlOf(tx)
      .select(accountColumns)
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    return row;
  }

  async findByEmail(email: string): Promise<AccountRow | undefined> {
    const [row] = await this.db
      .select(accountColumns)
      .from(users)
      .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deletedAt)));
    return row;
  }

  /** Moderators and admins, admins first. */
  staff(): Promise<AccountRow[]> {
    return this.db
      .select(accountColumns)
      .from(users)
      .where(and(inArray(users.role, ['moderator', 'admin']), isNull(users.deletedAt)))
      .orderBy(users.role, users.email);
  }

  async append(tx: Tx, row: NewModerationAction): Promise<string> {
    const inserted = await sqlOf(tx)
      .insert(moderationActions)
      .values(row)
      .returning({ id: moderationActions.id });
    return inserted[0]?.id ?? '';
  }

  /** The reason of the latest suspension or ban of the user (the banner's "사유"). */
  async latestRestrictionReason(userId: string): Promise<string | null> {
    const [row] = await this.db
      .select({ reason: moderationActions.reason })
      .from(moderationActions)
      .where(
        and(
          eq(moderationActions.subjectId, userId),
          eq(moderationActions.targetType, 'user'),
          inArray(moderationActions.action, ['suspend', 'ban']),
        ),
      )
      .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
      .limit(1);
    return row?.reason ?? null;
  }

  private entries() {
    return this.db
      .select({
        id: moderationActions.id,
        action: moderationActions.action,
        targetType: moderationActions.targetType,
        targetId: moderationActions.targetId,
        actorId: moderationActions.actorId,
        actorNickname: actor.nickname,
        subjectId: moderationActions.subjectId,
        subjectNickname: subject.nickname,
        reportId: moderationActions.reportId,
        crewId: moderationActions.crewId,
        reason: moderationActions.reason,
        days: moderationActions.days,
        createdAt: moderationActions.createdAt,
      })
      .from(moderationActions)
      .leftJoin(actor, eq(actor.id, moderationActions.actorId))
      .leftJoin(subject, eq(subject.id, moderationActions.subjectId));
  }

  entry(id: string): Promise<ModerationEntryRow | undefined> {
    return this.entries()
      .where(eq(moderationActions.id, id))
      .then((rows) => rows[0]);
  }

  /** Actions about the user (their account or their content), newest first. */
  about(userId: string, limit: number): Promise<ModerationEntryRow[]> {
    return this.entries()
      .where(eq(moderationActions.subjectId, userId))
      .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
      .limit(limit);
  }

  /** Actions on any of these targets, newest first. */
  onTargets(targetIds: string[]): Promise<ModerationEntryRow[]> {
    if (targetIds.length === 0) return Promise.resolve([]);
    return this.entries()
      .where(inArray(moderationActions.targetId, targetIds))
      .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id));
  }

  /** The audit log, newest first, from a keyset cursor (created_at, id) — the table's index. */
  page(after: [string, string] | undefined, limit: number): Promise<ModerationEntryRow[]> {
    const before = after
      ? or(
          lt(moderationActions.createdAt, new Date(after[0])),
          and(eq(moderationActions.createdAt, new Date(after[0])), lt(moderationActions.id, after[1])),
        )
      : undefined;
    return this.entries()
      .where(before)
      .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
      .limit(limit);
  }

  /** Reports about the user's account or content, newest first. */
  reportsAbout(userId: string, limit: number): Promise<ReportRow[]> {
    return this.db
      .select({
        id: reports.id,
        targetType: reports.targetType,
        targetId: reports.targetId,
        reason: reports.reason,
        note: reports.note,
        status: reports.status,
        createdAt: reports.createdAt,
      })
      .from(reports)
      .where(eq(reports.subjectId, userId))
      .orderBy(desc(reports.createdAt), desc(sql`${reports.id}`))
      .limit(limit);
  }
}
