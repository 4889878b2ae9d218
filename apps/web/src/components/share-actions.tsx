import { useTranslation } from 'react-i18next';
import { useClientConfig } from '../lib/app-config.ts';
import { shareWithKakao } from '../lib/kakao.ts';
import { Button } from './button.tsx';
import { LinkIcon, ShareIcon } from './icons.tsx';
import { useNotice } from './notice/notice-context.ts';
import styles from './share-actions.module.css';

interface ShareActionsProps {
  title: string;
  /** One line under the title in share sheets and the Kakao card. */
  text: string;
  /** Absolute URL of the page. */
  url: string;
  /** Absolute or same-site URL of the picture on the Kakao card. */
  imageUrl: string;
}

/** Copy the link, the phone's share sheet (Web Share API), and Kakao when the server has a key for it. */
export function ShareActions({ title, text, url, imageUrl }: ShareActionsProps) {
  const { t } = useTranslation();
  const notify = useNotice();
  const config = useClientConfig();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify(t('share.copied'));
    } catch {
      notify(t('share.copyFailed', { url }), 'error');
    }
  };

  const share = async () => {
    try {
      await navigator.share({ title, text, url });
    } catch {
      // Closing the share sheet rejects too; nothing to tell.
    }
  };

  const kakao = async (key: string) => {
    try {
      await shareWithKakao(key, {
        title,
        description: text,
        imageUrl: new URL(imageUrl, window.location.origin).toString(),
        url,
        buttonTitle: t('share.kakaoButton'),
      });
    } catch {
      notify(t('share.kakaoFailed'), 'error');
    }
  };

  const canShare = typeof navigator.share === 'function';
  return (
    <div className={styles.share} role="group" aria-label={t('share.label')}>
      <Button variant="outline" size="sm" onClick={() => void copy()}>
        <LinkIcon width={18} height={18} />
        {t('share.copy')}
      </Button>
      {canShare && (
        <Button variant="outline" size="sm" onClick={() => void share()}>
          <ShareIcon width={18} height={18} />
          {t('share.native')}
        </Button>
      )}
      {config.kakaoJsKey && (
        <Button size="sm" className={styles.kakao} onClick={() => void kakao(config.kakaoJsKey ?? '')}>
          {t('share.kakao')}
        </Button>
      )}
    </div>
  );
}
