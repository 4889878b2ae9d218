import { z } from 'zod';
import { PublicUserSchema } from './users.ts';

/**
 * Blocking a user (DOMAIN.md "Safety and reliability", issue 17): one-way and silent. Only the blocker ever
 * sees a block; nothing the blocked user reads tells them.
 */
export const BlockedUserSchema = z.object({
  user: PublicUserSchema.pick({ id: true, nickname: true, avatar: true }),
  blockedAt: z.iso.datetime({ offset: true }),
});
export type BlockedUser = z.infer<typeof BlockedUserSchema>;

/** `GET /api/me/blocks`: the users I blocked, most recent first. */
export const BlockPageSchema = z.object({
  items: z.array(BlockedUserSchema),
  nextCursor: z.string().nullable(),
});
export type BlockPage = z.infer<typeof BlockPageSchema>;

/** `GET /api/me/blocks/:userId`: whether I blocked this user (the profile page's 차단하기 / 차단 해제). */
export const BlockStateSchema = z.object({
  blocked: z.boolean(),
  blockedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type BlockState = z.infer<typeof BlockStateSchema>;
