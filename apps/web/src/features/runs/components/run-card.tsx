import type { RunSummary } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { ListingCard, ListingCardSkeleton } from '../../../components/card/listing-card.tsx';
import { Avatar } from '../../../components/avatar.tsx';
import { ClockIcon, CommentIcon, PinIcon } from '../../../components/icons.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { WomenOnlyBadge } from '../../../components/women-only-badge.tsx';
import { cx } from '../../../lib/cx.ts';
import { formatShortDateTime } from '../../../lib/datetime.ts';
import { formatKm, formatPace } from '../../../lib/format.ts';
import { RunBookmarkButton } from './bookmark-button.tsx';
import { CrewRunTags } from './crew-run-tags.tsx';
import { RunBadgeLabel } from './run-badge.tsx';
import styles from './run-card.module.css';
import hidden from '../../../components/visually-hidden.module.css';

interface RunCardProps {
  run: RunSummary;
  /** The card as it will look, before the run exists: no link, no bookmark. */
  preview?: boolean;
  headingLevel?: 2 | 3;
}

export function themeImage(theme: RunSummary['theme']): string {
  return `/themes/${theme}.svg`;
}

/** A run in a list: photo, title, when, where, distance, pace, seats, host, comments, status and bookmark. */
export function RunCard({ run, preview = false, headingLevel = 3 }: RunCardProps) {
  const { t, i18n } = useTranslation();
  const photo = run.photos[0]?.urls.small;
  const full = run.participantCount >= run.capacity;
  return (
    <ListingCard
      title={run.title}
      to={`/runs/${run.id}`}
      preview={preview}
      headingLevel={headingLevel}
      mediaClassName={styles.media}
      titleClassName={styles.title}
      media={
        <>
          <img src={photo ?? themeImage(run.theme)} alt="" className={styles.image} loading="lazy" />
          <RunBadgeLabel run={run} className={styles.badge} />
        </>
      }
      bookmark={(className) => (
        <RunBookmarkButton
          runId={run.id}
          title={run.title}
          bookmarked={run.bookmarked}
          className={className}
        />
      )}
    >
      <WomenOnlyBadge womenOnly={run.womenOnly} className={styles.womenOnly} />
      <CrewRunTags run={run} />
      <p className={styles.line}>
        <ClockIcon width={16} height={16} />
        <time dateTime={run.startsAt}>{formatShortDateTime(run.startsAt, i18n.language)}</time>
      </p>
      <p className={styles.line}>
        <PinIcon width={16} height={16} />
        <span className={styles.place}>{run.meetingPlace.name}</span>
      </p>
      <ul className={styles.tags} aria-label={t('runs.card.facts')}>
        <li>{formatKm(run.distanceKm)}</li>
        {run.paceSecPerKm !== null && <li>{formatPace(run.paceSecPerKm)}</li>}
        <li>{t(`theme.${run.theme}`)}</li>
        <li className={cx(styles.seats, full && styles.full)}>
          {t('runs.card.seats', { count: run.participantCount, capacity: run.capacity })}
          {full && run.waitlistCount > 0 && ` · ${t('runs.card.waitlist', { count: run.waitlistCount })}`}
        </li>
      </ul>
      <p className={styles.host}>
        <Avatar image={run.host.avatar} name={run.host.nickname} size="sm" />
        <span className={styles.hostName}>{run.host.nickname}</span>
        {run.host.runningLevel && <span className={styles.level}>{t(`level.${run.host.runningLevel}`)}</span>}
        {!preview && (
          <span className={styles.comments}>
            <CommentIcon width={16} height={16} />
            <span className={hidden.srOnly}>{t('runs.card.comments')} </span>
            {run.commentCount}
          </span>
        )}
      </p>
    </ListingCard>
  );
}

/** The card's shape while the list loads. */
export function RunCardSkeleton() {
  return (
    <ListingCardSkeleton mediaClassName={styles.media}>
      <Skeleton className={styles.skeletonTitle} />
      <Skeleton className={styles.skeletonLine} />
      <Skeleton className={styles.skeletonLine} />
      <Skeleton className={styles.skeletonShort} />
    </ListingCardSkeleton>
  );
}
