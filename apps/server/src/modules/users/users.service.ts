import {
  type AccountRestriction,
  type DistanceBucket,
  type Gender,
  type Image,
  type Me,
  type PhoneStatus,
  type OAuthProvider,
  type Profile,
  type PublicUser,
  type Region,
  type RequiredConsent,
  type RunningLevel,
  type UpdateMe,
  type UserRole,
  type TimeOfDay,
} from '@erun/contracts';
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import type { AccountRestrictionChange, UserChanges, UserRow, UsersRepository } from './users.repository.ts';

export class UsersService {
  constructor(
    private readonly repo: UsersRepository,
    private readonly uploads: UploadsService,
    /** The phone module's view of the stored number (masked), for GET /api/me. */
    private readonly phoneStatus: (user: UserRow) => PhoneStatus,
    /** The consents module's required documents not yet accepted, for GET /api/me. */
    private readonly consentsRequired: (userId: string) => Promise<RequiredConsent[]>,
    /** The moderation module's view of a suspension or ban (with its reason), for GET /api/me. */
    private readonly restrictionOf: (user: UserRow) => Promise<AccountRestriction | null> = async () => null,
  ) {}

  /** A run hosted or cancelled: the profile's counter moves in the runs module's unit of work. */
  moveRunsHosted(tx: Tx, userId: string, by: 1 | -1): Promise<void> {
    return this.repo.moveRunsHosted(tx, userId, by);
  }

  /** A role granted or taken, in the moderation module's unit of work. */
  setRole(tx: Tx, userId: string, role: UserRole): Promise<void> {
    return this.repo.setRole(tx, userId, role);
  }

  /** A suspension or ban set or lifted, in the moderation module's unit of work. */
  setRestriction(tx: Tx, userId: string, change: AccountRestrictionChange): Promise<void> {
    return this.repo.setRestriction(tx, userId, change);
  }

  /** Stores the calendar feed's token (the calendar module owns its meaning). */
  setCalendarToken(userId: string, token: string): Promise<void> {
    return this.repo.setCalendarToken(userId, token);
  }

  /** Stores the notification preferences (the deliveries module owns their meaning and defaults). */
  setNotificationPreferences(userId: string, prefs: UserRow['notificationPreferences']): Promise<void> {
    return this.repo.setNotificationPreferences(userId, prefs);
  }

  /** The phone module's verified number, stored in its unit of work (with the code it used up). */
  setVerifiedPhone(
    tx: Tx,
    userId: string,
    phone: { encrypted: string; last4: string },
    now: Date,
  ): Promise<void> {
    return this.repo.setVerifiedPhone(tx, userId, phone, now);
  }

  removePhone(userId: string): Promise<void> {
    return this.repo.removePhone(userId);
  }

  /** False when consent was asked for a user without a verified number. */
  setSmsConsent(userId: string, consent: boolean): Promise<boolean> {
    return this.repo.setSmsConsent(userId, consent);
  }

  /** The account's row, locked in the caller's unit of work (a password reset or change). */
  lockAccount(tx: Tx, userId: string): Promise<UserRow | undefined> {
    return this.repo.lockAccount(tx, userId);
  }

  /** Stores a new password hash (the auth module hashes it), in the auth module's unit of work. */
  setPassword(tx: Tx, userId: string, passwordHash: string, now: Date): Promise<void> {
    return this.repo.setPassword(tx, userId, passwordHash, now);
  }

  /** Sign-up with email and password (the auth module hashes the password and maps a taken email). */
  create(
    tx: Tx,
    values: { email: string | null; passwordHash: string | null; nickname: string; locale?: string },
  ): Promise<UserRow> {
    return this.repo.create(tx, values);
  }

  /** The account's address is verified (its owner followed the link), in the caller's unit of work. */
  markEmailVerified(tx: Tx, userId: string, at: Date): Promise<void> {
    return this.repo.markEmailVerified(tx, userId, at);
  }

  /** A confirmed change of address: the new one replaces the old, verified (a taken one: unique violation). */
  replaceEmail(tx: Tx, userId: string, email: string, at: Date): Promise<void> {
    return this.repo.replaceEmail(tx, userId, email, at);
  }

  /** Sign-up through a provider: the user's id, in the auth module's unit of work. */
  createNamed(tx: Tx, nickname: string): Promise<string> {
    return this.repo.createNamed(tx, nickname);
  }

  /** An erased account's row, emptied in the account module's unit of work (ADR 011). */
  erase(tx: Tx, userId: string, deletedAt: Date, now: Date): Promise<void> {
    return this.repo.erase(tx, userId, deletedAt, now);
  }

  /** The good-runner scores, recomputed from the records in the after-run module's unit of work (ADR 012). */
  recomputeGoodRunnerScores(tx: Tx, userIds: string[]): Promise<void> {
    return this.repo.recomputeGoodRunnerScores(tx, userIds);
  }

  /**
   * 여성 전용 (DOMAIN.md "Safety and reliability"): every one of these users' private profile says female, or
   * 403 WOMEN_ONLY (an unset gender included). The gender itself is never told to anyone else.
   */
  async requireWomen(userIds: string[], tx?: Tx): Promise<void> {
    const unique = [...new Set(userIds)];
    const female = await this.repo.femaleAmong(unique, tx);
    if (unique.some((id) => !female.has(id)))
      throw new ForbiddenError('WOMEN_ONLY', 'Only runners whose profile says female can take part');
  }

  async getMe(userId: string): Promise<Me> {
    const user = await this.repo.findById(userId);
    if (!user) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
    return this.toMe(user);
  }

  async getPublic(userId: string): Promise<PublicUser> {
    const user = await this.repo.findById(userId);
    if (!user || user.deletedAt) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
    return this.toPublic(user, this.avatarOf(user));
  }

  /** The public profile: what anyone may see of a user, plus their host review counts. */
  async profile(
    userId: string,
    reviewCounts: Profile['reviewCounts'],
    badges: Profile['badges'],
  ): Promise<Profile> {
    const user = await this.repo.findById(userId);
    // A deleted account has no profile any more (its content elsewhere shows "탈퇴한 사용자").
    if (!user || user.deletedAt) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
    return {
      ...this.toPublic(user, this.avatarOf(user)),
      runsHosted: user.runsHosted,
      reviewCounts,
      badges,
      createdAt: user.createdAt.toISOString(),
    };
  }

  async updateMe(userId: string, input: UpdateMe): Promise<Me> {
    const changes: UserChanges = { ...input };
    // An avatar must be the caller's own avatar upload; anything else looks like it does not exist.
    if (input.avatarId) await this.uploads.requireOwn(userId, input.avatarId, 'avatar');
    const user = await this.repo.update(userId, changes);
    if (!user) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
    return this.toMe(user);
  }

  private async toMe(user: UserRow): Promise<Me> {
    const [providers, consentsRequired, restriction] = await Promise.all([
      this.repo.providersOf(user.id),
      this.consentsRequired(user.id),
      this.restrictionOf(user),
    ]);
    return {
      ...this.toPublic(user, this.avatarOf(user)),
      email: user.email,
      emailVerified: user.email !== null && user.emailVerifiedAt !== null,
      preferredRegions: user.preferredRegions as Region[],
      preferredDistance: user.preferredDistance as DistanceBucket | null,
      preferredTimesOfDay: user.preferredTimesOfDay as TimeOfDay[],
      onboarded: user.runningLevel !== null && user.preferredRegions.length > 0,
      hasPassword: user.passwordHash !== null,
      providers: providers as OAuthProvider[],
      ...this.phoneStatus(user),
      consentsRequired,
      gender: user.gender as Gender | null,
      createdAt: user.createdAt.toISOString(),
      role: user.role as UserRole,
      restriction,
    };
  }

  private toPublic(user: UserRow, avatar: Image | null): PublicUser {
    return {
      id: user.id,
      nickname: user.nickname,
      bio: user.bio,
      runningLevel: user.runningLevel as RunningLevel | null,
      avatar,
      goodRunnerScore: user.goodRunnerScore,
    };
  }

  private avatarOf(user: UserRow): Image | null {
    return user.avatarId ? this.uploads.imageOf(user.avatarId) : null;
  }
}
