import {
  PUSH_BY_DEFAULT,
  SMS_CATEGORIES,
  type NotificationCategory,
  type NotificationChannel,
  type PushLocale,
} from '@erun/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { notificationDeliveries, notifications, pushSubscriptions, users } from '../../db/tables.ts';

export interface ClaimedDelivery {
  id: string;
  userId: string;
  category: NotificationCategory;
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

/** Deliveries not sent yet (the outbox), for `/metrics`. */
export interface Outbox {
  pending: number;
  /** Age of the oldest pending one; 0 when none is. */
  oldestPendingSeconds: number;
}

export class DeliveriesRepository {
  constructor(private readonly db: Db) {}

  async outbox(): Promise<Outbox> {
    const [row] = await rawRows<{ pending: number; oldest: number | null }>(
      this.db,
      sql`select count(*)::int as pending, extract(epoch from now() - min(created_at))::float8 as oldest
          from ${notificationDeliveries} where status = 'pending'`,
    );
    return { pending: Number(row?.pending ?? 0), oldestPendingSeconds: Number(row?.oldest ?? 0) };
  }

  /**
   * Claims up to `limit` recent notifications to deliver on a channel: one statement picks those the user
   * wants there and inserts their delivery rows as pending. The primary key (notification, channel) lets only
   * one inserter through, so whoever gets a row back is the only one to send it — however many sweeps run.
   * A pending row whose lease ran out (its sender was killed between claim and send) is claimed again, by one
   * sweep: the conflict update re-checks the lease on the locked row. Never a sent, failed or skipped one, nor
   * an SMS whose text was reserved (it may have gone out: a second text costs the user and us). ADR 010.
   * `created_at` and `claimed_at` are the database's clock, like the notifications' own.
   */
  async claim(
    channel: NotificationChannel,
    windowMinutes: number,
    limit: number,
    leaseSeconds: number,
  ): Promise<ClaimedDelivery[]> {
    const d = notificationDeliveries;
    const expired = sql`${d.status} = 'pending' and ${d.claimedAt} < now() - make_interval(secs => ${leaseSeconds}::int)
      ${channel === 'sms' ? sql`and ${d.recipientHash} is null` : sql``}`;
    return rawRows<ClaimedDelivery>(
      this.db,
      sql`
      with candidates as (
        select n.id, n.user_id, n.category, n.data, n.link, u.phone_encrypted
        from ${notifications} n join ${users} u on u.id = n.user_id
        where u.deleted_at is null and n.created_at > now() - make_interval(mins => ${windowMinutes}::int)
          and ${REACHABLE[channel]} and ${WANTED[channel]}
          and not exists (select 1 from ${d} where ${d.notificationId} = n.id and ${d.channel} = ${channel}
            and not (${expired}))
        order by n.created_at
        limit ${limit}
      ), claimed as (
        insert into ${d} (notification_id, channel, status)
        select id, ${channel}, 'pending' from candidates
        on conflict (notification_id, channel) do update set claimed_at = now() where ${expired}
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

  /**
   * One row per browser. Subscribing again updates it; another account takes it over only with the same
   * keys (the browser's own subscription, e.g. a shared computer), never a stranger with the endpoint alone.
   * Then the account keeps its newest `maxPerUser` rows. False when the endpoint is another account's.
   */
  async subscribe(userId: string, sub: StoredSubscription, maxPerUser: number): Promise<boolean> {
    const s = pushSubscriptions;
    return this.db.transaction(async (tx) => {
      // One subscription change per account at a time, so concurrent ones cannot keep more than the cap.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`push-subscriptions:${userId}`}))`);
      const saved = await tx
        .insert(s)
        .values({ userId, ...sub, createdAt: sql`now()` })
        .onConflictDoUpdate({
          target: s.endpoint,
          set: {
            userId,
            p256dh: sub.p256dh,
            auth: sub.auth,
            locale: sub.locale,
            // Another account taking the browser over hears nothing from before; the same user keeps theirs.
            createdAt: sql`case when ${s.userId} = excluded.user_id then ${s.createdAt} else now() end`,
          },
          setWhere: sql`${s.userId} = excluded.user_id
            or (${s.p256dh} = excluded.p256dh and ${s.auth} = excluded.auth)`,
        })
        .returning({ id: s.id });
      if (saved.length === 0) return false;
      await tx.execute(sql`
        delete from ${s} where ${s.userId} = ${userId} and ${s.id} not in (
          select id from ${s} where ${s.userId} = ${userId}
          order by ${s.createdAt} desc, ${s.id} desc limit ${maxPerUser})`);
      return true;
    });
  }

  /**
   * Reserves one text of a claimed SMS delivery under the daily limits: counts what the account and the number
   * received (or are being sent) in the last 24 hours, under locks on both, and marks this delivery with the
   * number's hash when both are below their limit. False: over a limit, nothing reserved.
   */
  async reserveText(
    notificationId: string,
    userId: string,
    phoneHash: string,
    limits: { perUser: number; perNumber: number },
  ): Promise<boolean> {
    const d = notificationDeliveries;
    return this.db.transaction(async (tx) => {
      for (const key of [`u:${userId}`, `p:${phoneHash}`]) {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sms-daily:${key}`}))`);
      }
      const counted = sql`${d.channel} = 'sms' and ${d.recipientHash} is not null
        and ${d.status} in ('pending', 'sent') and ${d.createdAt} > now() - interval '24 hours'`;
      const [row] = await rawRows<{ by_user: number; by_number: number }>(
        tx,
        sql`select
          (select count(*)::int from ${d} join ${notifications} n on n.id = ${d.notificationId}
            where n.user_id = ${userId} and ${counted}) as by_user,
          (select count(*)::int from ${d} where ${d.recipientHash} = ${phoneHash} and ${counted}) as by_number`,
      );
      if (!row || row.by_user >= limits.perUser || row.by_number >= limits.perNumber) return false;
      await tx
        .update(d)
        .set({ recipientHash: phoneHash })
        .where(and(eq(d.notificationId, notificationId), eq(d.channel, 'sms')));
      return true;
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
}
