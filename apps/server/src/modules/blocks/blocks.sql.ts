import { sql, type SQL } from 'drizzle-orm';
import { userBlocks } from '../../db/tables.ts';

/**
 * Blocks as SQL, for other modules' reads that must stay one statement (a comment page folds per reader).
 * `viewerId` null (a guest) blocks nobody: the expression is a constant and the guest's page stays shareable.
 */
export function blockedBy(viewerId: string | null, authorId: SQL): SQL<boolean> {
  if (viewerId === null) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from ${userBlocks} ub
    where ub.blocker_id = ${viewerId} and ub.blocked_id = ${authorId})`;
}

/** Either of the two blocked the other (suggestions leave such pairs out, both ways). */
export function blockedEitherWay(userId: string, otherId: SQL): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${userBlocks} ub
    where (ub.blocker_id = ${userId} and ub.blocked_id = ${otherId})
       or (ub.blocker_id = ${otherId} and ub.blocked_id = ${userId}))`;
}

/** `blocker` blocked `blocked` (both SQL: columns or parameters). */
export function hasBlocked(blocker: SQL, blocked: SQL): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${userBlocks} ub
    where ub.blocker_id = ${blocker} and ub.blocked_id = ${blocked})`;
}
