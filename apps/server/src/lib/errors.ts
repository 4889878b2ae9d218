import type { ErrorCode, ErrorIssue } from '@erun/contracts';

/** Errors services throw; the one error handler turns them into the error body. Codes are the contract's. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, issues?: ErrorIssue[]) {
    super(400, 'VALIDATION_FAILED', message, issues);
  }
}

export class UnauthorizedError extends AppError {
  constructor(code: ErrorCode = 'UNAUTHENTICATED', message = 'Sign-in required') {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(code: ErrorCode = 'FORBIDDEN', message = 'Not allowed') {
    super(403, code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(code: ErrorCode = 'NOT_FOUND', message = 'Not found') {
    super(404, code, message);
  }
}

export class ConflictError extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(409, code, message);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message = 'Payload too large', code: ErrorCode = 'PAYLOAD_TOO_LARGE') {
    super(413, code, message);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(message = 'Unsupported media type') {
    super(415, 'UNSUPPORTED_MEDIA_TYPE', message);
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSec: number) {
    super(429, 'RATE_LIMITED', `Too many requests; retry in ${retryAfterSec} s`, undefined, {
      'retry-after': String(retryAfterSec),
    });
  }
}

/** A per-user allowance used up (uploads a day…): 429 with its own code and reason, and Retry-After. */
export class QuotaExceededError extends AppError {
  constructor(code: ErrorCode, message: string, retryAfterSec: number) {
    super(429, code, message, undefined, { 'retry-after': String(retryAfterSec) });
  }
}

/** PostgreSQL foreign_key_violation (a referenced row is gone), whether raised directly or wrapped by Drizzle. */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23503') return true;
  }
  return false;
}

/** PostgreSQL unique_violation, whether raised directly (pg) or wrapped by Drizzle. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pgError = e as { code?: unknown; constraint?: unknown };
    if (pgError.code === '23505') return constraint === undefined || pgError.constraint === constraint;
  }
  return false;
}
