import { BadgeCodeSchema, type EarnedBadge } from '@erun/contracts';
import type { BadgesRepository } from './badges.repository.ts';

/** Badges: earned ones as profiles show them. */
export class BadgesService {
  constructor(private readonly repo: BadgesRepository) {}

  async earned(userId: string): Promise<EarnedBadge[]> {
    const rows = await this.repo.earned(userId);
    return rows.flatMap(({ badge, awardedAt }) => {
      const code = BadgeCodeSchema.safeParse(badge);
      return code.success ? [{ code: code.data, awardedAt: awardedAt.toISOString() }] : [];
    });
  }
}
