import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { userBadges } from '../../db/schema-after-run.ts';

export class BadgesRepository {
  constructor(private readonly db: Db) {}

  /** A user's earned badges, oldest first. */
  async earned(userId: string): Promise<{ badge: string; awardedAt: Date }[]> {
    return this.db
      .select({ badge: userBadges.badge, awardedAt: userBadges.awardedAt })
      .from(userBadges)
      .where(eq(userBadges.userId, userId))
      .orderBy(asc(userBadges.awardedAt), asc(userBadges.badge));
  }
}
