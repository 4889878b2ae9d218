import type { Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { LinkIcon, ShareIcon } from '../../../../components/icons.tsx';
import { useNotice } from '../../../../components/notice/notice-context.ts';
import { formatShortDateTime } from '../../../../lib/datetime.ts';
import { useClientConfig } from '../../api/get-config.ts';
import { shareWithKakao } from '../../utils/kakao.ts';
import { themeImage } from '../run-card.tsx';
import styles from './run-detail.module.css';

/** Copy the link, the phone's share sheet (Web Share API), and Kakao when the server has a key for it. */
export function ShareButtons({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  const notify = useNotice();
  const config = useClientConfig();
  const url = `${window.location.origin}/runs/${run.id}`;
  const when = formatShortDateTime(run.startsAt, i18n.language);
  const text = t('runDetail.share.text', { when, place: run.meetingPlace.name });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify(t('runDetail.share.copied'));
    } catch {
      notify(t('runDetail.share.copyFailed', { url }), 'error');
    }
  };

  const share = async () => {
    try {
      await navigator.share({ title: run.title, text, url });
    } catch {
      // Closing the share sheet rejects too; nothing to tell.
    }
  };

  const kakao = async (key: string) => {
    const image = run.photos[0]?.urls.medium ?? themeImage(run.theme);
    try {
      await shareWithKakao(key, {
        title: run.title,
        description: text,
        imageUrl: new URL(image, window.location.origin).toString(),
        url,
        buttonTitle: t('runDetail.share.kakaoButton'),
      });
    } catch {
      notify(t('runDetail.share.kakaoFailed'), 'error');
    }
  };

  const canShare = typeof navigator.share === 'function';
  return (
    <div className={styles.share} role="group" aria-label={t('runDetail.share.label')}>
      <Button variant="outline" size="sm" onClick={() => void copy()}>
        <LinkIcon width={18} height={18} />
        {t('runDetail.share.copy')}
      </Button>
      {canShare && (
        <Button variant="outline" size="sm" onClick={() => void share()}>
          <ShareIcon width={18} height={18} />
          {t('runDetail.share.native')}
        </Button>
      )}
      {config.kakaoJsKey && (
        <Button size="sm" className={styles.kakao} onClick={() => void kakao(config.kakaoJsKey ?? '')}>
          {t('runDetail.share.kakao')}
        </Button>
      )}
    </div>
  );
}
