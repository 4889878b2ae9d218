import { useSyncExternalStore } from 'react';
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
  /** The page's path (`/runs/<id>`): made absolute on this origin when shared (the server renders it too). */
  path: string;
  /** Absolute or same-site URL of the picture on the Kakao card. */
  imageUrl: string;
}

/** Copy the link, the phone's share sheet (Web Share API), and Kakao when the server has a key for it. */
const never = () => () => undefined;

export function ShareActions({ title, text, path, imageUrl }: ShareActionsProps) {
  const { t } = useTranslation();
  const notify = useNotice();
  const config = useClientConfig();

  // The Web Share API is the browser's: a server-rendered page has no such button until hydrated (ADR 023).
  const canShare = useSyncExternalStore(
    never,
    () => typeof navigator.share === 'function',
    () => false,
  );
  const absolute = (relative: string) => new URL(relative, window.location.origin).toString();

  const copy = async () => {
    const url = absolute(path);
    try {
      await navigator.clipboard.writeText(url);
      notify(t('share.copied'));
    } catch {
      notify(t('share.copyFailed', { url }), 'error');
    }
  };

  const share = async () => {
    try {
      await navigator.share({ title, text, url: absolute(path) });
    } catch {
      // Closing the share sheet rejects too; nothing to tell.
    }
  };

  const kakao = async (key: string) => {
    try {
      await shareWithKakao(key, {
        title,
        description: text,
        imageUrl: absolute(imageUrl),
        url: absolute(path),
        buttonTitle: t('share.kakaoButton'),
      });
    } catch {
      notify(t('share.kakaoFailed'), 'error');
    }
  };

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
