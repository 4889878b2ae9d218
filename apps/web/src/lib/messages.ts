import { ApiError } from './api-error.ts';
import { i18n } from './i18n.ts';

/** A translatable message: an i18n key with its interpolation values. */
export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

const ERROR_KEYS: Record<string, string> = {
  VALIDATION_FAILED: 'errors.validationFailed',
  UNAUTHENTICATED: 'errors.unauthenticated',
  INVALID_TOKEN: 'errors.unauthenticated',
  INVALID_CREDENTIALS: 'errors.invalidCredentials',
  FORBIDDEN: 'errors.forbidden',
  NOT_FOUND: 'errors.notFound',
  USER_NOT_FOUND: 'errors.notFound',
  EMAIL_TAKEN: 'errors.emailTaken',
  CONFLICT: 'errors.conflict',
  PAYLOAD_TOO_LARGE: 'errors.payloadTooLarge',
  UNSUPPORTED_MEDIA_TYPE: 'errors.unsupportedMediaType',
  IMAGE_TOO_LARGE: 'errors.imageTooLarge',
  UPLOAD_QUOTA_EXCEEDED: 'errors.uploadQuotaExceeded',
  OAUTH_STATE_MISMATCH: 'errors.oauthState',
  OAUTH_FAILED: 'errors.oauthFailed',
  PROVIDER_NOT_CONFIGURED: 'errors.providerNotConfigured',
  SERVICE_UNAVAILABLE: 'errors.serviceUnavailable',
  INSUFFICIENT_STORAGE: 'errors.insufficientStorage',
  NETWORK_ERROR: 'errors.network',
  UPLOAD_NOT_FOUND: 'errors.uploadNotFound',
  RUN_NOT_FOUND: 'errors.runNotFound',
  START_TOO_SOON: 'validation.startsAt.tooSoon',
  NOT_HOST: 'errors.notHost',
  RUN_STARTED: 'errors.runStarted',
  ALREADY_JOINED: 'errors.alreadyJoined',
  JOIN_CLOSED: 'errors.joinClosed',
  HOST_CANNOT_JOIN: 'errors.hostCannotJoin',
  HOST_CANNOT_LEAVE: 'errors.hostCannotLeave',
  REMOVED_BY_HOST: 'errors.removedByHost',
  CAPACITY_BELOW_PARTICIPANTS: 'errors.capacityBelowParticipants',
  PHOTO_IN_USE: 'errors.photoInUse',
  NOT_JOINED: 'errors.notJoined',
  COURSE_NOT_FOUND: 'errors.courseNotFound',
  NOT_AUTHOR: 'errors.notAuthor',
  OWN_COURSE: 'errors.ownCourse',
  COMMENT_NOT_FOUND: 'errors.commentNotFound',
  REVIEW_EXISTS: 'errors.reviewExists',
  OUTSIDE_WINDOW: 'errors.outsideWindow',
  NOT_PRESENT: 'errors.notPresent',
  ABSENT_BEFORE_START: 'errors.absentBeforeStart',
  REVIEWER_STAYS_PRESENT: 'errors.reviewerStaysPresent',
  CHAT_CLOSED: 'errors.chatClosed',
  PHONE_CODE_INVALID: 'errors.phoneCodeInvalid',
  PHONE_CODE_EXPIRED: 'errors.phoneCodeExpired',
  PHONE_RESEND_TOO_SOON: 'errors.phoneResendTooSoon',
  PHONE_NOT_VERIFIED: 'errors.phoneNotVerified',
  LAST_SIGN_IN_METHOD: 'errors.lastSignInMethod',
  OAUTH_ACCOUNT_IN_USE: 'errors.oauthAccountInUse',
  PUSH_NOT_CONFIGURED: 'errors.pushNotConfigured',
  PUSH_SUBSCRIPTION_TAKEN: 'errors.pushSubscriptionTaken',
};

/** The message to show for a failed call, chosen by the error's code (never the server's English text). */
export function errorMessage(error: unknown): Message {
  if (!(error instanceof ApiError)) return { key: 'errors.unknown' };
  if (error.code === 'RATE_LIMITED') {
    return error.retryAfter === null
      ? { key: 'errors.rateLimitedSoon' }
      : { key: 'errors.rateLimited', values: { seconds: error.retryAfter } };
  }
  return { key: ERROR_KEYS[error.code] ?? 'errors.unknown' };
}

const MESSAGE_KEY = /^[a-zA-Z]+(\.[a-zA-Z]+)+$/;

/**
 * The message of one validation issue, from the client schema or the server's `issues`: the contracts use
 * i18n keys as messages (`password.tooShort`); zod's own issues get a generic message by issue code.
 */
export function issueMessage(issue: { code: string; message: string }): Message {
  if (MESSAGE_KEY.test(issue.message) && i18n.exists(`validation.${issue.message}`)) {
    return { key: `validation.${issue.message}` };
  }
  const generic = `validation.generic.${issue.code}`;
  return { key: i18n.exists(generic) ? generic : 'validation.generic.default' };
}
