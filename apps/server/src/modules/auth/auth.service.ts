import { randomUUID } from 'node:crypto';
import type { Login, Me, Signup } from '@erun/contracts';
import { ConflictError, isUniqueViolation, NotFoundError, UnauthorizedError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { ConsentsService } from '../consents/consents.service.ts';
import type { UsersService } from '../users/users.service.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { AuthRepository } from './auth.repository.ts';
import type { EmailService } from './email.service.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { REFRESH_RETRY_GRACE_MS, REFRESH_TOKEN_TTL_MS } from './refresh-tokens.ts';
import { hashSecretToken, newSecretToken, successorToken } from './secret-tokens.ts';
import type { RequestContext, SessionsService } from './sessions.service.ts';

export interface Session {
  accessToken: string;
  refreshToken: string;
}

export interface SignedIn extends Session {
  user: Me;
}

export interface ProviderProfile {
  provider: 'kakao' | 'naver';
  providerUserId: string;
  nickname: string;
}

export class AuthService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly tokens: AccessTokens,
    private readonly users: UsersService,
    private readonly clock: Clock,
    /** Ends the user's open sockets on every process. */
    private readonly disconnect: (userId: string) => void,
    private readonly uow: UnitOfWork,
    /** The sign-up's verification link, and the word to an address's owner when it is taken. */
    private readonly email: EmailService,
    private readonly consents: Pick<ConsentsService, 'recordSignup'>,
    /** Signed-in devices: every sign-in starts one, every refresh touches it. */
    private readonly sessions: SessionsService,
    /** A session of the user was signed out: every process forgets what it knew of it (ADR 024). */
    private readonly sessionEnded: (userId: string) => void,
    /** The server's key a rotated refresh token's successor is derived with (ADR 027). */
    private readonly successorKey: string,
  ) {}

  /**
   * One step: the account and its verification link are made together (the link is mailed once committed).
   * A taken address answers 409 and its owner is told (at most once a day). `emailVerified` is for accounts
   * whose address is known to be theirs (the demo data): no link is sent.
   */
  async signup(
    input: Signup,
    context: RequestContext,
    options: { emailVerified?: boolean } = {},
  ): Promise<SignedIn> {
    const passwordHash = await hashPassword(input.password);
    // The account, what its owner agreed to and its verification link are made together (the link is
    // mailed once committed): none exists without the others.
    const values = { email: input.email, passwordHash, nickname: input.nickname, locale: input.locale };
    const user = await this.uow
      .run(async (tx) => {
        const created = await this.users.create(tx, values);
        await this.consents.recordSignup(tx, created.id, input.consents);
        if (options.emailVerified) await this.users.markEmailVerified(tx, created.id, this.clock.now());
        else await this.email.sendVerification(tx, { ...created, email: input.email });
        return created;
      })
      .catch(async (error: unknown) => {
        if (isUniqueViolation(error, 'users_email_key')) {
          await this.email.tellOwnerOfSignupAttempt(input.email);
          throw new ConflictError('EMAIL_TAKEN', 'This email is already registered');
        }
        throw error;
      });
    return this.signedIn(user.id, await this.startSession(user.id, context));
  }

  async login(input: Login, context: RequestContext): Promise<SignedIn> {
    const user = await this.repo.findUserByEmail(input.email);
    const ok = await verifyPassword(user?.passwordHash, input.password);
    if (!user || !ok) throw new UnauthorizedError('INVALID_CREDENTIALS', 'Email or password is incorrect');
    return this.signedIn(user.id, await this.startSession(user.id, context));
  }

  /**
   * Rotates the refresh token: it is marked used and its successor stored, together. A token presented again is
   * a stolen one and its whole family is revoked, with one exception (ADR 027): within REFRESH_RETRY_GRACE_MS
   * of its rotation, while its successor is still unused, it is a retry whose answer was lost (a phone losing
   * its network, a page left mid-refresh), and it gets the same successor again — never a second live token.
   */
  async refresh(refreshToken: string | undefined, context: RequestContext): Promise<Session> {
    const invalid = new UnauthorizedError('INVALID_TOKEN', 'Session expired; sign in again');
    if (!refreshToken) throw invalid;
    const tokenHash = hashSecretToken(refreshToken);
    const found = await this.repo.findRefreshToken(tokenHash);
    const now = this.clock.now();
    if (!found || found.revokedAt || found.expiresAt <= now) throw invalid;
    const successor = successorToken(this.successorKey, refreshToken);
    const successorHash = hashSecretToken(successor);
    const rotated =
      !found.rotatedAt &&
      (await this.uow.run(async (tx) => {
        if (!(await this.repo.markRotated(found.id, now, tx))) return false;
        await this.repo.insertRefreshToken(
          {
            userId: found.userId,
            familyId: found.familyId,
            tokenHash: successorHash,
            expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
          },
          tx,
        );
        return true;
      }));
    if (!rotated) {
      // Rotated before: by an earlier request (a retry?) or a concurrent one that won (it has committed).
      const row = found.rotatedAt ? found : await this.repo.findRefreshToken(tokenHash);
      const rotatedAt = row?.rotatedAt?.getTime() ?? now.getTime();
      const retry =
        row !== undefined &&
        !row.revokedAt &&
        now.getTime() - rotatedAt <= REFRESH_RETRY_GRACE_MS &&
        (await this.repo.isLiveToken(successorHash, found.familyId, now));
      if (!retry) {
        await this.repo.revokeFamily(found.familyId, now);
        this.sessionEnded(found.userId);
        throw invalid;
      }
    }
    await this.sessions.touch(found.familyId, context);
    return {
      accessToken: await this.tokens.issue(found.userId, found.familyId),
      refreshToken: successor,
    };
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const row = await this.repo.findRefreshToken(hashSecretToken(refreshToken));
    if (!row) return;
    await this.repo.revokeFamily(row.familyId, this.clock.now());
    this.sessionEnded(row.userId);
  }

  /**
   * Revokes every refresh token and disconnects the user's sockets everywhere: a browser's socket reconnects
   * only with a refreshed token, which it can no longer get. (An access token already issued still works for
   * HTTP and a handshake until it expires, ≤ 15 minutes, like every bearer token.)
   */
  async logoutEverywhere(userId: string): Promise<void> {
    await this.repo.revokeAllOfUser(userId, this.clock.now());
    this.disconnect(userId);
  }

  /**
   * Signs out every session of the user in the caller's unit of work (a password reset or change); their
   * sockets are disconnected once it commits.
   */
  async revokeAllSessions(tx: Tx, userId: string, except: string | null = null): Promise<void> {
    await this.repo.revokeAllOfUser(userId, this.clock.now(), tx, except);
    tx.afterCommit(() => this.disconnect(userId));
  }

  /** A new session for a user whose identity another flow proved (a password reset): signed in as by login. */
  async signIn(userId: string, context: RequestContext): Promise<SignedIn> {
    return this.signedIn(userId, await this.startSession(userId, context));
  }

  /** Finds the user by provider id or creates one; a new user has yet to onboard. */
  async signInWithProvider(
    profile: ProviderProfile,
    context: RequestContext,
  ): Promise<Session & { userId: string; isNew: boolean }> {
    let userId = await this.repo.findUserIdByProvider(profile.provider, profile.providerUserId);
    let isNew = false;
    if (!userId) {
      // The user and the provider link are made together: neither exists without the other.
      userId = await this.uow
        .run(async (tx) => {
          const id = await this.users.createNamed(tx, profile.nickname);
          await this.repo.linkNew(tx, profile.provider, profile.providerUserId, id);
          return id;
        })
        .catch(async (error: unknown) => {
          // Two callbacks for the same new account at once: the other one created it.
          const existing = isUniqueViolation(error)
            ? await this.repo.findUserIdByProvider(profile.provider, profile.providerUserId)
            : undefined;
          if (!existing) throw error;
          return existing;
        });
      isNew = true;
    }
    return { ...(await this.startSession(userId, context)), userId, isNew };
  }

  /** Deleted accounts, and sessions signed out, are refused at once, whatever access token they still hold. */
  isActive(userId: string, sessionId: string | null = null): Promise<boolean> {
    return this.repo.isActive(userId, sessionId);
  }

  /** Whether the password is the user's (the re-check before deleting an account). */
  async checkPassword(userId: string, password: string): Promise<boolean> {
    const user = await this.repo.findUserById(userId);
    return verifyPassword(user?.passwordHash, password);
  }

  /** Links a Kakao or Naver account to a signed-in user (the link flow's callback). */
  async linkProvider(userId: string, profile: ProviderProfile): Promise<void> {
    if (!(await this.repo.isActive(userId))) throw new UnauthorizedError();
    const result = await this.repo.link(userId, profile.provider, profile.providerUserId);
    if (result === 'in_use') {
      throw new ConflictError('OAUTH_ACCOUNT_IN_USE', 'This account already signs in to another user');
    }
    if (result === 'provider_taken') {
      throw new ConflictError(
        'OAUTH_ACCOUNT_IN_USE',
        `Another ${profile.provider} account is linked already`,
      );
    }
  }

  /** Unlinks a provider, never the last way in (a password or another provider must remain). */
  async unlinkProvider(userId: string, provider: string): Promise<void> {
    const result = await this.repo.unlink(userId, provider);
    if (result === 'not_linked') throw new NotFoundError('NOT_FOUND', `${provider} is not linked`);
    if (result === 'last') {
      throw new ConflictError('LAST_SIGN_IN_METHOD', 'This is your only way to sign in');
    }
  }

  async purgeExpiredTokens(): Promise<number> {
    return (await this.repo.deleteExpiredTokens(this.clock.now())) + (await this.sessions.purge());
  }

  /** A sign-in: a new refresh-token family, recorded as a session of this device. */
  private async startSession(userId: string, context: RequestContext): Promise<Session> {
    const familyId = randomUUID();
    await this.sessions.begin(familyId, userId, context);
    return this.issue(userId, familyId);
  }

  private async issue(userId: string, familyId: string): Promise<Session> {
    const refreshToken = newSecretToken();
    await this.repo.insertRefreshToken({
      userId,
      familyId,
      tokenHash: hashSecretToken(refreshToken),
      expiresAt: new Date(this.clock.now().getTime() + REFRESH_TOKEN_TTL_MS),
    });
    return { accessToken: await this.tokens.issue(userId, familyId), refreshToken };
  }

  private async signedIn(userId: string, session: Session): Promise<SignedIn> {
    return { ...session, user: await this.users.getMe(userId) };
  }
}
