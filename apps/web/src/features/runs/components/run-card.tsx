import { haversineKm, type RunSummary } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { ListingCard, ListingCardSkeleton } from '../../../components/card/listing-card.tsx';
import { Avatar } from '../../../components/avatar.tsx';
import { ClockIcon, CommentIcon, PinIcon } from '../../../components/icons.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { WeatherAlerts } from '../../../components/weather-alerts.tsx';
import { WomenOnlyBadge } from '../../../components/women-only-badge.tsx';
import { cx } from '../../../lib/cx.ts';
import { formatShortDateTime } from '../../../lib/datetime.ts';
import { formatKm } from '../../../lib/format.ts';
import { cardPace } from '../utils/format.ts';
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
  /** Where the runner is (asked for with "내 주변", never on load): the card says how far the meeting point is. */
  origin?: { lat: number; lng: number } | null;
  /** A list's card: on phones a photo thumbnail beside the facts, so 3+ runs fit a screen. */
  compact?: boolean;
  /**
   * The first card of a list at the top of a page: its image is likely the page's largest paint (LCP), so it
   * loads at once and early instead of lazily once laid out.
   */
  priority?: boolean;
}

export function themeImage(theme: RunSummary['theme']): string {
  return `/themes/${theme}.svg`;
}

/** A run in a list: photo, title, when, where, distance, pace, seats, host, comments, status and bookmark. */
export function RunCard({
  run,
  preview = false,
  headingLevel = 3,
  origin = null,
  compact = false,
  priority = false,
}: RunCardProps) {
  const { t, i18n } = useTranslation();
  const photo = run.photos[0]?.urls.small;
  const full = run.participantCount >= run.capacity;
  const pace = cardPace(run);
  const away = origin
    ? haversineKm([origin.lat, origin.lng], [run.meetingPlace.lat, run.meetingPlace.lng])
    : null;
  return (
    <ListingCard
      className={compact ? styles.compact : undefined}
      title={run.title}
      to={`/runs/${run.id}`}
      preview={preview}
      headingLevel={headingLevel}
      mediaClassName={styles.media}
      titleClassName={styles.title}
      media={
        <>
          <img
            src={photo ?? themeImage(run.theme)}
            alt=""
            className={styles.image}
            loading={priority ? 'eager' : 'lazy'}
            fetchPriority={priority ? 'high' : undefined}
          />
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
        {away !== null && (
          <span className={styles.away}>{t('feed.card.away', { km: formatAway(away) })}</span>
        )}
      </p>
      {run.weatherAlerts && run.weatherAlerts.length > 0 && (
        <WeatherAlerts alerts={run.weatherAlerts} compact />
      )}
      <ul className={styles.tags} aria-label={t('runs.card.facts')}>
        <li>{formatKm(run.distanceKm)}</li>
        {pace !== null && (
          <li>
            {run.groupPaces.length > 0 && (
              <span className={hidden.srOnly}>{t('paceGroupsMore.card.label')} </span>
            )}
            {pace}
          </li>
        )}
        <li className={styles.theme}>{t(`theme.${run.theme}`)}</li>
        <li className={cx(styles.seats, full && styles.full)}>
          {t('runs.card.seats', { count: run.participantCount, capacity: run.capacity })}
          {full && run.waitlistCount > 0 && ` · ${t('runs.card.waitlist', { count: run.waitlistCount })}`}
        </li>
      </ul>
      <div className={styles.host}>
        <GoingAvatars going={run.going} count={run.participantCount} />
        <span className={styles.hostName}>{run.host.nickname}</span>
        {run.host.runningLevel && <span className={styles.level}>{t(`level.${run.host.runningLevel}`)}</span>}
        {!preview && (
          <span className={styles.comments}>
            <CommentIcon width={16} height={16} />
            <span className={hidden.srOnly}>{t('runs.card.comments')} </span>
            {run.commentCount}
          </span>
        )}
      </div>
    </ListingCard>
  );
}

/** Km to the meeting point, to 0.1 km under 10 km. */
function formatAway(km: number): string {
  return km < 10 ? km.toFixed(1) : String(Math.round(km));
}

/**
 * Who's going: the first runners' avatars (host first) and "+N" for the rest; one label reads the names and
 * the count to a screen reader.
 */
export function GoingAvatars({ going, count }: { going: RunSummary['going']; count: number }) {
  const { t } = useTranslation();
  const rest = Math.max(0, count - going.length);
  const names = going.map((p) => p.nickname).join(', ');
  return (
    <span className={styles.going} role="img" aria-label={t('feed.card.going', { count, names })}>
      {going.map((p) => (
        <Avatar key={p.id} image={p.avatar} name={p.nickname} size="sm" />
      ))}
      {rest > 0 && (
        <span className={styles.more} aria-hidden="true">
          +{rest}
        </span>
      )}
    </span>
  );
}

/** The card's shape while the list loads. */
export function RunCardSkeleton({ compact = false }: { compact?: boolean }) {
  return (
    <ListingCardSkeleton mediaClassName={styles.media} className={compact ? styles.compact : undefined}>
      <Skeleton className={styles.skeletonTitle} />
      <Skeleton className={styles.skeletonLine} />
      <Skeleton className={styles.skeletonLine} />
      <Skeleton className={styles.skeletonShort} />
    </ListingCardSkeleton>
  );
}
