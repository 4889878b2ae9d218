import { describe, expect, it } from 'vitest';
import type { Realtime } from '../../ports/realtime.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import { FakeNotifications, FakeUnitOfWork, fakeOf } from '../../test/fake-unit-of-work.ts';
import type { NewNotification } from '../notifications/notifications.repository.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type { CommentRow, CommentsRepository } from './comments.repository.ts';
import { CommentsService } from './comments.service.ts';

// A comment and its owner's notification commit together (issue 14: they were two writes), and open pages
// hear of it only once committed.

const NOW = new Date('2026-12-06T00:00:00Z');

function setup(notifications: Pick<FakeNotifications, 'notify'> = new FakeNotifications()) {
  const uow = new FakeUnitOfWork();
  const saved: CommentRow[] = [];
  const live: string[] = [];
  const repo = fakeOf<CommentsRepository>({
    create: async (_tx, values) => {
      const row = { id: `c${saved.length + 1}`, replyCount: 0, editedAt: null, deletedAt: null, ...values };
      saved.push(row as CommentRow);
      return row as CommentRow;
    },
    findWithAuthor: async (id) => {
      const row = saved.find((r) => r.id === id);
      return (
        row && { ...row, author: { id: row.authorId, nickname: 'n', avatarId: null, runningLevel: null } }
      );
    },
  });
  const service = new CommentsService(
    uow,
    repo,
    notifications,
    fakeOf<UploadsService>({}),
    async () => ({ ownerId: 'host', title: '한강 러닝' }),
    { now: () => NOW },
    fakeOf<Realtime>({ toRun: (_runId, event) => void live.push(event) }),
  );
  return { service, uow, saved, live };
}

describe('writing a comment', () => {
  it("tells the post's owner in the comment's own transaction, then the run's page", async () => {
    const notifications = new FakeNotifications();
    const { service, uow, live } = setup(notifications);
    const comment = await service.write({ kind: 'run', id: 'run-1' }, 'ana', '몇 시에 모여요?');
    expect(uow.commits).toBe(1);
    expect(notifications.announced).toEqual([
      {
        userId: 'host',
        actorId: 'ana',
        category: 'comment',
        runId: 'run-1',
        link: '/runs/run-1',
        data: { title: '한강 러닝', commentId: comment.id },
      },
    ]);
    expect(live).toEqual(['run:comment']);
  });

  it('the owner commenting on their own post tells nobody', async () => {
    const notifications = new FakeNotifications();
    const { service } = setup(notifications);
    await service.write({ kind: 'course', id: 'course-1' }, 'host', '코스 설명 보충');
    expect(notifications.stored).toEqual([]);
  });

  it('a notification that cannot be stored rolls the comment back, and nothing goes out', async () => {
    const failing = {
      notify: async (_tx: Tx, _rows: NewNotification[]): Promise<never[]> => {
        throw new Error('connection lost');
      },
    };
    const { service, uow, live } = setup(failing);
    await expect(service.write({ kind: 'run', id: 'run-1' }, 'ana', '질문')).rejects.toThrow(
      'connection lost',
    );
    expect([uow.commits, uow.rollbacks]).toEqual([0, 1]);
    expect(live).toEqual([]);
  });
});
