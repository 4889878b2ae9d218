import { useTranslation } from 'react-i18next';
import { useAuthProviders } from '../api/get-auth-providers.ts';
import styles from './auth-form.module.css';

/**
 * Kakao / Naver sign-in, shown only for providers this deployment configured. Plain links: the server runs
 * the OAuth dance and comes back to the app with the refresh cookie set.
 */
function KakaoMark() {
  return (
    <svg className={styles.providerMark} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path
        fill="currentColor"
        d="M12 4C6.5 4 2 7.4 2 11.6c0 2.7 1.8 5 4.6 6.4l-1 3.6 4.1-2.7c.8.1 1.5.2 2.3.2 5.5 0 10-3.4 10-7.6S17.5 4 12 4z"
      />
    </svg>
  );
}

function NaverMark() {
  return (
    <svg className={styles.providerMark} viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path fill="currentColor" d="M15.6 12.8 8.1 2H2v20h6.4V11.2L15.9 22H22V2h-6.4z" />
    </svg>
  );
}

export function SocialLogin() {
  const { t } = useTranslation();
  const { data } = useAuthProviders();
  if (!data || (!data.kakao && !data.naver)) return null;
  return (
    <div className={styles.social}>
      <p className={styles.divider}>
        <span>{t('auth.social.or')}</span>
      </p>
      {data.kakao && (
        <a className={`${styles.provider} ${styles.kakao}`} href="/api/auth/kakao/start">
          <KakaoMark />
          {t('auth.social.kakao')}
        </a>
      )}
      {data.naver && (
        <a className={`${styles.provider} ${styles.naver}`} href="/api/auth/naver/start">
          <NaverMark />
          {t('auth.social.naver')}
        </a>
      )}
    </div>
  );
}
