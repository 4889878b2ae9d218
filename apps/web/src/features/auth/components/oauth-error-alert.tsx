import { FormAlert } from '../../../components/form-alert.tsx';

const OAUTH_ERROR_KEYS: Record<string, string> = {
  oauth_failed: 'errors.oauthFailed',
  oauth_state: 'errors.oauthState',
};

/** The message for `/login?error=…`, where the server sends a failed Kakao / Naver sign-in. */
export function OAuthErrorAlert({ error }: { error: string | null }) {
  if (error === null) return null;
  return <FormAlert message={{ key: OAUTH_ERROR_KEYS[error] ?? 'errors.oauthFailed' }} />;
}
