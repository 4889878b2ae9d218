import { z } from 'zod';
import { EmailSchema, PASSWORD } from './auth.ts';

/**
 * The account's email address (issue 15): verification by a link, a change of address (verified before it
 * replaces the old one) and the sign-up form's 중복확인.
 */

/** How long a verification or change link works. */
export const EMAIL_LINK_TTL_HOURS = 24;
/** Links of one kind one account may be sent: one a minute, five in any 24 hours (the sign-up's included). */
export const EMAIL_LINK_LIMITS = { resendAfterSeconds: 60, perDay: 5 } as const;

/** The link's secret: 32 random bytes, base64url (43 characters). */
export const EmailTokenSchema = z
  .string()
  .min(32, { message: 'token.invalid' })
  .max(128, { message: 'token.invalid' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'token.invalid' });

/** `POST /api/auth/email-verification/confirm`: a verification or change link's token. */
export const ConfirmEmailTokenSchema = z.object({ token: EmailTokenSchema });
export type ConfirmEmailToken = z.infer<typeof ConfirmEmailTokenSchema>;

/** The answer of a link sent (202): where it went, and when another may be asked for. */
export const EmailLinkSentSchema = z.object({
  email: z.string(),
  resendAt: z.iso.datetime({ offset: true }),
});
export type EmailLinkSent = z.infer<typeof EmailLinkSentSchema>;

/** `PUT /api/me/email`: the new address; the current password when the account has one. */
export const ChangeEmailSchema = z.object({
  email: EmailSchema,
  currentPassword: z.string().max(PASSWORD.max).optional(),
});
export type ChangeEmail = z.infer<typeof ChangeEmailSchema>;

/** `GET /api/auth/email-availability?email=` (중복확인, limited per IP). */
export const EmailAvailabilityQuerySchema = z.object({ email: EmailSchema });
export type EmailAvailabilityQuery = z.infer<typeof EmailAvailabilityQuerySchema>;

export const EmailAvailabilitySchema = z.object({ available: z.boolean() });
export type EmailAvailability = z.infer<typeof EmailAvailabilitySchema>;
