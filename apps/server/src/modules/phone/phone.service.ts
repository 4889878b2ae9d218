import { randomInt } from 'node:crypto';
import type { PhoneStatus, PhoneVerificationSent } from '@erun/contracts';
import { AppError, ConflictError, NotFoundError, RateLimitedError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SmsSender } from '../../ports/sms.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { UsersService } from '../users/users.service.ts';
import { maskPhone, type PhoneCrypto } from './phone-crypto.ts';
import type { CodeLimits, PhoneRepository } from './phone.repository.ts';

export const CODE_TTL_MS = 3 * 60_000;
export const MAX_ATTEMPTS = 5;
export const CODE_LIMITS: CodeLimits = {
  resendAfterMs: 60_000,
  perUserPhonePerDay: 5,
  perUserPerDay: 10,
  perPhonePerDay: 20,
  perIpPerHour: 5,
};

export function verificationText(code: string): string {
  return `[이RUN 저RUN] 인증번호 ${code} (3분 안에 입력해 주세요)`;
}

export type CodePurpose = 'verify' | 'password_reset';

/** What a code's hash is keyed with: its number and, but for verification (as stored before), its purpose. */
const codeKey = (phoneHash: string, purpose: CodePurpose) =>
  purpose === 'verify' ? phoneHash : `${purpose}:${phoneHash}`;

const secondsUntil = (at: Date, now: Date) => Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));

/**
 * Phone verification (issue 5): a 6-digit code by SMS, valid 3 minutes, burnt after 5 wrong tries, one per
 * minute per user; a day, at most 5 per user and number, 10 per user and 20 per number (so strangers cannot
 * use up the owner's), and 5 per IP an hour. The verified number is stored encrypted and only ever shown
 * masked.
 */
export class PhoneService {
  constructor(
    private readonly repo: PhoneRepository,
    private readonly crypto: PhoneCrypto,
    private readonly sms: SmsSender,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    /** The users module stores the number and consent (it owns the `users` table's writes). */
    private readonly users: UsersService,
  ) {}

  /** `phone` is already normalised (contracts: PhoneNumberSchema). */
  requestCode(userId: string, phone: string, ip: string): Promise<PhoneVerificationSent> {
    return this.sendCode(userId, phone, ip, 'verify');
  }

  /**
   * Texts a code for `purpose` under the same rules and counts whatever it is for (a reset code is sent to the
   * account's verified number). A code is bound to its purpose: one sent to verify a number cannot reset a
   * password, nor the other way round.
   */
  async sendCode(
    userId: string,
    phone: string,
    ip: string,
    purpose: CodePurpose,
  ): Promise<PhoneVerificationSent> {
    const now = this.clock.now();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const phoneHash = this.crypto.hashPhone(phone);
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    const outcome = await this.repo.issue(
      {
        userId,
        phoneHash,
        codeHash: this.crypto.hashCode(codeKey(phoneHash, purpose), code),
        ip,
        now,
        expiresAt,
      },
      CODE_LIMITS,
    );
    if (!outcome.ok && outcome.reason === 'too_soon') {
      const retryAfter = String(secondsUntil(outcome.retryAt, now));
      throw new AppError(
        429,
        'PHONE_RESEND_TOO_SOON',
        `Wait ${retryAfter} s before asking again`,
        undefined,
        {
          'retry-after': retryAfter,
        },
      );
    }
    if (!outcome.ok) throw new RateLimitedError(secondsUntil(outcome.retryAt, now));
    try {
      await this.sms.send(phone, verificationText(code));
    } catch {
      throw new AppError(503, 'SERVICE_UNAVAILABLE', 'The text message could not be sent; try again later');
    }
    return {
      expiresAt: expiresAt.toISOString(),
      resendAt: new Date(now.getTime() + CODE_LIMITS.resendAfterMs).toISOString(),
    };
  }

  async confirm(userId: string, phone: string, code: string): Promise<PhoneStatus> {
    const now = this.clock.now();
    const codeId = await this.takeCode(userId, phone, code, 'verify');
    const stored = { encrypted: this.crypto.encrypt(phone), last4: phone.slice(-4) };
    const confirmed = await this.uow.run(async (tx) => {
      if (!(await this.repo.consume(tx, codeId, now))) return false;
      await this.users.setVerifiedPhone(tx, userId, stored, now);
      return true;
    });
    if (!confirmed) {
      throw new ConflictError('PHONE_CODE_EXPIRED', 'This code has already been used');
    }
    return this.status(userId);
  }

  /**
   * Counts one try of `code` against the user's live code for this number and purpose; its id when right
   * (to be used up with `consumeCode` in the caller's unit of work).
   */
  async takeCode(userId: string, phone: string, code: string, purpose: CodePurpose): Promise<string> {
    const phoneHash = this.crypto.hashPhone(phone);
    const live = await this.repo.takeAttempt(userId, phoneHash, this.clock.now(), MAX_ATTEMPTS);
    if (!live)
      throw new ConflictError('PHONE_CODE_EXPIRED', 'No valid code for this number; ask for a new one');
    if (!this.crypto.codeMatches(codeKey(phoneHash, purpose), code, live.codeHash)) {
      throw new AppError(400, 'PHONE_CODE_INVALID', 'The code is not correct');
    }
    return live.id;
  }

  /** Uses up a code taken with `takeCode`, once; false when another request used it first. */
  consumeCode(tx: Tx, codeId: string, now: Date): Promise<boolean> {
    return this.repo.consume(tx, codeId, now);
  }

  /**
   * The account whose verified number this is, or null. Looked up through the codes sent to the number (by
   * its keyed hash, indexed), then each candidate's stored number decrypted and compared: only accounts that
   * asked a code for this number are read. Of several, the latest to verify it (a number given up and handed
   * to someone else by the carrier belongs to its newest verifier).
   */
  async ownerOfVerified(phone: string): Promise<string | null> {
    const candidates = await this.repo.verifiedCandidates(this.crypto.hashPhone(phone));
    return candidates.find((c) => this.decrypt(c.encrypted) === phone)?.userId ?? null;
  }

  async remove(userId: string): Promise<void> {
    await this.users.removePhone(userId);
  }

  async setConsent(userId: string, consent: boolean): Promise<PhoneStatus> {
    if (!(await this.users.setSmsConsent(userId, consent))) {
      throw new ConflictError('PHONE_NOT_VERIFIED', 'Verify a phone number first');
    }
    return this.status(userId);
  }

  async status(userId: string): Promise<PhoneStatus> {
    const row = await this.repo.phoneOf(userId);
    if (!row) throw new NotFoundError('USER_NOT_FOUND', 'User not found');
    return this.statusOf(row.encrypted, row.verifiedAt, row.smsConsent);
  }

  /** For GET /api/me and the SMS sender: the masked number of a stored one. */
  statusOf(encrypted: string | null, verifiedAt: Date | null, smsConsent: boolean): PhoneStatus {
    const phone = encrypted && verifiedAt ? this.decrypt(encrypted) : null;
    return { phone: phone ? maskPhone(phone) : null, phoneVerified: phone !== null, smsConsent };
  }

  /** The number in clear, for sending; null when it cannot be read (e.g. the key was changed). */
  decrypt(encrypted: string): string | null {
    try {
      return this.crypto.decrypt(encrypted);
    } catch {
      return null;
    }
  }

  /** The keyed hash of a number (the per-number limits of texts count by it). */
  hashOf(phone: string): string {
    return this.crypto.hashPhone(phone);
  }
}
