import type { MailTemplate } from './layout.ts';
import { emailChanged } from './email-changed.ts';
import { emailChange, emailVerification } from './email-verification.ts';
import { newSignIn } from './new-sign-in.ts';
import { passwordChanged } from './password-changed.ts';
import { signupAttempt } from './signup-attempt.ts';
import { passwordReset } from './password-reset.ts';

/**
 * Every mail the app sends, by name (the `template` column of the outbox). A feature adds its templates in
 * its own file here and lists them below; the data each needs is typed from its function.
 */
export const MAIL_TEMPLATES = {
  password_changed: passwordChanged,
  email_verification: emailVerification,
  email_change: emailChange,
  email_changed: emailChanged,
  signup_attempt: signupAttempt,
  password_reset: passwordReset,
  new_sign_in: newSignIn,
} satisfies Record<string, MailTemplate<never>>;

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;
export type MailData<K extends MailTemplateName> = Parameters<(typeof MAIL_TEMPLATES)[K]>[0];
