import { z } from 'zod';
import { LocaleSchema } from './common.ts';
import { SignupConsentsSchema } from './consents.ts';
import { MeSchema, NicknameSchema } from './users.ts';

export const PASSWORD = { min: 8, max: 128 } as const;

/** Character classes a password may mix; "not all one class" means two or more of them. */
const PASSWORD_CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Lo}/u, /\p{N}/u, /[^\p{L}\p{N}]/u];

export function passwordClassCount(password: string): number {
  return PASSWORD_CLASSES.filter((c) => c.test(password)).length;
}

export const PasswordSchema = z
  .string()
  .min(PASSWORD.min, { message: 'password.tooShort' })
  .max(PASSWORD.max, { message: 'password.tooLong' })
  .refine((p) => passwordClassCount(p) >= 2, { message: 'password.oneClass' });

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'email.invalid' })
  .pipe(z.email({ message: 'email.invalid' }));

export const SignupSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  nickname: NicknameSchema,
  /** The language of the mail the account receives (the app's language at sign-up); Korean when absent. */
  locale: LocaleSchema.optional(),
  /** Terms, privacy policy and age 14+ are required; marketing is optional (issue 15). */
  consents: SignupConsentsSchema,
});
export type Signup = z.infer<typeof SignupSchema>;

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, { message: 'password.required' }).max(PASSWORD.max),
});
export type Login = z.infer<typeof LoginSchema>;

export const AuthResponseSchema = z.object({ accessToken: z.string(), user: MeSchema });
export type AuthResponse = z.infer<typeof AuthResponseSchema>;

/**
 * A new access token, or null when the request carried no refresh cookie at all: a guest's session check is an
 * answer, not an error (a cookie that was sent but is expired, revoked or unknown is still a 401).
 */
export const RefreshResponseSchema = z.object({ accessToken: z.string().nullable() });
export type RefreshResponse = z.infer<typeof RefreshResponseSchema>;

/** Which sign-in methods this deployment offers (the web app shows only these buttons). */
export const AuthProvidersSchema = z.object({ kakao: z.boolean(), naver: z.boolean() });
export type AuthProviders = z.infer<typeof AuthProvidersSchema>;
