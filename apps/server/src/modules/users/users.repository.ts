import { DELETED_USER_NICKNAME } from '@erun/contracts';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { attendance, hostReviews, oauthAccounts, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

/** What moderation changes of an account's standing (issue 17). */
export interface AccountRestrictionChange {
  suspendedUntil?: Date | null;
  bannedAt?: Date | null;
}

export type UserRow = typeof users.$inferSelect;
export type UserChanges = Partial<
  Pick<
    UserRow,
    | 'nickname'
    | 'bio'
    | 'runningLevel'
    | 'preferredRegions'
    | 'preferredDistance'
    | 'preferredTimesOfDay'
    | 'avatarId'
    | 'locale'
    | 'gender'
  >
>;

export class UsersRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row;
  }

  /** The users among these whose (private) profile says female, in the caller's unit of work if given. */
  async femaleAmong(userIds: string[], tx?: Tx): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await (tx ? sqlOf(tx) : this.db)
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, userIds), eq(users.gender, 'female'), isNull(users.deletedAt)));
    return new Set(rows.map((r) => r.id));
  }

  async providersOf(userId: string): Promise<string[]> {
    const rows = await this.db
      .select({ provider: oauthAccounts.provider })
      .from(oauthAccounts)
      .where(eq(oauthAccounts.userId, userId));
    return rows.map((r) => r.provider).sort();
  }

  async update(id: string, changes: UserChanges): Promise<UserRow | undefined> {
    const [row] = await this.db
      .update(users)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    return row;
  }

  /** Moves the "runs hosted" counter shown on profiles, never below 0, in the caller's unit of work. */
  async moveRunsHosted(tx: Tx, userId: string, by: 1 | -1): Promise<void> {
    await sqlOf(tx)
      .update(users)
      .set({
        runsHosted: by > 0 ? sql`${users.runsHosted} + 1` : sql`greatest(${users.runsHosted} - 1, 0)`,
      })
      .where(eq(users.id, userId));
  }

  /** The calendar feed's secret (issue 10), replaced when the user rotates it. */
  async setCalendarToken(userId: string, token: string): Promise<void> {
    await this.db.update(users).set({ calendarToken: token }).where(eq(users.id, userId));
  }

  /** The user's push/SMS choices per notification category (issue 9). */
  async setNotificationPreferences(userId: string, prefs: UserRow['notificationPreferences']): Promise<void> {
    await this.db.update(users).set({ notificationPreferences: prefs }).where(eq(users.id, userId));
  }

  /** Stores a verified number (encrypted, last 4 digits shown masked), in the phone module's unit of work. */
  async setVerifiedPhone(
    tx: Tx,
    userId: string,
    phone: { encrypted: string; last4: string },
    now: Date,
  ): Promise<void> {
    await sqlOf(tx)
      .update(users)
      .set({ phoneEncrypted: phone.encrypted, phoneLast4: phone.last4, phoneVerifiedAt: now })
      .where(eq(users.id, userId));
  }

  /** Forgets the number; without one there is nothing to consent to. */
  async removePhone(userId: string): Promise<void> {
    await this.db
      .update(users)
      .set({ phoneEncrypted: null, phoneLast4: null, phoneVerifiedAt: null, smsConsent: false })
      .where(eq(users.id, userId));
  }

  /** Consent is stored only for a user with a verified number; false when there is none. */
  async setSmsConsent(userId: string, consent: boolean): Promise<boolean> {
    const rows = await this.db
      .update(users)
      .set({ smsConsent: consent })
      .where(and(eq(users.id, userId), consent ? sql`${users.phoneVerifiedAt} is not null` : sql`true`))
      .returning({ id: users.id });
    return rows.length > 0;
  }

  /** The account as the password module needs it, the row locked in the caller's unit of work. */
  async lockAccount(tx: Tx, userId: string): Promise<UserRow | undefined> {
    const [row] = await sqlOf(tx).select().from(users).where(eq(users.id, userId)).for('update');
    return row;
  }

  /** A role (user | moderator | admin), in the moderation module's unit of work (issue 17). */
  async setRole(tx: Tx, userId: string, role: string): Promise<void> {
    await sqlOf(tx).update(users).set({ role }).where(eq(users.id, userId));
  }

  /** A suspension's end or a ban (null lifts it), in the moderation module's unit of work (issue 17). */
  async setRestriction(tx: Tx, userId: string, change: AccountRestrictionChange): Promise<void> {
    await sqlOf(tx).update(users).set(change).where(eq(users.id, userId));
  }

  /** A new password hash (reset or change), in the auth module's unit of work. */
  async setPassword(tx: Tx, userId: string, passwordHash: string, now: Date): Promise<void> {
    await sqlOf(tx).update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
  }

  /** A user signing up with email and password, in the auth module's unit of work (with the link mailed). */
  async create(
    tx: Tx,
    values: { email: string | null; passwordHash: string | null; nickname: string; locale?: string },
  ): Promise<UserRow> {
    const [row] = await sqlOf(tx).insert(users).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  /** The owner of the address followed the link sent there (in the confirming unit of work). */
  async markEmailVerified(tx: Tx, userId: string, at: Date): Promise<void> {
    await sqlOf(tx)
      .update(users)
      .set({ emailVerifiedAt: at, updatedAt: at })
      .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
  }

  /**
   * A confirmed change of address: the new one, verified. The unique index on email decides a race with a
   * sign-up or another change to the same address (a unique violation, mapped by the caller).
   */
  async replaceEmail(tx: Tx, userId: string, email: string, at: Date): Promise<void> {
    await sqlOf(tx)
      .update(users)
      .set({ email, emailVerifiedAt: at, updatedAt: at })
      .where(eq(users.id, userId));
  }

  /** A user signing up through a provider, in the auth module's unit of work (with the provider link). */
  async createNamed(tx: Tx, nickname: string): Promise<string> {
    const [user] = await sqlOf(tx).insert(users).values({ nickname }).returning({ id: users.id });
    if (!user) throw new Error('insert returned no row');
    return user.id;
  }

  /**
   * Empties an erased account's row in the account module's unit of work. The row stays (its id keeps others'
   * content whole: comments, past runs, reviews, courses) but carries nothing personal and `deleted_at`.
   */
  async erase(tx: Tx, userId: string, deletedAt: Date, now: Date): Promise<void> {
    await sqlOf(tx)
      .update(users)
      .set({
        nickname: DELETED_USER_NICKNAME,
        email: null,
        passwordHash: null,
        bio: '',
        runningLevel: null,
        preferredRegions: [],
        preferredDistance: null,
        preferredTimesOfDay: [],
        avatarId: null,
        calendarToken: null,
        phoneEncrypted: null,
        phoneLast4: null,
        phoneVerifiedAt: null,
        smsConsent: false,
        notificationPreferences: {},
        gender: null,
        deletedAt,
        updatedAt: now,
      })
      .where(eq(users.id, userId));
  }

  /**
   * Recomputes the good-runner scores of the users from the current records (ADR 012), in the after-run
   * module's unit of work: 50, +1 per "present", −1 per "absent", ±1 per review received as host that moves
   * the score, clamped to 0–100. Saving attendance twice, editing it or deleting a mark therefore cannot leave
   * anything counted wrongly.
   */
  async recomputeGoodRunnerScores(tx: Tx, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await sqlOf(tx)
      .update(users)
      .set({
        goodRunnerScore: sql`greatest(0, least(100, 50
  + coalesce((select sum(case when a.present then 1 else -1 end) from ${attendance} a where a.user_id = ${users.id}), 0)
  + coalesce((select sum(case when r.positive then 1 else -1 end) from ${hostReviews} r where r.host_id = ${users.id} and r.moves_score), 0)
))`,
      })
      .where(inArray(users.id, userIds));
  }
}
