import type { Image, Theme } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { PhotoGallery } from '../../../../components/photo-gallery.tsx';
import { themeImage } from '../run-card.tsx';

/** The run's photos, swipeable; the theme's picture when there are none. */
export function RunGallery({ photos, theme, title }: { photos: Image[]; theme: Theme; title: string }) {
  const { t } = useTranslation();
  return (
    <PhotoGallery
      photos={photos}
      label={t('runDetail.photos', { title })}
      altOf={(n) => t('runDetail.photoAlt', { title, n })}
      fallbackSrc={themeImage(theme)}
    />
  );
}
