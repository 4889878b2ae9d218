import type { CrewSummary } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { ListingCard, ListingCardSkeleton } from '../../../components/card/listing-card.tsx';
import { ClockIcon, UsersIcon } from '../../../components/icons.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import hidden from '../../../components/visually-hidden.module.css';
import { formatRhythm } from '../utils/rhythm.ts';
import { WomenOnlyBadge } from '../../../components/women-only-badge.tsx';
import styles from './crew-card.module.css';

/** The crew's logo, or its first letter on a round plate. */
export function CrewLogo({
  crew,
  className,
}: {
  crew: Pick<CrewSummary, 'name' | 'logo'>;
  className?: string;
}) {
  return crew.logo ? (
    <img src={crew.logo.urls.small} alt="" className={className ?? styles.logo} loading="lazy" />
  ) : (
    <span className={className ?? styles.initial} aria-hidden="true">
      {[...crew.name.trim()][0] ?? '?'}
    </span>
  );
}

/** A crew in a list: logo, name, region, rhythm ("매주 화·목 19:30"), members and level. */
export function CrewCard({ crew, headingLevel = 3 }: { crew: CrewSummary; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const rhythm = formatRhythm(crew.days, crew.time, i18n.language);
  return (
    <ListingCard
      title={crew.name}
      to={`/crews/${crew.id}`}
      preview={false}
      headingLevel={headingLevel}
      mediaClassName={styles.media}
      media={
        <>
          <CrewLogo crew={crew} />
          {crew.beginnerFriendly && <span className={styles.badge}>{t('crews.card.beginner')}</span>}
        </>
      }
      eyebrow={
        <p className={styles.where}>
          {crew.regions.map((r) => t(`region.${r}`)).join(' · ')} · {t(`crews.policy.${crew.joinPolicy}`)}
        </p>
      }
      bookmark={() => null}
    >
      <WomenOnlyBadge womenOnly={crew.womenOnly} className={styles.womenOnly} />
      <ul className={styles.facts} aria-label={t('crews.card.facts')}>
        <li>
          <ClockIcon width={16} height={16} />
          <span className={hidden.srOnly}>{t('crews.card.rhythm')} </span>
          {rhythm ?? t('crews.card.noRhythm')}
        </li>
        <li>
          <UsersIcon width={16} height={16} />
          {t('crews.card.members', { count: crew.memberCount })}
          {crew.level && <span className={styles.level}> · {crew.level}</span>}
        </li>
      </ul>
    </ListingCard>
  );
}

export function CrewCardSkeleton() {
  return (
    <ListingCardSkeleton mediaClassName={styles.media}>
      <Skeleton className={styles.skeletonShort} />
      <Skeleton className={styles.skeletonTitle} />
      <Skeleton className={styles.skeletonLine} />
    </ListingCardSkeleton>
  );
}
