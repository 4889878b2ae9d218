import { z } from 'zod';
import { OAuthProviderSchema } from './users.ts';

/** `GET /api/me/connections`: how I can sign in, and which providers this deployment offers. */
export const ConnectionsSchema = z.object({
  hasPassword: z.boolean(),
  email: z.string().nullable(),
  providers: z.array(OAuthProviderSchema),
  available: z.object({ kakao: z.boolean(), naver: z.boolean() }),
});
export type Connections = z.infer<typeof ConnectionsSchema>;

/**
 * `POST /api/me/connections/:provider`: starts linking. The answer sets the (signed, httpOnly) OAuth state
 * cookie for this browser and gives the provider's authorization URL to navigate to; the callback links the
 * provider account to me and lands on `/me/settings?connected=<provider>` or `?error=<CODE>`.
 */
export const ConnectStartSchema = z.object({ url: z.string() });
export type ConnectStart = z.infer<typeof ConnectStartSchema>;

/**
 * `DELETE /api/me`. Accounts with a password confirm with it (a re-check, so an unattended signed-in tab
 * cannot delete the account); accounts without one type their nickname exactly.
 */
export const DeleteAccountSchema = z
  .object({
    password: z.string().max(200).optional(),
    confirm: z.string().max(50).optional(),
  })
  .strict();
export type DeleteAccount = z.infer<typeof DeleteAccountSchema>;

/** How a deleted account's name appears wherever its content stays (comments, past runs, reviews). */
export const DELETED_USER_NICKNAME = '탈퇴한 사용자';
