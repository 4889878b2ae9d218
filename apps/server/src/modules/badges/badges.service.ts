import {
  BADGES,
  type BadgeCode,
  BadgeCodeSchema,
  type BadgeList,
  type EarnedBadge,
  THEMES,
} from '@erun/contracts';
import type { Clock } from '../../ports/clock.ts';
import type { UnitOfWork } from '../../ports/unit-of-work.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { BadgesRepository, CountedRun } from './badges.repository.ts';

interface Records {
  runs: CountedRun[];
  userId: string;
  marks: boolean[];
  /** Newest first. */
  reviews: boolean[];
}

/** Each badge's progress (current, target) from the records; earned when current reaches target. */
const CRITERIA: Record<BadgeCode, (r: Records) => [number, number]> = {
  first_run: (r) => [r.runs.length, 1],
  runs_5: (r) => [r.runs.length, 5],
  runs_25: (r) => [r.runs.length, 25],
  runs_100: (r) => [r.runs.length, 100],
  first_hosted: (r) => [hosted(r), 1],
  hosted_10: (r) => [hosted(r), 10],
  km_100: (r) => [Math.floor(r.runs.reduce((sum, run) => sum + Number(run.distance_km), 0)), 100],
  all_themes: (r) => [new Set(r.runs.map((run) => run.theme)).size, THEMES.length],
  dawn_5: (r) => [r.runs.filter((run) => run.time_of_day === 'dawn').length, 5],
  night_5: (r) => [r.runs.filter((run) => ['night', 'late_night'].includes(run.time_of_day)).length, 5],
  // The longest run of "present" marks: once ten in a row happened, the badge is deserved.
  no_show_free_10: (r) => [longestStreak(r.marks), 10],
  // The latest ten reviews are all positive (so ten or more positive, none negative among the last ten).
  top_host: (r) => [leadingPositives(r.reviews), 10],
};

const hosted = (r: Records) => r.runs.filter((run) => run.host_id === r.userId).length;

function longestStreak(marks: boolean[]): number {
  let best = 0;
  let current = 0;
  for (const present of marks) {
    current = present ? current + 1 : 0;
    best = Math.max(best, current);
  }
  return best;
}

function leadingPositives(newestFirst: boolean[]): number {
  const firstNegative = newestFirst.indexOf(false);
  return firstNegative === -1 ? newestFirst.length : firstNegative;
}

/** Badges (me.ts): progress from the records, awarded once by the server with a notification. */
export class BadgesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: BadgesRepository,
    private readonly clock: Clock,
    private readonly notifications: Pick<NotificationsService, 'notify'>,
  ) {}

  async earned(userId: string): Promise<EarnedBadge[]> {
    const rows = await this.repo.earned(userId);
    return rows.flatMap(({ badge, awardedAt }) => {
      const code = BadgeCodeSchema.safeParse(badge);
      return code.success ? [{ code: code.data, awardedAt: awardedAt.toISOString() }] : [];
    });
  }

  /** Awards whatever the records now earn; returns the badges newly awarded (and notified) by this call. */
  async evaluate(userId: string): Promise<BadgeCode[]> {
    return this.awardDue(userId, await this.progressOf(userId));
  }

  private async awardDue(userId: string, progress: Record<BadgeCode, [number, number]>) {
    const have = new Set((await this.repo.earned(userId)).map((e) => e.badge));
    const due = BADGES.filter((code) => !have.has(code) && progress[code][0] >= progress[code][1]);
    if (due.length === 0) return [];
    const won = await this.uow.run(async (tx) => {
      const inserted = await this.repo.award(tx, userId, due, this.clock.now());
      await this.notifications.notify(
        tx,
        inserted.map((badge) => ({ userId, category: 'badge_earned', link: '/me', data: { badge } })),
      );
      return inserted;
    });
    return won as BadgeCode[];
  }

  async evaluateMany(userIds: string[]): Promise<void> {
    for (const userId of new Set(userIds)) await this.evaluate(userId);
  }

  /** A run ended (its review requests went out): its participants and its host. */
  async evaluateAfterRuns(runIds: string[], participantIds: string[]): Promise<void> {
    await this.evaluateMany([...participantIds, ...(await this.repo.hostsOf(runIds))]);
  }

  /** `GET /api/me/badges`: evaluates first (a badge earned lazily is still notified), then every badge. */
  async list(userId: string): Promise<BadgeList> {
    const progress = await this.progressOf(userId);
    await this.awardDue(userId, progress);
    const earned = await this.repo.earned(userId);
    const awardedAt = new Map(earned.map((e) => [e.badge, e.awardedAt]));
    return {
      items: BADGES.map((code) => {
        const at = awardedAt.get(code);
        const [current, target] = progress[code];
        return at
          ? { code, awardedAt: at.toISOString(), progress: null }
          : { code, awardedAt: null, progress: { current: Math.min(current, target), target } };
      }),
    };
  }

  private async progressOf(userId: string): Promise<Record<BadgeCode, [number, number]>> {
    const [runs, marks, reviews] = await Promise.all([
      this.repo.countedRuns(userId, this.clock.now()),
      this.repo.attendanceMarks(userId),
      this.repo.latestReviews(userId, 10),
    ]);
    const records: Records = { runs, userId, marks, reviews };
    return Object.fromEntries(BADGES.map((code) => [code, CRITERIA[code](records)])) as Record<
      BadgeCode,
      [number, number]
    >;
  }
}
