import { z } from 'zod';
import { EmailSchema, PASSWORD, PasswordSchema } from './auth.ts';
import { PhoneNumberSchema, PhoneVerificationConfirmSchema } from './notification-channels.ts';

/** A reset link's lifetime (issue 15). */
export const RESET_TOKEN_TTL_MINUTES = 30;

/** "비밀번호를 잊으셨나요?": the address to send a reset link to. */
export const PasswordResetRequestSchema = z.object({ email: EmailSchema }).strict();
export type PasswordResetRequest = z.input<typeof PasswordResetRequestSchema>;

/**
 * 202 to a reset request, the same whether or not an account has the address or the number: when another may
 * be asked for (and, for a text, when the code would expire).
 */
export const PasswordResetRequestedSchema = z.object({ resendAt: z.iso.datetime({ offset: true }) });
export type PasswordResetRequested = z.infer<typeof PasswordResetRequestedSchema>;

/** The token of the mailed link and the new password. */
export const PasswordResetConfirmSchema = z
  .object({
    token: z.string().trim().min(1, { message: 'reset.tokenMissing' }).max(200),
    password: PasswordSchema,
  })
  .strict();
export type PasswordResetConfirm = z.input<typeof PasswordResetConfirmSchema>;

export const PasswordResetPhoneRequestSchema = z.object({ phone: PhoneNumberSchema }).strict();
export type PasswordResetPhoneRequest = z.input<typeof PasswordResetPhoneRequestSchema>;

export const PasswordResetPhoneSentSchema = PasswordResetRequestedSchema.extend({
  expiresAt: z.iso.datetime({ offset: true }),
});
export type PasswordResetPhoneSent = z.infer<typeof PasswordResetPhoneSentSchema>;

export const PasswordResetPhoneConfirmSchema = PhoneVerificationConfirmSchema.extend({
  password: PasswordSchema,
}).strict();
export type PasswordResetPhoneConfirm = z.input<typeof PasswordResetPhoneConfirmSchema>;

/**
 * PUT /api/me/password. `currentPassword` may be left out (or empty) only by an account without a password
 * (Kakao/Naver only), which sets its first one.
 */
export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().max(PASSWORD.max).optional(),
    password: PasswordSchema,
  })
  .strict();
export type ChangePassword = z.input<typeof ChangePasswordSchema>;
