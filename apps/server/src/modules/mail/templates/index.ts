import type { MailTemplate } from './layout.ts';
import { newSignIn } from './new-sign-in.ts';
import { passwordChanged } from './password-changed.ts';

/**
 * Every mail the app sends, by name (the `template` column of the outbox). A feature adds its templates in
 * its own file here and lists them below; the data each needs is typed from its function.
 */
export const MAIL_TEMPLATES = {
  password_changed: passwordChanged,
  new_sign_in: newSignIn,
} satisfies Record<string, MailTemplate<never>>;

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;
export type MailData<K extends MailTemplateName> = Parameters<(typeof MAIL_TEMPLATES)[K]>[0];
