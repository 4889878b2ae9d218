import type { Image, Theme } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Carousel } from '../../../../components/carousel.tsx';
import { themeImage } from '../run-card.tsx';
import styles from './run-detail.module.css';

/** The run's photos, swipeable; the theme's picture when there are none. */
export function RunGallery({ photos, theme, title }: { photos: Image[]; theme: Theme; title: string }) {
  const { t } = useTranslation();
  if (photos.length === 0) {
    return (
      <div className={styles.gallery}>
        <img src={themeImage(theme)} alt="" className={styles.photo} />
      </div>
    );
  }
  return (
    <Carousel label={t('runDetail.photos', { title })} className={styles.gallery}>
      {photos.map((photo, index) => (
        <img
          key={photo.id}
          src={photo.urls.medium}
          srcSet={`${photo.urls.small} 400w, ${photo.urls.medium} 800w, ${photo.urls.large} 1600w`}
          sizes="(min-width: 1024px) 700px, 100vw"
          alt={t('runDetail.photoAlt', { title, n: index + 1 })}
          className={styles.photo}
          loading={index === 0 ? 'eager' : 'lazy'}
        />
      ))}
    </Carousel>
  );
}
