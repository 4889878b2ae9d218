import type {
  AccountRestriction,
  AuditPage,
  ModerateUser,
  ModerationEntry,
  ReportAboutUser,
  UserModerationHistory,
  UserRole,
} from '@erun/contracts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { NewNotification } from '../notifications/notifications.service.ts';
import type {
  AccountRow,
  AccountState,
  ModerationEntryRow,
  ModerationRepository,
} from './moderation.repository.ts';

/** The reason written for roles granted or revoked with `npm run admin`. */
export const COMMAND_LINE_REASON = 'command line';
const HISTORY_LIMIT = 100;

export interface ModerationDeps {
  /** The user is told of an action about them (moderation_notice), in the action's unit of work. */
  notify: (tx: Tx, rows: NewNotification[]) => Promise<unknown>;
  /** Drops the user's live sockets on every process (a suspension refuses them from then on). */
  disconnect: (userId: string) => void;
  /** The account's status changed (suspended, banned, restored): every process forgets it (ADR 024). */
  statusChanged?: (userId: string) => void;
  /** The users module writes its table: the role, and a suspension's end or a ban (null lifts it). */
  accounts: {
    setRole(tx: Tx, userId: string, role: UserRole): Promise<void>;
    setRestriction(
      tx: Tx,
      userId: string,
      change: { suspendedUntil?: Date | null; bannedAt?: Date | null },
    ): Promise<void>;
  };
}

/** Suspended (until a later instant) or banned, at `now`; null when the account may post, join and host. */
export function restrictionAt(state: Pick<AccountState, 'suspendedUntil' | 'bannedAt'>, now: Date) {
  if (state.bannedAt) return { kind: 'banned' as const, until: null };
  if (state.suspendedUntil && state.suspendedUntil > now)
    return { kind: 'suspended' as const, until: state.suspendedUntil };
  return null;
}

function toEntry(row: ModerationEntryRow): ModerationEntry {
  return {
    id: row.id,
    action: row.action as ModerationEntry['action'],
    targetType: row.targetType,
    targetId: row.targetId,
    actor: row.actorId ? { id: row.actorId, nickname: row.actorNickname ?? '' } : null,
    subject: row.subjectId ? { id: row.subjectId, nickname: row.subjectNickname ?? '' } : null,
    reportId: row.reportId,
    crewId: row.crewId,
    reason: row.reason,
    days: row.days,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The account side of moderation (issue 17): roles, warnings, suspensions and bans, each written to the
 * append-only audit log in the same unit of work as its effect, and the write gate's question "is this account
 * restricted now?". The report queue (another module) acts on content and calls `act` for accounts.
 */
export class ModerationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: ModerationRepository,
    private readonly clock: Clock,
    private readonly deps: ModerationDeps,
  ) {}

  /**
   * The account's suspension's end and ban (undefined: no such account), for the write gate and the socket
   * handshake, which remember it (http/account-status.ts) and apply `restrictionAt` at each request.
   */
  async restrictionState(
    userId: string,
  ): Promise<Pick<AccountState, 'suspendedUntil' | 'bannedAt'> | undefined> {
    const state = await this.repo.stateOf(userId);
    return state && { suspendedUntil: state.suspendedUntil, bannedAt: state.bannedAt };
  }

  /** What GET /api/me shows: the restriction with the reason the moderator gave, or null. */
  async restrictionOf(state: Pick<AccountState, 'id' | 'suspendedUntil' | 'bannedAt'>) {
    const found = restrictionAt(state, this.clock.now());
    if (!found) return null;
    return {
      kind: found.kind,
      until: found.until?.toISOString() ?? null,
      reason: await this.repo.latestRestrictionReason(state.id),
    } satisfies AccountRestriction;
  }

  /** 403 NOT_MODERATOR unless the caller is a moderator or an admin (every /api/admin call). */
  async requireStaff(userId: string): Promise<UserRole> {
    const state = await this.repo.stateOf(userId);
    const role = state?.role as UserRole | undefined;
    if (!state || state.deletedAt || (role !== 'moderator' && role !== 'admin')) {
      throw new ForbiddenError('NOT_MODERATOR', 'Only moderators and admins may do this');
    }
    return role;
  }

  /** The caller's site role when it is moderator or admin, else null (a crew's staff moderate their crew). */
  async staffRole(userId: string): Promise<'moderator' | 'admin' | null> {
    const state = await this.repo.stateOf(userId);
    if (!state || state.deletedAt) return null;
    return state.role === 'moderator' || state.role === 'admin' ? state.role : null;
  }

  /** Warn, suspend for N days, ban or restore an account; the user is told, the log keeps it. */
  async act(actorId: string, userId: string, input: ModerateUser): Promise<ModerationEntry> {
    const actorRole = await this.requireStaff(actorId);
    const id = await this.uow.run((tx) => this.actWithin(tx, actorId, actorRole, userId, input));
    return this.entry(id);
  }

  /**
   * The account action inside the caller's unit of work (the report queue's, with the report it decides);
   * the caller has checked that the actor is a moderator or an admin.
   */
  async actWithin(
    tx: Tx,
    actorId: string,
    actorRole: UserRole,
    userId: string,
    input: ModerateUser,
    ref: { reportId?: string; crewId?: string | null } = {},
  ): Promise<string> {
    if (actorId === userId) throw new ForbiddenError('FORBIDDEN', 'Moderators do not act on themselves');
    const now = this.clock.now();
    const target = await this.repo.lockAccount(tx, userId);
    if (!target || target.deletedAt) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
    // A moderator acts on runners; only an admin acts on another moderator or admin.
    if (actorRole !== 'admin' && target.role !== 'user') {
      throw new ForbiddenError('FORBIDDEN', 'Only an admin may act on a moderator or an admin');
    }
    let until: Date | null = null;
    if (input.action === 'suspend') {
      until = new Date(now.getTime() + (input.days ?? 1) * 86_400_000);
      await this.deps.accounts.setRestriction(tx, userId, { suspendedUntil: until });
    } else if (input.action === 'ban') {
      await this.deps.accounts.setRestriction(tx, userId, { bannedAt: target.bannedAt ?? now });
    } else if (input.action === 'restore') {
      await this.deps.accounts.setRestriction(tx, userId, { suspendedUntil: null, bannedAt: null });
    }
    const entryId = await this.repo.append(tx, {
      actorId,
      action: input.action,
      targetType: 'user',
      targetId: userId,
      subjectId: userId,
      reportId: ref.reportId ?? null,
      crewId: ref.crewId ?? null,
      reason: input.reason,
      days: input.action === 'suspend' ? (input.days ?? null) : null,
      createdAt: now,
    });
    await this.notice(tx, userId, input.action, input.reason, until);
    if (input.action === 'suspend' || input.action === 'ban' || input.action === 'restore') {
      tx.afterCommit(() => this.deps.statusChanged?.(userId));
    }
    if (input.action === 'suspend' || input.action === 'ban') {
      tx.afterCommit(() => this.deps.disconnect(userId));
    }
    return entryId;
  }

  /**
   * A decision on content (dismiss, hide, restore), written to the log in the caller's unit of work; the author
   * is told of a hide or a restore, with the reason.
   */
  async recordContentAction(
    tx: Tx,
    entry: {
      actorId: string;
      action: 'dismiss' | 'hide' | 'restore';
      targetType: string;
      targetId: string;
      subjectId: string | null;
      reportId: string;
      crewId: string | null;
      reason: string;
    },
  ): Promise<string> {
    const id = await this.repo.append(tx, { ...entry, days: null, createdAt: this.clock.now() });
    if (entry.subjectId && entry.action !== 'dismiss' && entry.subjectId !== entry.actorId) {
      await this.notice(tx, entry.subjectId, entry.action, entry.reason, null, entry.targetType);
    }
    return id;
  }

  /** Actions on these targets (content or accounts), newest first. */
  async entriesFor(targetIds: string[], perTarget: number): Promise<Map<string, ModerationEntry[]>> {
    const rows = await this.repo.onTargets(targetIds);
    const found = new Map<string, ModerationEntry[]>();
    for (const row of rows) {
      const list = found.get(row.targetId) ?? [];
      if (list.length < perTarget) list.push(toEntry(row));
      found.set(row.targetId, list);
    }
    return found;
  }

  private notice(
    tx: Tx,
    userId: string,
    action: string,
    reason: string,
    until: Date | null,
    targetType = 'user',
  ): Promise<unknown> {
    return this.deps.notify(tx, [
      {
        userId,
        category: 'moderation_notice',
        actorId: null,
        data: { action, reason, until: until?.toISOString() ?? null, targetType },
        link: '/',
      },
    ]);
  }

  /** An admin sets a role (`user` takes it away), written to the log as grant or revoke. */
  async setRole(actorId: string, userId: string, role: UserRole, reason?: string): Promise<ModerationEntry> {
    if ((await this.requireStaff(actorId)) !== 'admin') {
      throw new ForbiddenError('NOT_MODERATOR', 'Only admins may grant or revoke roles');
    }
    if (actorId === userId) throw new ForbiddenError('FORBIDDEN', 'Admins do not change their own role');
    const id = await this.uow.run(async (tx) => {
      const target = await this.repo.lockAccount(tx, userId);
      if (!target || target.deletedAt) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
      return this.writeRole(tx, target, role, actorId, reason ?? `role: ${role}`);
    });
    return this.entry(id);
  }

  /** `npm run admin -- grant|revoke <email>`: no actor, reason "command line". */
  async setRoleByEmail(
    email: string,
    role: UserRole,
  ): Promise<{ user: AccountRow; changed: boolean } | undefined> {
    const found = await this.repo.findByEmail(email);
    if (!found) return undefined;
    return this.uow.run(async (tx) => {
      const target = await this.repo.lockAccount(tx, found.id);
      if (!target || target.deletedAt) return undefined;
      if (target.role === role) return { user: target, changed: false };
      await this.writeRole(tx, target, role, null, COMMAND_LINE_REASON);
      return { user: { ...target, role }, changed: true };
    });
  }

  /** Moderators and admins (the command line's `list`). */
  staff(): Promise<AccountRow[]> {
    return this.repo.staff();
  }

  private async writeRole(
    tx: Tx,
    target: AccountRow,
    role: UserRole,
    actorId: string | null,
    reason: string,
  ): Promise<string> {
    await this.deps.accounts.setRole(tx, target.id, role);
    return this.repo.append(tx, {
      actorId,
      action: role === 'user' ? 'revoke' : 'grant',
      targetType: 'user',
      targetId: target.id,
      subjectId: target.id,
      reason,
      createdAt: this.clock.now(),
    });
  }

  async history(viewerId: string, userId: string): Promise<UserModerationHistory> {
    await this.requireStaff(viewerId);
    const user = await this.repo.account(userId);
    if (!user) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
    const [actions, reports, restriction] = await Promise.all([
      this.repo.about(userId, HISTORY_LIMIT),
      this.repo.reportsAbout(userId, HISTORY_LIMIT),
      this.restrictionOf(user),
    ]);
    return {
      user: {
        id: user.id,
        nickname: user.nickname,
        email: user.email,
        role: user.role as UserRole,
        restriction,
        deleted: user.deletedAt !== null,
        createdAt: user.createdAt.toISOString(),
      },
      actions: actions.map(toEntry),
      reports: reports.map((r): ReportAboutUser => ({
        id: r.id,
        targetType: r.targetType as ReportAboutUser['targetType'],
        targetId: r.targetId,
        reason: r.reason as ReportAboutUser['reason'],
        note: r.note,
        status: r.status as ReportAboutUser['status'],
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  async findByEmail(viewerId: string, email: string): Promise<{ id: string; nickname: string }> {
    await this.requireStaff(viewerId);
    const user = await this.repo.findByEmail(email);
    if (!user) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
    return { id: user.id, nickname: user.nickname };
  }

  async audit(viewerId: string, cursor: string | undefined, limit: number): Promise<AuditPage> {
    // A malformed cursor is a malformed query: 400 like the schema's, before the role is asked.
    const after = decodeCursor(cursor, 'time');
    await this.requireStaff(viewerId);
    const rows = await this.repo.page(after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toEntry),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
    };
  }

  async entry(id: string): Promise<ModerationEntry> {
    const row = await this.repo.entry(id);
    if (!row) throw new NotFoundError('NOT_FOUND', 'Action not found');
    return toEntry(row);
  }
}
