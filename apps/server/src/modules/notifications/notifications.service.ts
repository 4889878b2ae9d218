import type { MarkRead, Notification, NotificationCategory, NotificationPage } from '@erun/contracts';
import type { Clock } from '../../ports/clock.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type { Realtime, UserEvent } from '../../ports/realtime.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import type {
  Announcement,
  NewNotification,
  NotificationQuery,
  NotificationRow,
  NotificationsRepository,
} from './notifications.repository.ts';

/** A notification to store: who, what and where it links. */
export type { NewNotification };

export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
    private readonly realtime: Realtime,
    /** Told after every announcement: push and SMS deliveries start at once instead of on the next sweep. */
    private readonly afterAnnounce: () => void = () => undefined,
  ) {}

  /**
   * Stores notifications in the caller's unit of work (one statement) and announces them once it has
   * committed, so a client never fetches a row not yet there, and a rollback announces nothing. Returns the
   * rows stored.
   */
  async notify(tx: Tx, rows: NewNotification[]): Promise<NotificationRow[]> {
    if (rows.length === 0) return [];
    const stored = await this.repo.store(tx, rows);
    tx.afterCommit(() => this.publish(stored.announcements));
    return stored.rows;
  }

  /** Stores notifications in a statement of their own, and announces them once it has committed. */
  async send(rows: NewNotification[]): Promise<NotificationRow[]> {
    if (rows.length === 0) return [];
    const stored = await this.repo.storeNow(rows);
    this.publish(stored.announcements);
    return stored.rows;
  }

  /**
   * Stores the rows a sweep describes as a query (its own bookkeeping in the same statement: reminders) and
   * announces them once that statement has committed.
   */
  async sendFrom(due: NotificationQuery): Promise<NotificationRow[]> {
    const stored = await this.repo.storeFrom(due);
    this.publish(stored.announcements);
    return stored.rows;
  }

  /**
   * Tells each user's open tabs what storing found (their newest notification and unread count; no database
   * read) and wakes the push/SMS deliveries. The one place announcements leave from, always after commit.
   */
  publish(announcements: Announcement[]): void {
    if (announcements.length === 0) return;
    // One event per user: the notification carries the count, a frame per runner is what a fan-out costs.
    const events: UserEvent[] = announcements.map(({ userId, latest, unreadCount }) =>
      latest
        ? { userId, event: 'notification', payload: { ...this.toItem(latest), unreadCount } }
        : { userId, event: 'notification:count', payload: { unreadCount } },
    );
    this.realtime.toEachUser(events);
    this.afterAnnounce();
  }

  /**
   * Takes back what no longer holds (a review request to a runner since marked absent), in the caller's unit
   * of work; the users' open tabs get their new unread count once it has committed.
   */
  async withdraw(tx: Tx, userIds: string[], runId: string, category: NotificationCategory): Promise<void> {
    const touched = await this.repo.withdraw(tx, userIds, runId, category);
    if (touched.length === 0) return;
    tx.afterCommit(() => {
      void Promise.all(
        touched.map(async (userId) => ({
          userId,
          latest: null,
          unreadCount: await this.repo.unreadCount(userId),
        })),
      )
        .then((announcements) => this.publish(announcements))
        .catch(() => undefined);
    });
  }

  /** A deleted account's notifications go, in the deletion's unit of work (ADR 011). */
  async forget(tx: Tx, userId: string): Promise<void> {
    await this.repo.deleteOf(tx, userId);
  }

  async list(userId: string, cursor: string | undefined, limit: number): Promise<NotificationPage> {
    const decoded = decodeCursor(cursor, 'time');
    const [rows, unreadCount] = await Promise.all([
      this.repo.list(userId, decoded, limit + 1),
      this.repo.unreadCount(userId),
    ]);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => this.toItem(r)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
      unreadCount,
    };
  }

  private toItem(r: NotificationRow): Notification {
    return {
      id: r.id,
      category: r.category,
      actor: r.actor
        ? {
            id: r.actor.id,
            nickname: r.actor.nickname,
            avatar: r.actor.avatarId ? this.uploads.imageOf(r.actor.avatarId) : null,
          }
        : null,
      data: r.data,
      link: r.link,
      read: r.readAt !== null,
      createdAt: r.createdAt.toISOString(),
    };
  }

  async markRead(userId: string, input: MarkRead): Promise<void> {
    await this.repo.markRead(userId, 'all' in input ? 'all' : input.ids, this.clock.now());
    // The user's other tabs and devices lower their badge too.
    const unreadCount = await this.repo.unreadCount(userId);
    this.realtime.toUsers([userId], 'notification:count', { unreadCount });
  }
}
