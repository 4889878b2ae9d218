import { PUSH_BY_DEFAULT, SMS_CATEGORIES, type NotificationChannel, type PushLocale } from '@erun/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { notificationDeliveries, pushSubscriptions } from '../../db/schema-messaging.ts';
import { notifications, users } from '../../db/schema.ts';

export interface ClaimedDelivery {
  id: string;
  userId: string;
  category: string;
  data: Record<string, string | number | null>;
  link: string;
  /** SMS only: the user's encrypted number. */
  phoneEncrypted: string | null;
}

export interface StoredSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  locale: PushLocale;
}

type Preferences = Record<string, { push?: boolean; sms?: boolean }>;

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Whether a notification is wanted on a channel: the user's choice for its category, else the default. */
const WANTED: Record<NotificationChannel, ReturnType<typeof sql>> = {
  push: sql`coalesce((u.notification_preferences -> n.category ->> 'push')::boolean,
    n.category in (${list(PUSH_BY_DEFAULT)}))`,
  sms: sql`n.category in (${list(SMS_CATEGORIES)})
    and coalesce((u.notification_preferences -> n.category ->> 'sms')::boolean, false)`,
};

/** Who can receive on a channel at all; written so the planner starts from these few users. */
const REACHABLE: Record<NotificationChannel, ReturnType<typeof sql>> = {
  push: sql`n.user_id in (select user_id from ${pushSubscriptions})
    and exists (select 1 from ${pushSubscriptions} s where s.user_id = n.user_id and s.created_at <= n.created_at)`,
  sms: sql`n.user_id in (select id from ${users} where sms_consent and phone_verified_at is not null)
    and u.phone_encrypted is not null`,
};

export class DeliveriesRepository {
  constructor(private readonly db: Db) {}

  /**
   * Claims up to `limit` recent notifications to deliver on a channel: one statement picks those the user
   * wants there and inserts their delivery rows as pending. The primary key (notification, channel) lets only
   * one inserter through, so whoever gets a row back is the only one to send it — however many sweeps run.
   * `created_at` is the database's clock, like the notifications' own.
   */
  async claim(
    channel: NotificationChannel,
    windowMinutes: number,
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    return rawRows<ClaimedDelivery>(
      this.db,
      sql`
      with candidates as (
        select n.id, n.user_id, n.category, n.data, n.link, u.phone_encrypted
        from ${notifications} n join ${users} u on u.id = n.user_id
        where u.deleted_at is null and n.created_at > now() - make_interval(mins => ${windowMinutes}::int)
          and ${REACHABLE[channel]} and ${WANTED[channel]}
          and not exists (select 1 from ${notificationDeliveries} d where d.notification_id = n.id and d.channel = ${channel})
        order by n.created_at
        limit ${limit}
      ), claimed as (
        insert into ${notificationDeliveries} (notification_id, channel, status)
        select id, ${channel}, 'pending' from candidates
        on conflict do nothing
        returning notification_id
      )
      select c.id, c.user_id as "userId", c.category, c.data, c.link, c.phone_encrypted as "phoneEncrypted"
      from candidates c join claimed k on k.notification_id = c.id`,
    );
  }

  async finish(
    notificationId: string,
    channel: NotificationChannel,
    status: 'sent' | 'failed' | 'skipped',
    error: string | null,
  ): Promise<void> {
    await this.db
      .update(notificationDeliveries)
      .set({ status, error })
      .where(
        and(
          eq(notificationDeliveries.notificationId, notificationId),
          eq(notificationDeliveries.channel, channel),
        ),
      );
  }

  async subscriptionsOf(userId: string): Promise<StoredSubscription[]> {
    return this.db
      .select({
        endpoint: pushSubscriptions.endpoint,
        p256dh: pushSubscriptions.p256dh,
        auth: pushSubscriptions.auth,
        locale: sql<PushLocale>`${pushSubscriptions.locale}`,
      })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId));
  }

  /** One row per browser: subscribing again (or as another account on that browser) takes the row over. */
  async subscribe(userId: string, sub: StoredSubscription): Promise<void> {
    await this.db
      .insert(pushSubscriptions)
      .values({ userId, ...sub, createdAt: sql`now()` })
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: {
          userId,
          p256dh: sub.p256dh,
          auth: sub.auth,
          locale: sub.locale,
          // Another account taking the browser over hears nothing from before; the same user keeps theirs.
          createdAt: sql`case when ${pushSubscriptions.userId} = excluded.user_id
            then ${pushSubscriptions.createdAt} else now() end`,
        },
      });
  }

  async unsubscribe(userId: string, endpoint: string): Promise<void> {
    await this.db
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)));
  }

  async forgetEndpoint(endpoint: string): Promise<void> {
    await this.db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
  }

  async preferencesOf(userId: string): Promise<Preferences | null> {
    const [row] = await this.db
      .select({ prefs: users.notificationPreferences })
      .from(users)
      .where(eq(users.id, userId));
    return row ? row.prefs : null;
  }

  async setPreferences(userId: string, prefs: Preferences): Promise<void> {
    await this.db.update(users).set({ notificationPreferences: prefs }).where(eq(users.id, userId));
  }
}
