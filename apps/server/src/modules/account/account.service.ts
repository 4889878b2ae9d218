import {
  type DeleteAccount,
  type MyStats,
  type Region,
  REGIONS,
  type Theme,
  THEMES,
  type TimeOfDay,
  TIMES_OF_DAY,
} from '@erun/contracts';
import { AppError, UnauthorizedError, ValidationError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { UnitOfWork } from '../../ports/unit-of-work.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { AfterRunService } from '../after-run/after-run.service.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { CountedRun } from '../badges/badges.service.ts';
import type { BlocksService } from '../blocks/index.ts';
import type { ConsentsService } from '../consents/index.ts';
import type { CrewMembersService } from '../crews/crew-members.service.ts';
import type { SavedSearchesService } from '../saved-searches/saved-searches.service.ts';
import type { ParticipationService } from '../runs/participation.service.ts';
import type { RunsService } from '../runs/runs.service.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type { UsersService } from '../users/users.service.ts';
import type { AccountRepository } from './account.repository.ts';

/** Skips a step another attempt already did (a run cancelled or left before a retry): deletion is retryable. */
function alreadyDone(error: unknown): void {
  const done = ['RUN_NOT_FOUND', 'RUN_STARTED', 'NOT_JOINED', 'NOT_HOST'];
  if (error instanceof AppError && done.includes(error.code)) return;
  throw error;
}

/** YYYY-MM of a moment in Asia/Seoul. */
function seoulMonth(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 7);
}

/** The 12 months up to and including the current one, oldest first. */
function lastTwelveMonths(now: Date): string[] {
  const [year, month] = seoulMonth(now).split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (11 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** My stats, my data export and deleting my account (issue 6, Korean PIPA expectations). */
export class AccountService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccountRepository,
    private readonly deps: {
      clock: Clock;
      /** My notifications go with my personal data, in the same transaction. */
      notifications: Pick<NotificationsService, 'forget'>;
      /** The users module empties the account's row, in the same transaction. */
      users: Pick<UsersService, 'erase'>;
      auth: AuthService;
      runs: RunsService;
      participation: ParticipationService;
      uploads: UploadsService;
      afterRun: AfterRunService;
      earnedBadges: (userId: string) => Promise<{ code: string; awardedAt: string }[]>;
      /** The runs that count (badges' rule), for the stats. */
      countedRuns: (userId: string, now: Date) => Promise<CountedRun[]>;
      /** The stored (encrypted) phone number in clear, for the owner's own export. */
      decryptPhone: (encrypted: string) => string | null;
      /** Ends the user's open sockets on every process (the handshake refuses them from now on). */
      disconnect: (userId: string) => void;
      /** What I agreed to and when: in my export, and erased with my account. */
      consents: Pick<ConsentsService, 'history' | 'forget'>;
      /** My crews: the ones I own are handed over (or deleted when nobody is left), my rows go. */
      crewMembers: Pick<CrewMembersService, 'forgetUser'>;
      /** Whom I blocked: in my export; my blocks (both ways) go with my account. */
      blocks: Pick<BlocksService, 'exportOf' | 'forget'>;
      /** My saved searches: in my export, and gone with my account (its row stays, so nothing cascades). */
      savedSearches: Pick<SavedSearchesService, 'list' | 'forget'>;
    },
  ) {}

  /** me.ts's counting rule: ended, not cancelled, not marked absent; hosted and joined alike. */
  async stats(userId: string): Promise<MyStats> {
    const now = this.deps.clock.now();
    const runs = await this.deps.countedRuns(userId, now);
    const months = lastTwelveMonths(now).map((month) => {
      const inMonth = runs.filter((r) => r.month === month);
      return {
        month,
        runs: inMonth.length,
        km: round1(inMonth.reduce((s, r) => s + Number(r.distance_km), 0)),
      };
    });
    const count = <T extends string>(values: readonly T[], of: (r: (typeof runs)[number]) => string) =>
      values.map((value) => ({ value, runs: runs.filter((r) => of(r) === value).length }));
    return {
      totals: {
        runs: runs.length,
        hosted: runs.filter((r) => r.host_id === userId).length,
        km: round1(runs.reduce((s, r) => s + Number(r.distance_km), 0)),
        minutes: runs.reduce((s, r) => s + Number(r.minutes), 0),
      },
      months,
      // Every theme and time of day in their usual order (zeros included); regions run in, most first.
      themes: count<Theme>(THEMES, (r) => r.theme).map(({ value, runs: n }) => ({ theme: value, runs: n })),
      regions: count<Region>(REGIONS, (r) => r.region)
        .filter((r) => r.runs > 0)
        .sort((a, b) => b.runs - a.runs)
        .map(({ value, runs: n }) => ({ region: value, runs: n })),
      timesOfDay: count<TimeOfDay>(TIMES_OF_DAY, (r) => r.time_of_day).map(({ value, runs: n }) => ({
        timeOfDay: value,
        runs: n,
      })),
    };
  }

  /** Everything we hold about me, as one JSON document (other users appear by nickname only). */
  async export(userId: string): Promise<Record<string, unknown>> {
    const user = await this.repo.user(userId);
    if (!user || user.deletedAt) throw new UnauthorizedError();
    const [data, badges, score, consents, blocks, savedSearches] = await Promise.all([
      this.repo.exportOf(userId),
      this.deps.earnedBadges(userId),
      this.deps.afterRun.scoreHistory(userId),
      this.deps.consents.history(userId),
      this.deps.blocks.exportOf(userId),
      this.deps.savedSearches.list(userId),
    ]);
    const { oauth, sessions, ...rest } = data;
    return {
      format: 'erun-export/1',
      exportedAt: this.deps.clock.now().toISOString(),
      profile: {
        id: user.id,
        email: user.email,
        nickname: user.nickname,
        bio: user.bio,
        runningLevel: user.runningLevel,
        preferredRegions: user.preferredRegions,
        preferredDistance: user.preferredDistance,
        preferredTimesOfDay: user.preferredTimesOfDay,
        avatar: user.avatarId ? this.deps.uploads.imageOf(user.avatarId) : null,
        goodRunnerScore: user.goodRunnerScore,
        runsHosted: user.runsHosted,
        hasPassword: user.passwordHash !== null,
        // Stored encrypted (AES-256-GCM); the owner's export gives it in clear.
        phone: user.phoneEncrypted
          ? {
              number: this.deps.decryptPhone(user.phoneEncrypted),
              verifiedAt: user.phoneVerifiedAt,
              storedEncrypted: true,
            }
          : null,
        smsConsent: user.smsConsent,
        notificationPreferences: user.notificationPreferences,
        // Private: stated by the owner, used only for 여성 전용 runs and crews.
        gender: user.gender,
        calendarFeedEnabled: user.calendarToken !== null,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      signInMethods: { password: user.passwordHash !== null, providers: oauth },
      ...rest,
      badges,
      scoreHistory: score,
      consents,
      sessions,
      blocks,
      savedSearches: savedSearches.items,
    };
  }

  /**
   * Deletes my account. Steps, each idempotent so a failed attempt can simply be retried (the account
   * stays usable until the last step commits):
   * 1. my future hosted runs are cancelled through the runs service (participants get run_cancelled);
   * 2. my seats and waitlist places in future runs are given up through the participation service
   *    (waitlists are promoted, counters stay exact);
   * 3. one transaction erases my personal data and marks the account deleted; tokens go with it, and my open
   *    sockets are disconnected on every process.
   * My comments, past runs, courses, reviews and chat messages stay, shown as "탈퇴한 사용자".
   */
  async deleteAccount(userId: string, input: DeleteAccount): Promise<void> {
    const user = await this.repo.user(userId);
    if (!user || user.deletedAt) throw new UnauthorizedError();
    if (user.passwordHash) {
      if (!input.password || !(await this.deps.auth.checkPassword(userId, input.password))) {
        throw new ValidationError('The password is not correct', [
          { path: ['body', 'password'], code: 'custom', message: 'account.passwordIncorrect' },
        ]);
      }
    } else if (input.confirm?.trim() !== user.nickname) {
      throw new ValidationError('Type your nickname to confirm', [
        { path: ['body', 'confirm'], code: 'custom', message: 'account.confirmMismatch' },
      ]);
    }
    // A join racing the deletion is caught by the re-check and handled by another pass.
    for (let pass = 0; pass < 3; pass++) {
      const { hosted, joined } = await this.deps.runs.upcomingOf(userId);
      for (const runId of hosted) await this.deps.runs.cancel(runId, userId).catch(alreadyDone);
      for (const runId of joined) await this.deps.participation.leave(runId, userId).catch(alreadyDone);
      if ((await this.repo.stillIn(userId, this.deps.clock.now())) === 0) break;
    }
    const erased = await this.uow.run(async (tx) => {
      const now = this.deps.clock.now();
      const found = await this.repo.erase(tx, userId);
      if (!found) return undefined;
      await this.deps.users.erase(tx, userId, found.deletedAt ?? now, now);
      await this.deps.notifications.forget(tx, userId);
      await this.deps.consents.forget(tx, userId);
      await this.deps.crewMembers.forgetUser(tx, userId);
      await this.deps.blocks.forget(tx, userId);
      await this.deps.savedSearches.forget(tx, userId);
      return found;
    });
    this.deps.disconnect(userId);
    if (erased?.avatarId) await this.deps.uploads.deleteMany([erased.avatarId]);
  }
}
