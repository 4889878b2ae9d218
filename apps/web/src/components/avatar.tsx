import type { Image } from '@erun/contracts';
import { cx } from '../lib/cx.ts';
import styles from './avatar.module.css';

interface AvatarProps {
  image: Image | null;
  /** Used for the fallback initial. */
  name: string;
  size?: 'sm' | 'md' | 'lg';
  /** Empty when the name is shown next to the avatar anyway. */
  alt?: string;
  /** A local preview (object URL) shown instead of the stored image. */
  previewUrl?: string | null;
}

export function Avatar({ image, name, size = 'md', alt = '', previewUrl = null }: AvatarProps) {
  const src = previewUrl ?? (size === 'sm' ? image?.urls.small : image?.urls.medium);
  const className = cx(styles.avatar, styles[size]);
  if (src) return <img className={className} src={src} alt={alt} />;
  return (
    <span
      className={cx(className, styles.fallback)}
      role={alt ? 'img' : undefined}
      aria-label={alt || undefined}
    >
      <span aria-hidden="true">{name.trim().slice(0, 1).toUpperCase()}</span>
    </span>
  );
}
