import type { Locale, Session, SessionList } from '@erun/contracts';
import { LOCALES } from '@erun/contracts';
import { NotFoundError, UnauthorizedError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { MailService } from '../mail/mail.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { deviceInfo, maskIp, USER_AGENT_MAX } from './device-info.ts';
import type { SessionRow, SessionsRepository } from './sessions.repository.ts';

/**
 * Where a sign-in or refresh comes from, as the routes saw it: the address Fastify resolved (`request.ip`,
 * TRUST_PROXY decides; never a client header), the user agent, and the browser's device cookie.
 */
export interface RequestContext {
  ip: string | null;
  userAgent: string;
  /** The `erun_device` cookie's value (kept only as a keyed hash). */
  deviceId: string | null;
}

/** New-device alerts (mail and notification) at most this many an hour per account; more is a script. */
export const NEW_SIGN_IN_ALERTS_PER_HOUR = 5;
/** A device not seen for this long is forgotten (its cookie, a year long, has expired too). */
const SESSION_MEMORY_MS = 365 * 24 * 60 * 60 * 1000;

export interface SessionsDeps {
  clock: Clock;
  uow: UnitOfWork;
  notifications: NotificationsService;
  mail: MailService;
  /** The keyed hash of a device id (HMAC with the cookie secret). */
  hashDevice: (deviceId: string) => string;
  /** Ends the user's open sockets on every process (those of a live session reconnect at once). */
  disconnect: (userId: string) => void;
}

/**
 * Signed-in devices (issue 15): one session per sign-in, its id the refresh-token family's. A sign-in from a
 * device the account has not used before tells its owner (mail and notification); the sessions list shows
 * where the account is signed in, and signs any of them out.
 */
export class SessionsService {
  constructor(
    private readonly repo: SessionsRepository,
    private readonly deps: SessionsDeps,
  ) {}

  /**
   * Records a sign-in. A device is new when the account has recorded devices and this is none of them: so
   * neither the sign-up nor the first sign-in since devices are recorded alerts anyone.
   */
  async begin(sessionId: string, userId: string, context: RequestContext): Promise<void> {
    const deviceHash = context.deviceId === null ? null : this.deps.hashDevice(context.deviceId);
    // Read before the unit of work (PGlite has one connection): two sign-ins racing from one new device may
    // both alert, which is harmless.
    const alert = deviceHash !== null && (await this.isNewDevice(userId, deviceHash));
    await this.deps.uow.run(async (tx) => {
      await this.repo.insert(tx, {
        id: sessionId,
        userId,
        deviceHash,
        userAgent: context.userAgent.slice(0, USER_AGENT_MAX),
        ip: context.ip,
      });
      if (alert) await this.alert(tx, userId, context);
    });
  }

  /** A refresh: last used now (to the minute), from this address and browser. */
  async touch(sessionId: string, context: RequestContext): Promise<void> {
    await this.repo.touch(
      sessionId,
      {
        ip: context.ip,
        userAgent: context.userAgent.slice(0, USER_AGENT_MAX),
        deviceHash: context.deviceId === null ? null : this.deps.hashDevice(context.deviceId),
      },
      this.deps.clock.now(),
    );
  }

  async list(userId: string, currentSessionId: string | null): Promise<SessionList> {
    const rows = await this.repo.listLive(userId, this.deps.clock.now());
    return { items: rows.map((row) => toSession(row, currentSessionId)) };
  }

  /** Signs one of my sessions out; another user's is as unknown as one that never existed. */
  async revoke(userId: string, sessionId: string): Promise<void> {
    if (!(await this.repo.revoke(userId, sessionId, this.deps.clock.now()))) {
      throw new NotFoundError('SESSION_NOT_FOUND', 'No such session');
    }
    this.deps.disconnect(userId);
  }

  /**
   * Signs every session but the caller's out. A token without a session cannot say which one is "this", so
   * it is refused like an expired one: the client refreshes (getting a token that names it) and retries.
   */
  async revokeOthers(userId: string, currentSessionId: string | null): Promise<void> {
    if (currentSessionId === null) throw new UnauthorizedError();
    const revoked = await this.repo.revokeOthers(userId, currentSessionId, this.deps.clock.now());
    if (revoked.length > 0) this.deps.disconnect(userId);
  }

  /** Housekeeping (with the expired tokens): sessions unused for a year. */
  purge(): Promise<number> {
    return this.repo.deleteUnusedSince(new Date(this.deps.clock.now().getTime() - SESSION_MEMORY_MS));
  }

  /** A device the account never used, while it has used others (and within the hourly alert cap). */
  private async isNewDevice(userId: string, deviceHash: string): Promise<boolean> {
    const history = await this.repo.deviceHistory(userId, deviceHash);
    if (history.known === 0 || history.seen) return false;
    const since = new Date(this.deps.clock.now().getTime() - 3_600_000);
    return (await this.deps.mail.sentSince(userId, 'new_sign_in', since)) < NEW_SIGN_IN_ALERTS_PER_HOUR;
  }

  /** The owner is told of a sign-in from a new device: in the app, and by mail when the account has one. */
  private async alert(tx: Tx, userId: string, context: RequestContext): Promise<void> {
    const device = deviceInfo(context.userAgent);
    const ip = maskIp(context.ip);
    await this.deps.notifications.notify(tx, [
      {
        userId,
        category: 'new_sign_in',
        data: { browser: device.browser, os: device.os, ip },
        link: '/me/settings',
      },
    ]);
    const owner = await this.repo.ownerOf(tx, userId);
    if (!owner?.email) return;
    await this.deps.mail.enqueue(tx, {
      to: owner.email,
      userId,
      locale: localeOf(owner.locale),
      template: 'new_sign_in',
      data: {
        nickname: owner.nickname,
        at: this.deps.clock.now().toISOString(),
        browser: device.browser,
        os: device.os,
        ip,
      },
    });
  }
}

function localeOf(value: string): Locale {
  return (LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'ko';
}

function toSession(row: SessionRow, currentSessionId: string | null): Session {
  return {
    id: row.id,
    current: row.id === currentSessionId,
    ...deviceInfo(row.userAgent),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt.toISOString(),
    ip: maskIp(row.ip),
  };
}
