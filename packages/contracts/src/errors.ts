import { z } from 'zod';

/**
 * Every `code` the server answers with. The server's `AppError` takes only these (an unknown code does not
 * compile), and the web's translation test checks each has a message in Korean and English.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'INVALID_TOKEN',
  'FORBIDDEN',
  'NOT_FOUND',
  'USER_NOT_FOUND',
  'UPLOAD_NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'EMAIL_TAKEN',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'IMAGE_TOO_LARGE',
  'UPLOAD_QUOTA_EXCEEDED',
  'RATE_LIMITED',
  'OAUTH_STATE_MISMATCH',
  'OAUTH_FAILED',
  'PROVIDER_NOT_CONFIGURED',
  'RUN_NOT_FOUND',
  'NOT_HOST',
  'RUN_STARTED',
  'ALREADY_JOINED',
  'JOIN_CLOSED',
  'HOST_CANNOT_LEAVE',
  'REMOVED_BY_HOST',
  'NOT_JOINED',
  'CAPACITY_BELOW_PARTICIPANTS',
  'PHOTO_IN_USE',
  'COURSE_NOT_FOUND',
  'NOT_AUTHOR',
  'OWN_COURSE',
  'COMMENT_NOT_FOUND',
  'REVIEW_EXISTS',
  'OUTSIDE_WINDOW',
  'NOT_PRESENT',
  'ABSENT_BEFORE_START',
  'REVIEWER_STAYS_PRESENT',
  'CHAT_CLOSED',
  'CALENDAR_NOT_FOUND',
  'PHONE_CODE_INVALID',
  'PHONE_CODE_EXPIRED',
  'PHONE_RESEND_TOO_SOON',
  'PHONE_NOT_VERIFIED',
  'RESET_TOKEN_INVALID',
  'CURRENT_PASSWORD_WRONG',
  'LAST_SIGN_IN_METHOD',
  'OAUTH_ACCOUNT_IN_USE',
  'PUSH_NOT_CONFIGURED',
  'PUSH_SUBSCRIPTION_TAKEN',
  'SESSION_NOT_FOUND',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
  'INSUFFICIENT_STORAGE',
  'EMAIL_ALREADY_VERIFIED',
  'EMAIL_UNCHANGED',
  'VERIFICATION_TOKEN_INVALID',
  'CONSENT_REQUIRED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>;

/** The one error body of every failed API call (DESIGN.md). `code` is stable; `message` is for people. */
export const ErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(ErrorIssueSchema).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
