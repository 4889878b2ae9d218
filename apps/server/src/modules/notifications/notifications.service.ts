import type { MarkRead, Notification, NotificationPage } from '@erun/contracts';
import type { Clock } from '../../ports/clock.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type { Realtime, UserEvent } from '../../ports/realtime.ts';
import type {
  Announcement,
  NewNotification,
  NotificationRow,
  NotificationsRepository,
} from './notifications.repository.ts';

export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
    private readonly realtime: Realtime,
    /** Told after every announcement: push and SMS deliveries start at once instead of on the next sweep. */
    private readonly afterAnnounce: () => void = () => undefined,
  ) {}

  /** Stores notifications and pushes them live (one statement). */
  async notify(rows: NewNotification[]): Promise<void> {
    if (rows.length === 0) return;
    this.publish(await this.repo.insert(rows));
  }

  /**
   * Tells each user's open tabs about their newest notification and unread count (one statement for all of
   * them). Called after the transaction that stored the notification has committed, so a client never fetches
   * a row not yet there.
   */
  async announce(userIds: string[]): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    this.publish(await this.repo.latestAndUnread(unique));
  }

  /** Tells each user's open tabs what `storeNotifications` (or `announce`) found; no database read. */
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
