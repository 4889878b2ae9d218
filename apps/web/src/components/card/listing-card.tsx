import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { cx } from '../../lib/cx.ts';
import { Skeleton } from '../skeleton.tsx';
import styles from './card.module.css';

interface ListingCardProps {
  title: string;
  /** Where the card leads; the whole card is the link's target. */
  to: string;
  /** A preview (the form's last step) is not a link and has no bookmark. */
  preview: boolean;
  headingLevel: 2 | 3 | 4;
  /** The photo slot's content (image, badges); `mediaClassName` gives the kind's aspect ratio. */
  media: ReactNode;
  mediaClassName: string | undefined;
  /** A line above the title. */
  eyebrow?: ReactNode;
  titleClassName?: string;
  /** The kind's facts under the title. */
  children: ReactNode;
  /** The bookmark toggle (given the `bookmark` class name to sit over the photo). */
  bookmark: (className: string | undefined) => ReactNode;
  /** The kind's own layout of the frame (e.g. a run's compact phone card). */
  className?: string;
}

/** The frame of a run's or a course's card in a list: photo, title link, the kind's facts, bookmark. */
export function ListingCard(props: ListingCardProps) {
  const { title, to, preview, media, eyebrow, children } = props;
  const Heading = `h${props.headingLevel}` as const;
  return (
    <article className={cx(styles.card, !preview && styles.linked, props.className)}>
      <div className={cx(styles.media, props.mediaClassName)}>{media}</div>
      <div className={styles.body}>
        {eyebrow}
        <Heading className={cx(styles.title, props.titleClassName)}>
          {preview ? (
            title
          ) : (
            <Link to={to} className={styles.link}>
              {title}
            </Link>
          )}
        </Heading>
        {children}
      </div>
      {!preview && props.bookmark(styles.bookmark)}
    </article>
  );
}

/** A card's shape while the list loads: the photo slot and the kind's skeleton lines. */
export function ListingCardSkeleton({
  mediaClassName,
  children,
  className,
}: {
  mediaClassName: string | undefined;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cx(styles.card, className)} aria-hidden="true">
      <Skeleton className={cx(styles.media, mediaClassName)} />
      <div className={styles.body}>{children}</div>
    </div>
  );
}
