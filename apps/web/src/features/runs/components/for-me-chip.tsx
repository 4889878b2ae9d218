import type { DistanceBucket, Region, TimeOfDay } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../lib/cx.ts';
import styles from './for-me-chip.module.css';

export interface FeedPreferences {
  preferredRegions: Region[];
  preferredDistance: DistanceBucket | null;
  preferredTimesOfDay: TimeOfDay[];
}

/** Whether the runner chose anything "내 조건" can start from (onboarding or the settings). */
export function hasPreferences(prefs: FeedPreferences | null): prefs is FeedPreferences {
  return (
    prefs !== null &&
    (prefs.preferredRegions.length > 0 ||
      prefs.preferredDistance !== null ||
      prefs.preferredTimesOfDay.length > 0)
  );
}

/**
 * "내 조건": a toggle (aria-pressed) that starts a list from the runner's preferred regions, distance and
 * times of day; its text says which. Turning it off shows every run.
 */
export function ForMeChip({
  prefs,
  pressed,
  onToggle,
  className,
}: {
  prefs: FeedPreferences;
  pressed: boolean;
  onToggle: (next: boolean) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const [first, ...others] = prefs.preferredRegions;
  const parts = [
    first &&
      (others.length > 0
        ? t('feed.forMe.regions', { region: t(`region.${first}`), count: others.length })
        : t(`region.${first}`)),
    prefs.preferredDistance && t(`distance.${prefs.preferredDistance}`),
    prefs.preferredTimesOfDay.map((time) => t(`timeOfDay.${time}`)).join(', '),
  ].filter(Boolean);
  return (
    <button
      type="button"
      className={cx(styles.chip, pressed && styles.pressed, className)}
      aria-pressed={pressed}
      onClick={() => onToggle(!pressed)}
    >
      <span className={styles.check} aria-hidden="true">
        {pressed ? '✓' : '+'}
      </span>
      <span className={styles.label}>{t('feed.forMe.label')}</span>
      <span className={styles.summary}>{parts.join(' · ')}</span>
    </button>
  );
}
