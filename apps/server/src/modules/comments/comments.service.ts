import type { Comment, CommentPage, RunningLevel } from '@erun/contracts';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Realtime } from '../../ports/realtime.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { TargetOwner } from '../reports/reports.types.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type { UnblockedRecipients } from '../blocks/index.ts';
import type { CommentsRepository, CommentWithAuthor, Target } from './comments.repository.ts';

/** What a comment is under: a run, a course or a crew announcement. */
export type { Target };

/**
 * Who owns the post a comment is under, and what to call it in a notification; throws when `viewerId` may not
 * read it (an announcement: crew members only). `moderates`: the viewer may delete others' comments there
 * (absent: only the owner may).
 */
export type OwnerOf = (
  target: Target,
  viewerId: string | null,
) => Promise<{ ownerId: string; title: string; moderates?: boolean; crewId?: string | null }>;

const commentNotFound = () => new NotFoundError('COMMENT_NOT_FOUND', 'Comment not found');

export class CommentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: CommentsRepository,
    private readonly notifications: Pick<NotificationsService, 'notify'>,
    private readonly uploads: UploadsService,
    private readonly ownerOf: OwnerOf,
    private readonly clock: Clock,
    private readonly realtime: Realtime,
    /** Whoever blocked the writer is not told of their comments and replies (the blocks module decides). */
    private readonly unblocked: UnblockedRecipients = async (_tx, userIds) => userIds,
  ) {}

  /**
   * A page of comments. A run's are read only by whoever may see the run, an announcement's by its crew's
   * members: checked first, every time; a course's empty page checks that the course is there (404).
   */
  async list(
    target: Target,
    cursor: string | undefined,
    limit: number,
    viewerId: string | null = null,
  ): Promise<CommentPage> {
    // A bad cursor is the caller's mistake whoever they are: 400 before any access check.
    decodeCursor(cursor, 'time');
    // An announcement's are its crew's alone: checked first, every time.
    if (target.kind === 'announcement') await this.ownerOf(target, viewerId);
    // A run's page carries its own visibility check: a page with comments is one statement; an empty one
    // asks the run whether it is there for this reader (404) — as a course's empty page asks the course.
    const page = await this.page(
      { target, reader: target.kind === 'run' ? viewerId : undefined },
      cursor,
      limit,
      viewerId,
    );
    if (page.items.length === 0 && target.kind !== 'announcement') await this.ownerOf(target, viewerId);
    return page;
  }

  async listReplies(
    commentId: string,
    cursor: string | undefined,
    limit: number,
    viewerId: string | null = null,
  ): Promise<CommentPage> {
    const parent = await this.repo.find(commentId);
    if (!parent) throw commentNotFound();
    const target = targetOf(parent);
    // A reply thread under a run the reader may not see is, to them, not there.
    try {
      await this.requireReadable(target, viewerId);
    } catch (error) {
      if (target.kind === 'run') throw commentNotFound();
      throw error;
    }
    return this.page({ parentId: commentId }, cursor, limit, viewerId);
  }

  async write(target: Target, authorId: string, content: string): Promise<Comment> {
    const owner = await this.ownerOf(target, authorId);
    // The comment and its owner's notification commit together.
    const row = await this.uow.run(async (tx) => {
      const created = await this.repo.create(tx, {
        ...targetColumns(target),
        authorId,
        content,
        createdAt: this.clock.now(),
      });
      if (owner.ownerId !== authorId && (await this.unblocked(tx, [owner.ownerId], authorId)).length > 0) {
        await this.notifications.notify(tx, [
          {
            userId: owner.ownerId,
            actorId: authorId,
            category: 'comment',
            ...linkOf(target),
            data: { title: owner.title, commentId: created.id },
          },
        ]);
      }
      return created;
    });
    this.changed(target, row.id, null);
    return this.view(row.id, authorId);
  }

  async reply(commentId: string, authorId: string, content: string): Promise<Comment> {
    const parent = await this.repo.find(commentId);
    if (!parent || parent.deletedAt) throw commentNotFound();
    if (parent.parentId) throw new ValidationError('Replies go one level deep', [issue('reply.toReply')]);
    const target = targetOf(parent);
    const owner = await this.ownerOf(target, authorId);
    // The parent's author is told only while they may still read the thread: one who has left the crew of a
    // members-only run (or of an announcement's crew) learns nothing of it, not even its title.
    const tell = parent.authorId !== authorId && (await this.mayRead(target, parent.authorId));
    const row = await this.uow.run(async (tx) => {
      const created = await this.repo.create(tx, {
        ...targetColumns(target),
        parentId: parent.id,
        authorId,
        content,
        createdAt: this.clock.now(),
      });
      if (tell && (await this.unblocked(tx, [parent.authorId], authorId)).length > 0) {
        await this.notifications.notify(tx, [
          {
            userId: parent.authorId,
            actorId: authorId,
            category: 'reply',
            ...linkOf(target),
            data: { title: owner.title, commentId: created.id },
          },
        ]);
      }
      return created;
    });
    this.changed(target, row.id, parent.id);
    return this.view(row.id, authorId);
  }

  async edit(commentId: string, userId: string, content: string): Promise<Comment> {
    const row = await this.repo.find(commentId);
    if (!row || row.deletedAt) throw commentNotFound();
    if (row.authorId !== userId)
      throw new ForbiddenError('NOT_AUTHOR', 'Only the author can edit this comment');
    await this.requireReadable(targetOf(row), userId);
    await this.repo.updateContent(commentId, content, this.clock.now());
    this.changed(targetOf(row), commentId, row.parentId);
    return this.view(commentId, userId);
  }

  /**
   * The author, or the host of the run / author of the course it is under, may delete; under an announcement,
   * its author and the crew's staff too, and nobody who has left the crew.
   */
  async delete(commentId: string, userId: string): Promise<void> {
    const row = await this.repo.find(commentId);
    if (!row || row.deletedAt) throw commentNotFound();
    const target = targetOf(row);
    await this.requireReadable(target, userId);
    if (row.authorId !== userId) {
      const owner = await this.ownerOf(target, userId);
      if (!(owner.moderates ?? owner.ownerId === userId))
        throw new ForbiddenError('NOT_AUTHOR', 'Only the author or the post’s owner can delete this comment');
    }
    await this.uow.run((tx) => this.repo.delete(tx, commentId, this.clock.now()));
    this.changed(targetOf(row), commentId, row.parentId);
  }

  /**
   * Courses are for everyone to read; a run for whoever may see it (members-only runs), an announcement only for
   * its crew (the owner check throws).
   */
  private async requireReadable(target: Target, viewerId: string | null): Promise<void> {
    if (target.kind !== 'course') await this.ownerOf(target, viewerId);
  }

  /** Whether the user may read the target's comments (the rule of `requireReadable`, as a yes or no). */
  private async mayRead(target: Target, userId: string): Promise<boolean> {
    try {
      await this.requireReadable(target, userId);
      return true;
    } catch (error) {
      if (error instanceof AppError && (error.statusCode === 403 || error.statusCode === 404)) return false;
      throw error;
    }
  }

  /**
   * For reports (a ModerationTarget): the comment's author and the crew it lives in (an announcement's, a crew
   * run's), when the reader may read it — not deleted, under a post they may see, not hidden from them.
   */
  async reportTarget(commentId: string, readerId: string): Promise<TargetOwner> {
    const row = await this.repo.find(commentId);
    if (!row || row.deletedAt || (row.hiddenAt !== null && row.authorId !== readerId))
      throw commentNotFound();
    const target = targetOf(row);
    const owner = await this.ownerOf(target, readerId).catch((error: unknown) => {
      throw error instanceof NotFoundError || error instanceof ForbiddenError ? commentNotFound() : error;
    });
    return { subjectId: row.authorId, crewId: owner.crewId ?? null };
  }

  /**
   * Hidden (at) by reports or a moderator — folded for all but its author — or shown again (null), in the
   * reports' unit of work; open pages of the run refresh after it commits.
   */
  async setHidden(tx: Tx, commentId: string, at: Date | null): Promise<void> {
    const row = await this.repo.setHidden(tx, commentId, at);
    if (row) tx.afterCommit(() => this.changed(targetOf(row), row.id, row.parentId));
  }

  /** After a write has committed: open pages of the run show it without a reload. */
  private changed(target: Target, commentId: string, parentId: string | null): void {
    if (target.kind === 'run')
      this.realtime.toRun(target.id, 'run:comment', { runId: target.id, commentId, parentId });
  }

  private async page(
    where: Parameters<CommentsRepository['list']>[0],
    cursor: string | undefined,
    limit: number,
    viewerId: string | null,
  ) {
    const decoded = decodeCursor(cursor, 'time');
    const rows = await this.repo.list(where, decoded, limit + 1, viewerId);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((r) => this.toComment(r, viewerId)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
    };
  }

  private async view(id: string, viewerId: string): Promise<Comment> {
    const row = await this.repo.findWithAuthor(id);
    if (!row) throw commentNotFound();
    return this.toComment(row, viewerId);
  }

  /**
   * A deleted comment, and to all but its author one hidden by reports (until a moderator decides), is a
   * placeholder without content or author that keeps its place and its replies.
   */
  private toComment(row: CommentWithAuthor, viewerId: string | null): Comment {
    const deleted = row.deletedAt !== null;
    const hidden = !deleted && row.hiddenAt !== null;
    const folded = deleted || (hidden && row.authorId !== viewerId);
    return {
      id: row.id,
      content: folded ? '' : row.content,
      deleted,
      hidden,
      author: folded
        ? null
        : {
            id: row.author.id,
            nickname: row.author.nickname,
            avatar: row.author.avatarId ? this.uploads.imageOf(row.author.avatarId) : null,
            runningLevel: row.author.runningLevel as RunningLevel | null,
          },
      parentId: row.parentId,
      replyCount: row.replyCount,
      edited: row.editedAt !== null,
      createdAt: row.createdAt.toISOString(),
      // Folded for a reader who blocked the author (DOMAIN.md); a deleted placeholder has no author to fold.
      folded: !deleted && (row.folded ?? false),
    };
  }
}

function targetOf(row: {
  runId: string | null;
  courseId: string | null;
  announcementId: string | null;
}): Target {
  if (row.runId) return { kind: 'run', id: row.runId };
  if (row.courseId) return { kind: 'course', id: row.courseId };
  if (row.announcementId) return { kind: 'announcement', id: row.announcementId };
  throw new AppError(500, 'INTERNAL_ERROR', 'comment without a target');
}

function targetColumns(target: Target) {
  if (target.kind === 'run') return { runId: target.id };
  return target.kind === 'course' ? { courseId: target.id } : { announcementId: target.id };
}

function linkOf(target: Target) {
  if (target.kind === 'run') return { runId: target.id, link: `/runs/${target.id}` };
  return { link: target.kind === 'course' ? `/courses/${target.id}` : `/announcements/${target.id}` };
}

function issue(message: string) {
  return { path: ['params', 'commentId'], code: 'custom', message };
}
