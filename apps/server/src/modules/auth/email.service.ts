import {
  type ChangeEmail,
  EMAIL_LINK_LIMITS,
  EMAIL_LINK_TTL_HOURS,
  type EmailLinkSent,
  type Locale,
  LOCALES,
} from '@erun/contracts';
import {
  ConflictError,
  isUniqueViolation,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
  AppError,
} from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { MailService } from '../mail/mail.service.ts';
import type { UsersService } from '../users/users.service.ts';
import type { AccountTokensRepository } from './account-tokens.repository.ts';
import type { EmailAccount, EmailRepository } from './email.repository.ts';
import { verifyPassword } from './passwords.ts';
import { hashSecretToken, newSecretToken } from './secret-tokens.ts';

/** The purposes of the links this module mails about the account's address. */
type EmailLinkPurpose = 'email_verification' | 'email_change';
const PURPOSES: readonly EmailLinkPurpose[] = ['email_verification', 'email_change'];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** `runner@example.com` → `r***@example.com`: enough for its owner to recognise, little for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

const localeOf = (value: string): Locale =>
  (LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'ko';
const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

export const invalidLink = () =>
  new AppError(400, 'VERIFICATION_TOKEN_INVALID', 'This link is invalid, used or expired');

/**
 * The account's email address (issue 15): a verification link at sign-up and on request, a change of address
 * that takes effect only when the new address follows its link (the old one is told), the sign-up form's
 * availability check, and a word to an address's owner when someone tries to sign up with it.
 *
 * Links are single-use, valid EMAIL_LINK_TTL_HOURS, stored hashed in `account_tokens`. Of each kind one account
 * is sent at most one a minute and five a day (counted from those rows, written with the app's clock under a
 * per-account lock, so concurrent requests cannot both slip under the cap).
 */
export class EmailService {
  constructor(
    private readonly repo: EmailRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
  ) {}

  /** At sign-up, in its unit of work: the first verification link. */
  async sendVerification(
    tx: Tx,
    user: { id: string; email: string; nickname: string; locale: string },
  ): Promise<EmailLinkSent> {
    return this.sendLink(tx, 'email_verification', user, user.email);
  }

  /** "Resend": another verification link, within the caps; an already verified address answers 409. */
  async resendVerification(userId: string): Promise<EmailLinkSent> {
    const user = await this.activeAccount(userId);
    const email = user.email;
    if (email === null) throw new ConflictError('CONFLICT', 'This account has no email address');
    if (user.emailVerifiedAt) throw new ConflictError('EMAIL_ALREADY_VERIFIED', 'The address is verified');
    return this.uow.run((tx) => this.sendLink(tx, 'email_verification', user, email));
  }

  /**
   * A change of address: the link goes to the new address and the account keeps the old one until it is
   * followed. A newer request replaces an older one (its link stops working).
   */
  async requestChange(userId: string, input: ChangeEmail): Promise<EmailLinkSent> {
    const user = await this.activeAccount(userId);
    if (
      user.passwordHash !== null &&
      !(await verifyPassword(user.passwordHash, input.currentPassword ?? ''))
    ) {
      throw new ValidationError('The password is not correct', [
        { path: ['body', 'currentPassword'], code: 'custom', message: 'account.passwordIncorrect' },
      ]);
    }
    if (input.email === user.email)
      throw new ConflictError('EMAIL_UNCHANGED', 'This is already your address');
    if (await this.repo.accountByEmail(input.email)) {
      throw new ConflictError('EMAIL_TAKEN', 'This email is already registered');
    }
    return this.uow.run(async (tx) => {
      const sent = await this.sendLink(tx, 'email_change', user, input.email);
      return sent;
    });
  }

  /**
   * Follows a link (no sign-in needed: it may be opened on another device). A verification link verifies the
   * address it was sent to, if that is still the account's; a change link makes its address the account's,
   * verified, and tells the old address. Used, expired, unknown or outdated: 400 VERIFICATION_TOKEN_INVALID.
   */
  async confirm(token: string): Promise<void> {
    const now = this.clock.now();
    await this.uow
      .run(async (tx) => {
        const link = await this.tokens.consume(tx, hashSecretToken(token), PURPOSES, now);
        if (!link) throw invalidLink();
        const user = await this.repo.lockAccount(tx, link.userId);
        if (!user || user.deletedAt) throw invalidLink();
        if (link.purpose === 'email_verification' || link.email === user.email) {
          if (user.email !== link.email) throw invalidLink();
          await this.users.markEmailVerified(tx, user.id, now);
          return;
        }
        await this.users.replaceEmail(tx, user.id, link.email, now);
        if (user.email) {
          await this.mail.enqueue(tx, {
            to: user.email,
            userId: user.id,
            locale: localeOf(user.locale),
            template: 'email_changed',
            data: { nickname: user.nickname, newEmail: maskEmail(link.email) },
          });
        }
      })
      .catch((error: unknown) => {
        // Another account took the address since the request (the unique index decides the race).
        if (isUniqueViolation(error, 'users_email_key')) {
          throw new ConflictError('EMAIL_TAKEN', 'This email is already registered');
        }
        throw error;
      });
  }

  /** 중복확인: whether an address may still sign up (the route limits it per IP). */
  async available(email: string): Promise<boolean> {
    return (await this.repo.accountByEmail(email)) === undefined;
  }

  /**
   * Someone tried to sign up with a taken address: its owner is told, at most once in 24 hours (counted in
   * the outbox; two attempts in the same instant may both mail, which the sign-up limits keep rare).
   */
  async tellOwnerOfSignupAttempt(email: string): Promise<void> {
    const owner = await this.repo.accountByEmail(email);
    if (!owner || owner.deletedAt) return;
    const since = new Date(this.clock.now().getTime() - DAY_MS);
    if ((await this.mail.sentSince(owner.id, 'signup_attempt', since)) > 0) return;
    await this.uow.run((tx) =>
      this.mail.enqueue(tx, {
        to: email,
        userId: owner.id,
        locale: localeOf(owner.locale),
        template: 'signup_attempt',
        data: {},
      }),
    );
  }

  private async activeAccount(userId: string): Promise<EmailAccount> {
    const user = await this.repo.account(userId);
    if (!user || user.deletedAt) throw new UnauthorizedError();
    return user;
  }

  /** Checks the caps, stores the link's hash and queues its mail, all in the caller's unit of work. */
  private async sendLink(
    tx: Tx,
    purpose: EmailLinkPurpose,
    user: { id: string; nickname: string; locale: string },
    email: string,
  ): Promise<EmailLinkSent> {
    const now = this.clock.now();
    const nowMs = now.getTime();
    const gapMs = EMAIL_LINK_LIMITS.resendAfterSeconds * 1000;
    await this.tokens.lock(tx, user.id, purpose);
    const recent = await this.tokens.sentSince(tx, user.id, purpose, new Date(nowMs - DAY_MS));
    if (recent.newest && nowMs - recent.newest.getTime() < gapMs) {
      throw new RateLimitedError(secondsUntil(recent.newest.getTime() + gapMs, nowMs));
    }
    if (recent.count >= EMAIL_LINK_LIMITS.perDay && recent.oldest) {
      throw new RateLimitedError(secondsUntil(recent.oldest.getTime() + DAY_MS, nowMs));
    }
    // Only the newest change of address can be confirmed; older verification links keep working.
    const token = newSecretToken();
    const link = {
      userId: user.id,
      purpose,
      tokenHash: hashSecretToken(token),
      email,
      expiresAt: new Date(nowMs + EMAIL_LINK_TTL_HOURS * HOUR_MS),
      createdAt: now,
    };
    if (purpose === 'email_change') await this.tokens.replace(tx, link, now);
    else await this.tokens.insert(tx, link);
    await this.mail.enqueue(tx, {
      to: email,
      userId: user.id,
      locale: localeOf(user.locale),
      template: purpose,
      data: { nickname: user.nickname, email, token, hours: EMAIL_LINK_TTL_HOURS },
    });
    return { email, resendAt: new Date(nowMs + gapMs).toISOString() };
  }
}
