import {
  type ChangePassword,
  type Locale,
  type PasswordResetConfirm,
  type PasswordResetPhoneConfirm,
  type PasswordResetPhoneSent,
  type PasswordResetRequested,
  RESET_TOKEN_TTL_MINUTES,
} from '@erun/contracts';
import { AppError, ConflictError, UnauthorizedError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { MailService } from '../mail/mail.service.ts';
import { CODE_LIMITS, CODE_TTL_MS, type PhoneService } from '../phone/phone.service.ts';
import type { UsersService } from '../users/users.service.ts';
import type { AccountTokensRepository } from './account-tokens.repository.ts';
import type { AuthRepository } from './auth.repository.ts';
import type { AuthService, SignedIn } from './auth.service.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { RequestContext } from './sessions.service.ts';
import { hashSecretToken, newSecretToken } from './secret-tokens.ts';

const RESET_TTL_MS = RESET_TOKEN_TTL_MINUTES * 60_000;
const localeOf = (locale: string): Locale => (locale === 'en' ? 'en' : 'ko');
const invalidToken = () =>
  new AppError(400, 'RESET_TOKEN_INVALID', 'This link has expired or was already used; ask for a new one');
const noCode = () =>
  new ConflictError('PHONE_CODE_EXPIRED', 'No valid code for this number; ask for a new one');

export interface PasswordDeps {
  auth: AuthService;
  users: UsersService;
  phone: PhoneService;
  mail: MailService;
  clock: Clock;
  uow: UnitOfWork;
}

/**
 * Password reset by mail or text and password change (issue 15). A reset request answers the same whatever
 * the address or number; a link or code is single use; a new password signs out every session of the
 * account and tells its owner by mail, in the unit of work that sets it.
 */
export class PasswordService {
  constructor(
    private readonly tokens: AccountTokensRepository,
    private readonly accounts: AuthRepository,
    private readonly deps: PasswordDeps,
  ) {}

  /** Mails a reset link to a verified address of an account with a password; otherwise does nothing. */
  async requestByEmail(email: string): Promise<PasswordResetRequested> {
    const now = this.deps.clock.now();
    // Made whatever the address, so the answer takes about as long for an unknown one.
    const token = newSecretToken();
    const tokenHash = hashSecretToken(token);
    const user = await this.accounts.findUserByEmail(email);
    if (user?.email && user.emailVerifiedAt && user.passwordHash && !user.deletedAt) {
      const to = user.email;
      await this.deps.uow.run(async (tx) => {
        const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
        await this.tokens.replace(
          tx,
          { userId: user.id, purpose: 'password_reset', tokenHash, email: to, expiresAt },
          now,
        );
        await this.deps.mail.enqueue(tx, {
          to,
          userId: user.id,
          locale: localeOf(user.locale),
          template: 'password_reset',
          data: { nickname: user.nickname, token, minutes: RESET_TOKEN_TTL_MINUTES },
        });
      });
    }
    return { resendAt: new Date(now.getTime() + CODE_LIMITS.resendAfterMs).toISOString() };
  }

  async confirmByEmail(input: PasswordResetConfirm, context: RequestContext): Promise<SignedIn> {
    // Hashed before the unit of work: argon2 takes tens of milliseconds, no transaction should wait on it.
    const passwordHash = await hashPassword(input.password);
    const now = this.deps.clock.now();
    const userId = await this.deps.uow.run(async (tx) => {
      const used = await this.tokens.consume(tx, hashSecretToken(input.token), ['password_reset'], now, {
        addressStillCurrent: true,
      });
      if (!used) throw invalidToken();
      if (!(await this.replacePassword(tx, used.userId, passwordHash, now))) throw invalidToken();
      return used.userId;
    });
    return this.deps.auth.signIn(userId, context);
  }

  /**
   * Texts a reset code to the number when it is the verified number of an account with an email (the new
   * password signs in with it). Limits the phone module applies beyond the route's are kept silent, so the
   * answer never tells whether the number has an account.
   */
  async requestByPhone(phone: string, ip: string): Promise<PasswordResetPhoneSent> {
    const now = this.deps.clock.now();
    const userId = await this.deps.phone.ownerOfVerified(phone);
    if (userId && (await this.deps.users.getMe(userId)).email) {
      await this.deps.phone.sendCode(userId, phone, ip, 'password_reset').catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
      });
    }
    return {
      expiresAt: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
      resendAt: new Date(now.getTime() + CODE_LIMITS.resendAfterMs).toISOString(),
    };
  }

  async confirmByPhone(input: PasswordResetPhoneConfirm, context: RequestContext): Promise<SignedIn> {
    const phone = input.phone;
    const userId = await this.deps.phone.ownerOfVerified(phone);
    if (!userId) throw noCode();
    const codeId = await this.deps.phone.takeCode(userId, phone, input.code, 'password_reset');
    const passwordHash = await hashPassword(input.password);
    const now = this.deps.clock.now();
    await this.deps.uow.run(async (tx) => {
      if (!(await this.deps.phone.consumeCode(tx, codeId, now))) throw noCode();
      if (!(await this.replacePassword(tx, userId, passwordHash, now))) throw noCode();
    });
    return this.deps.auth.signIn(userId, context);
  }

  /**
   * Changes the password after checking the current one; an account without one (Kakao/Naver only) sets its
   * first. Every other session is signed out; the caller's (`sessionId`) goes on. A token from before sessions
   * were recorded has none: then every session is signed out and the caller gets a new one (null otherwise).
   */
  async change(
    userId: string,
    sessionId: string | null,
    input: ChangePassword,
    context: RequestContext,
  ): Promise<SignedIn | null> {
    const user = await this.accounts.findUserById(userId);
    if (!user || user.deletedAt) throw new UnauthorizedError();
    if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword ?? ''))) {
      throw new AppError(400, 'CURRENT_PASSWORD_WRONG', 'The current password is not correct', [
        { path: ['body', 'currentPassword'], code: 'custom', message: 'password.currentWrong' },
      ]);
    }
    const passwordHash = await hashPassword(input.password);
    const now = this.deps.clock.now();
    await this.deps.uow.run(async (tx) => {
      // The password checked is still the one stored: a change in between makes the check void.
      const stored = await this.deps.users.lockAccount(tx, userId);
      if (stored?.passwordHash !== user.passwordHash) {
        throw new AppError(400, 'CURRENT_PASSWORD_WRONG', 'The password was changed meanwhile');
      }
      await this.replacePassword(tx, userId, passwordHash, now, sessionId);
    });
    return sessionId ? null : this.deps.auth.signIn(userId, context);
  }

  /** Sets the password, signs out every session, mails the owner; false for an account gone meanwhile. */
  private async replacePassword(
    tx: Tx,
    userId: string,
    passwordHash: string,
    now: Date,
    keepSession: string | null = null,
  ): Promise<boolean> {
    const user = await this.deps.users.lockAccount(tx, userId);
    if (!user || user.deletedAt) return false;
    await this.deps.users.setPassword(tx, userId, passwordHash, now);
    await this.deps.auth.revokeAllSessions(tx, userId, keepSession);
    if (user.email) {
      await this.deps.mail.enqueue(tx, {
        to: user.email,
        userId,
        locale: localeOf(user.locale),
        template: 'password_changed',
        data: { nickname: user.nickname },
      });
    }
    return true;
  }
}
