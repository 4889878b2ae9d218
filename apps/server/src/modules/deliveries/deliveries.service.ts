import {
  defaultNotificationPreferences,
  NOTIFICATION_CATEGORIES,
  type NotificationChannel,
  type NotificationPreferences,
  type PushPayload,
  type PushSubscriptionInput,
} from '@erun/contracts';
import { CoalescingSweep } from '../../lib/coalescing-sweep.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import type { PushSender } from '../../ports/push.ts';
import type { SmsSender } from '../../ports/sms.ts';
import type { UsersService } from '../users/users.service.ts';
import type { ClaimedDelivery, DeliveriesRepository, Outbox } from './deliveries.repository.ts';
import { notificationText, PUSH_TITLE, smsText } from './delivery-texts.ts';

/** Notifications older than this are not pushed or texted any more (a missed "30 minutes before" is moot). */
export const DELIVERY_WINDOW_MINUTES = 60;
const BATCH = 100;
/**
 * A claimed delivery not finished within this long is claimed again (its sender died between claim and send).
 * Far above one send (web push and SENS answer in seconds, with their own timeouts).
 */
export const DELIVERY_LEASE_SECONDS = 120;
/**
 * While notifications keep coming (a burst of joins), sweeps run at most this often: each sweep is two
 * statements whatever it finds, and a push a fraction of a second later is as good.
 */
const KICK_GAP_MS = 200;

export interface DeliveryLimits {
  /** Browsers one account may keep subscribed; one more drops the oldest. */
  subscriptionsPerUser: number;
  /** Notification texts in any 24 hours, per account and per number; the rest are skipped. */
  textsPerUserPerDay: number;
  textsPerNumberPerDay: number;
}

export interface DeliveriesDeps {
  push: PushSender | undefined;
  sms: SmsSender;
  /** The number in clear from its stored form; null when unreadable. */
  decryptPhone: (encrypted: string) => string | null;
  publicUrl: string;
  /** The keyed hash of a number in clear (texts are counted per number by it). */
  hashPhone: (phone: string) => string;
  limits: DeliveryLimits;
  onError: (error: unknown) => void;
  /** The users module stores the preferences (it owns the `users` table's writes). */
  users: UsersService;
}

/**
 * Push and SMS deliveries of notifications by an outbox sweep (ADR 010): every worker sweeps on the reminder
 * interval, and the process that announced a notification sweeps at once. A delivery row is claimed before
 * anything is sent, so each notification goes out at most once per channel.
 */
export class DeliveriesService {
  private readonly sweeps: CoalescingSweep;

  constructor(
    private readonly repo: DeliveriesRepository,
    private readonly deps: DeliveriesDeps,
  ) {
    this.sweeps = new CoalescingSweep(
      () => this.sweep(),
      KICK_GAP_MS,
      (error) => this.deps.onError(error),
    );
  }

  async preferences(userId: string): Promise<NotificationPreferences> {
    const stored = await this.repo.preferencesOf(userId);
    if (!stored) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
    const defaults = defaultNotificationPreferences();
    return Object.fromEntries(
      NOTIFICATION_CATEGORIES.map((c) => [
        c,
        { push: stored[c]?.push ?? defaults[c].push, sms: stored[c]?.sms ?? defaults[c].sms },
      ]),
    ) as NotificationPreferences;
  }

  async setPreferences(userId: string, prefs: NotificationPreferences): Promise<NotificationPreferences> {
    await this.deps.users.setNotificationPreferences(userId, prefs);
    return this.preferences(userId);
  }

  publicKey(): { publicKey: string } {
    if (!this.deps.push) throw new AppError(503, 'PUSH_NOT_CONFIGURED', 'Web push is not configured');
    return { publicKey: this.deps.push.publicKey };
  }

  /**
   * Keeps a browser's subscription: only an endpoint of a real push service (the sender's check), at most
   * `subscriptionsPerUser` per account (the oldest goes), and never another account's row — unless the
   * request carries that subscription's own keys, which only the browser holding it knows: the account
   * signed in last on a shared browser gets its pushes, a stranger who learnt the endpoint gets a 409.
   */
  async subscribe(userId: string, input: PushSubscriptionInput): Promise<void> {
    const push = this.deps.push;
    if (!push) throw new AppError(503, 'PUSH_NOT_CONFIGURED', 'Web push is not configured');
    const problem = await push.check(input.endpoint);
    // A name that does not resolve now may later; every send checks again.
    if (problem && problem !== 'unresolved') {
      const https = problem === 'invalid' || problem === 'not_https';
      throw new ValidationError('A push endpoint must be an https URL of a browser push service', [
        {
          path: ['body', 'endpoint'],
          code: 'custom',
          message: https ? 'push.endpointNotHttps' : 'push.endpointNotAllowed',
        },
      ]);
    }
    const saved = await this.repo.subscribe(
      userId,
      { endpoint: input.endpoint, ...input.keys, locale: input.locale ?? 'ko' },
      this.deps.limits.subscriptionsPerUser,
    );
    if (!saved) {
      throw new ConflictError('PUSH_SUBSCRIPTION_TAKEN', 'This push subscription belongs to another account');
    }
  }

  async unsubscribe(userId: string, endpoint: string): Promise<void> {
    await this.repo.unsubscribe(userId, endpoint);
  }

  /** Sweeps soon, in the background; calls while one runs fold into one more pass. Never throws. */
  kick(): void {
    this.sweeps.kick();
  }

  /** Push and SMS deliveries claimed but not sent yet, whichever process claimed them (`/metrics`). */
  outbox(): Promise<Outbox> {
    return this.repo.outbox();
  }

  /** Resolves when no background sweep is running (shutdown, tests). */
  async idle(): Promise<void> {
    await this.sweeps.idle();
  }

  /** Delivers everything due on every channel; returns how many deliveries were attempted. */
  async sweep(): Promise<number> {
    let total = 0;
    const channels: NotificationChannel[] = this.deps.push ? ['push', 'sms'] : ['sms'];
    for (const channel of channels) {
      let claimed: ClaimedDelivery[];
      do {
        claimed = await this.repo.claim(channel, DELIVERY_WINDOW_MINUTES, BATCH, DELIVERY_LEASE_SECONDS);
        total += claimed.length;
        await Promise.all(claimed.map((d) => this.deliver(channel, d)));
      } while (claimed.length === BATCH);
    }
    return total;
  }

  private async deliver(channel: NotificationChannel, d: ClaimedDelivery): Promise<void> {
    let outcome: { status: 'sent' | 'failed' | 'skipped'; error: string | null };
    try {
      outcome = channel === 'push' ? await this.push(d) : await this.text(d);
    } catch (error) {
      outcome = { status: 'failed', error: error instanceof Error ? error.message.slice(0, 500) : 'failed' };
    }
    await this.repo.finish(d.id, channel, outcome.status, outcome.error);
  }

  private async push(d: ClaimedDelivery) {
    const push = this.deps.push;
    const subscriptions = await this.repo.subscriptionsOf(d.userId);
    if (!push || subscriptions.length === 0) return { status: 'skipped' as const, error: 'no subscription' };
    const results = await Promise.allSettled(
      subscriptions.map(async (s) => {
        // Each device in the language the app was shown in there.
        const payload: PushPayload = {
          id: d.id,
          category: d.category,
          title: PUSH_TITLE[s.locale],
          body: notificationText(d.category, d.data, s.locale),
          link: d.link,
        };
        const result = await push.send({ endpoint: s.endpoint, keys: s }, JSON.stringify(payload));
        if (result === 'gone') await this.repo.forgetEndpoint(s.endpoint);
        return result;
      }),
    );
    if (results.some((r) => r.status === 'fulfilled' && r.value === 'sent'))
      return { status: 'sent' as const, error: null };
    const failure = results.find((r) => r.status === 'rejected');
    return { status: 'failed' as const, error: failure ? String(failure.reason) : 'subscription gone' };
  }

  private async text(d: ClaimedDelivery) {
    const phone = d.phoneEncrypted ? this.deps.decryptPhone(d.phoneEncrypted) : null;
    if (!phone) return { status: 'skipped' as const, error: 'no readable phone number' };
    const { textsPerUserPerDay, textsPerNumberPerDay } = this.deps.limits;
    const within = await this.repo.reserveText(d.id, d.userId, this.deps.hashPhone(phone), {
      perUser: textsPerUserPerDay,
      perNumber: textsPerNumberPerDay,
    });
    if (!within) return { status: 'skipped' as const, error: 'daily text limit reached' };
    await this.deps.sms.send(phone, smsText(d.category, d.data, this.deps.publicUrl, d.link));
    return { status: 'sent' as const, error: null };
  }
}
