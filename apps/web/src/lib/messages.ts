import type { ErrorCode } from '@erun/contracts';
import { ApiError } from './api-error.ts';

/** A translatable message: an i18n key with its interpolation values. */
export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * The message of each server code (the contract's ERROR_CODES): a code added there does not compile until it has
 * one here. Codes a person can do nothing about (a bug on either side) show the generic message.
 */
const ERROR_KEYS: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'errors.validationFailed',
  BAD_REQUEST: 'errors.unknown',
  METHOD_NOT_ALLOWED: 'errors.unknown',
  NOT_ACCEPTABLE: 'errors.unknown',
  ROUTE_NOT_FOUND: 'errors.unknown',
  INTERNAL_ERROR: 'errors.unknown',
  RATE_LIMITED: 'errors.rateLimitedSoon',
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
  UPLOAD_NOT_FOUND: 'errors.uploadNotFound',
  RUN_NOT_FOUND: 'errors.runNotFound',
  NOT_HOST: 'errors.notHost',
  RUN_STARTED: 'errors.runStarted',
  ALREADY_JOINED: 'errors.alreadyJoined',
  JOIN_CLOSED: 'errors.joinClosed',
  HOST_CANNOT_LEAVE: 'errors.hostCannotLeave',
  REMOVED_BY_HOST: 'errors.removedByHost',
  CAPACITY_BELOW_PARTICIPANTS: 'errors.capacityBelowParticipants',
  PACE_GROUP_FULL: 'errors.paceGroupFull',
  PACE_GROUP_NOT_FOUND: 'errors.paceGroupNotFound',
  PACE_GROUP_NOT_EMPTY: 'errors.paceGroupNotEmpty',
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
  CALENDAR_NOT_FOUND: 'errors.calendarNotFound',
  PHONE_CODE_INVALID: 'errors.phoneCodeInvalid',
  PHONE_CODE_EXPIRED: 'errors.phoneCodeExpired',
  PHONE_RESEND_TOO_SOON: 'errors.phoneResendTooSoon',
  PHONE_NOT_VERIFIED: 'errors.phoneNotVerified',
  RESET_TOKEN_INVALID: 'errors.resetTokenInvalid',
  CURRENT_PASSWORD_WRONG: 'errors.currentPasswordWrong',
  LAST_SIGN_IN_METHOD: 'errors.lastSignInMethod',
  OAUTH_ACCOUNT_IN_USE: 'errors.oauthAccountInUse',
  PUSH_NOT_CONFIGURED: 'errors.pushNotConfigured',
  PUSH_SUBSCRIPTION_TAKEN: 'errors.pushSubscriptionTaken',
  EMAIL_ALREADY_VERIFIED: 'errors.emailAlreadyVerified',
  EMAIL_UNCHANGED: 'errors.emailUnchanged',
  VERIFICATION_TOKEN_INVALID: 'errors.verificationTokenInvalid',
  CONSENT_REQUIRED: 'errors.consentRequired',
  SESSION_NOT_FOUND: 'errors.sessionNotFound',
  CREW_NOT_FOUND: 'errors.crewNotFound',
  CREW_NAME_TAKEN: 'errors.crewNameTaken',
  ALREADY_MEMBER: 'errors.alreadyMember',
  ALREADY_REQUESTED: 'errors.alreadyRequested',
  CREW_BANNED: 'errors.crewBanned',
  INVITE_ONLY: 'errors.inviteOnly',
  INVITE_INVALID: 'errors.inviteInvalid',
  OWNER_MUST_HAND_OVER: 'errors.ownerMustHandOver',
  NOT_CREW_STAFF: 'errors.notCrewStaff',
  NOT_CREW_OWNER: 'errors.notCrewOwner',
  NOT_CREW_MEMBER: 'errors.notCrewMember',
  MEMBER_NOT_FOUND: 'errors.memberNotFound',
  ANNOUNCEMENT_NOT_FOUND: 'errors.announcementNotFound',
  SERIES_NOT_FOUND: 'errors.seriesNotFound',
  SERIES_ENDED: 'errors.seriesEnded',
  CREW_MEMBERS_ONLY: 'errors.crewMembersOnly',
  GUEST_SEATS_FULL: 'errors.guestSeatsFull',
  ALREADY_REPORTED: 'errors.alreadyReported',
  REPORT_NOT_FOUND: 'errors.reportNotFound',
  CANNOT_BLOCK_SELF: 'errors.cannotBlockSelf',
  JOIN_NOT_ALLOWED: 'errors.joinNotAllowed',
  ACCOUNT_SUSPENDED: 'errors.accountSuspended',
  NOT_MODERATOR: 'errors.notModerator',
  WOMEN_ONLY: 'errors.womenOnly',
  ATTENDANCE_RATE_TOO_LOW: 'errors.attendanceRateTooLow',
  DISPUTE_EXISTS: 'errors.disputeExists',
  DISPUTE_NOT_ALLOWED: 'errors.disputeNotAllowed',
  DISPUTE_NOT_FOUND: 'errors.disputeNotFound',
  SEAT_OFFER_EXPIRED: 'errors.seatOfferExpired',
  SEAT_OFFER_NOT_FOUND: 'errors.seatOfferNotFound',
  SAVED_SEARCHES_FULL: 'errors.savedSearchesFull',
  SAVED_SEARCH_NOT_FOUND: 'errors.savedSearchNotFound',
};

/** Codes the web client makes itself (no network) or that forms know, outside the contract's ERROR_CODES. */
const CLIENT_ERROR_KEYS: Record<string, string> = {
  NETWORK_ERROR: 'errors.network',
  START_TOO_SOON: 'validation.startsAt.tooSoon',
  HOST_CANNOT_JOIN: 'errors.hostCannotJoin',
};

function errorKey(code: string): string {
  const keys: Record<string, string> = Object.hasOwn(ERROR_KEYS, code) ? ERROR_KEYS : CLIENT_ERROR_KEYS;
  return (Object.hasOwn(keys, code) ? keys[code] : undefined) ?? 'errors.unknown';
}

/** The message to show for a failed call, chosen by the error's code (never the server's English text). */
export function errorMessage(error: unknown): Message {
  if (!(error instanceof ApiError)) return { key: 'errors.unknown' };
  if (error.code === 'RATE_LIMITED') {
    return error.retryAfter === null
      ? { key: 'errors.rateLimitedSoon' }
      : { key: 'errors.rateLimited', values: { seconds: error.retryAfter } };
  }
  return { key: errorKey(error.code) };
}
