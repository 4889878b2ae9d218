import type { BlockPage, BlockState } from '@erun/contracts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { AppError, ForbiddenError, NotFoundError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type { CrewJoinCheck } from '../crews/crew-members.service.ts';
import type { JoinCheck } from '../runs/participation.service.ts';
import type { BlocksRepository } from './blocks.repository.ts';

/**
 * Of the users about to be told of what `actorId` wrote, those who have not blocked them (in the writer's unit
 * of work). A module that notifies about someone's words asks this first: the blocker hears nothing of them.
 */
export type UnblockedRecipients = (tx: Tx, userIds: string[], actorId: string) => Promise<string[]>;

/**
 * The same refusal as any other closed door: it never says "blocked" (DOMAIN.md: blocking is silent), so a
 * blocked runner cannot tell a block from any other reason they may not join.
 */
const notAllowed = () => new ForbiddenError('JOIN_NOT_ALLOWED', 'You cannot join this');

/**
 * Blocking (DOMAIN.md "Safety and reliability"): one-way and silent. The blocked user cannot join the blocker's
 * runs (hosted or co-hosted) or crews (owned or staffed), their comments and chat messages are folded for the
 * blocker (the comments and chat modules read `blocks.sql.ts`), and neither is suggested to the other. A block
 * removes nobody from a run or crew they are already in: the host or staff remove them as usual.
 */
export class BlocksService {
  constructor(
    private readonly repo: BlocksRepository,
    private readonly uploads: Pick<UploadsService, 'imageOf'>,
    private readonly clock: Clock,
  ) {}

  /** Idempotent: blocking twice keeps the first block. */
  async block(blockerId: string, userId: string): Promise<void> {
    if (blockerId === userId) throw new AppError(400, 'CANNOT_BLOCK_SELF', 'You cannot block yourself');
    if (!(await this.repo.userExists(userId))) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
    await this.repo.add(blockerId, userId, this.clock.now());
  }

  /** Idempotent: unblocking someone not blocked (or an account gone since) is done already. */
  unblock(blockerId: string, userId: string): Promise<void> {
    return this.repo.remove(blockerId, userId);
  }

  async state(blockerId: string, userId: string): Promise<BlockState> {
    const at = await this.repo.find(blockerId, userId);
    return { blocked: at !== undefined, blockedAt: at?.toISOString() ?? null };
  }

  async list(blockerId: string, cursor: string | undefined, limit: number): Promise<BlockPage> {
    const rows = await this.repo.list(blockerId, decodeCursor(cursor, 'time'), limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((r) => ({
        user: {
          id: r.user.id,
          nickname: r.user.nickname,
          avatar: r.user.avatarId ? this.uploads.imageOf(r.user.avatarId) : null,
        },
        blockedAt: r.blockedAt.toISOString(),
      })),
      nextCursor:
        rows.length > limit && last ? encodeCursor(last.blockedAt.toISOString(), last.user.id) : null,
    };
  }

  /** Whom I blocked, by nickname and time (the owner's data export). */
  async exportOf(userId: string): Promise<{ nickname: string; blockedAt: string }[]> {
    const rows = await this.repo.exportOf(userId);
    return rows.map((r) => ({ nickname: r.nickname, blockedAt: r.blockedAt.toISOString() }));
  }

  /** An erased account's blocks, both ways, in the account module's unit of work. */
  forget(tx: Tx, userId: string): Promise<void> {
    return this.repo.forget(tx, userId);
  }

  /** Notifications of a blocked user's comments and replies are not sent to whoever blocked them. */
  readonly unblockedRecipients: UnblockedRecipients = async (tx, userIds, actorId) => {
    const blockers = await this.repo.blockersAmong(tx, userIds, actorId);
    return userIds.filter((id) => !blockers.has(id));
  };

  /** Joining a run: refused when its host or a co-host blocked the runner. */
  readonly runJoinCheck: JoinCheck = {
    check: async (tx, run, userId) => {
      if (await this.repo.runRefuses(tx, run, userId)) throw notAllowed();
    },
  };

  /** Joining a crew (or asking to): refused when its owner or a staff member blocked the runner. */
  readonly crewJoinCheck: CrewJoinCheck = {
    check: async (tx, crew, userId) => {
      if (await this.repo.crewRefuses(tx, crew.id, userId)) throw notAllowed();
    },
  };
}
