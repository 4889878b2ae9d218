import type { Image } from '@erun/contracts';
import { Carousel } from './carousel.tsx';
import styles from './photo-gallery.module.css';

interface PhotoGalleryProps {
  photos: Image[];
  /** Names the carousel, e.g. "한강 10K 사진". */
  label: string;
  /** The alt text of the n-th photo (1-based). */
  altOf: (n: number) => string;
  /** Shown when there are no photos (decorative). */
  fallbackSrc?: string;
  className?: string;
}

/** Photos of a post, swipeable, in the size the screen needs; a fallback picture when there are none. */
export function PhotoGallery({ photos, label, altOf, fallbackSrc, className }: PhotoGalleryProps) {
  if (photos.length === 0) {
    return (
      <div className={`${styles.gallery} ${className ?? ''}`}>
        {fallbackSrc ? (
          <img src={fallbackSrc} alt="" className={styles.photo} />
        ) : (
          <div className={styles.photo} />
        )}
      </div>
    );
  }
  return (
    <Carousel label={label} className={`${styles.gallery} ${className ?? ''}`}>
      {photos.map((photo, index) => (
        <img
          key={photo.id}
          src={photo.urls.medium}
          srcSet={`${photo.urls.small} 400w, ${photo.urls.medium} 800w, ${photo.urls.large} 1600w`}
          sizes="(min-width: 1024px) 700px, 100vw"
          alt={altOf(index + 1)}
          className={styles.photo}
          loading={index === 0 ? 'eager' : 'lazy'}
        />
      ))}
    </Carousel>
  );
}
