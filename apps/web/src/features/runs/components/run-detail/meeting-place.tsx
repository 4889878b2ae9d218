import type { MeetingPlace as Place } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { PinIcon } from '../../../../components/icons.tsx';
import styles from './run-detail.module.css';
import hidden from '../../../../components/visually-hidden.module.css';

export function kakaoMapUrl({ name, lat, lng }: Place): string {
  return `https://map.kakao.com/link/map/${encodeURIComponent(name)},${lat},${lng}`;
}

export function naverMapUrl({ name, lat, lng }: Place): string {
  const params = new URLSearchParams({ slng: String(lng), slat: String(lat), stext: name });
  return `https://map.naver.com/index.nhn?${params.toString()}`;
}

/** Where to meet, with links that open the place in the map apps Koreans use. */
export function MeetingPlace({ place }: { place: Place }) {
  const { t } = useTranslation();
  return (
    <div className={styles.place}>
      <p className={styles.placeName}>
        <PinIcon width={20} height={20} />
        {place.name}
      </p>
      <div className={styles.placeLinks}>
        <a href={kakaoMapUrl(place)} target="_blank" rel="noopener noreferrer" className={styles.mapLink}>
          {t('runDetail.place.kakao')}
          <span className={hidden.srOnly}> {t('common.newWindow')}</span>
        </a>
        <a href={naverMapUrl(place)} target="_blank" rel="noopener noreferrer" className={styles.mapLink}>
          {t('runDetail.place.naver')}
          <span className={hidden.srOnly}> {t('common.newWindow')}</span>
        </a>
      </div>
    </div>
  );
}
