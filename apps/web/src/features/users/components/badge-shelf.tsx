import { BADGES, type Badge, type BadgeCode, type EarnedBadge } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog.tsx';
import { ProgressBar } from '../../../components/progress-bar.tsx';
import { cx } from '../../../lib/cx.ts';
import { formatLongDate } from '../../../lib/datetime.ts';
import styles from './badge-shelf.module.css';

interface BadgeShelfProps {
  /** Every badge with progress (my page), or only the earned ones (a public profile). */
  badges: readonly (Badge | EarnedBadge)[];
  /** Show the badges still to earn, greyed, from BADGES. */
  showLocked?: boolean;
}

type Shown = { code: BadgeCode; awardedAt: string | null; progress: Badge['progress'] };

function shownBadges(badges: BadgeShelfProps['badges'], showLocked: boolean): Shown[] {
  const byCode = new Map(badges.map((b) => [b.code, b]));
  const codes = showLocked ? BADGES : BADGES.filter((code) => byCode.get(code)?.awardedAt);
  return codes.map((code) => {
    const badge = byCode.get(code);
    return {
      code,
      awardedAt: badge?.awardedAt ?? null,
      progress: badge && 'progress' in badge ? badge.progress : null,
    };
  });
}

/** Badges: earned ones in colour, the rest greyed; pressing one tells what it is and how far along I am. */
export function BadgeShelf({ badges, showLocked = false }: BadgeShelfProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<Shown | null>(null);
  const shown = shownBadges(badges, showLocked);
  if (shown.length === 0) return <p className={styles.empty}>{t('profilePage.noBadges')}</p>;

  return (
    <>
      <ul className={styles.shelf} aria-label={t('profilePage.badges')}>
        {shown.map((badge) => {
          const name = t(`badges.${badge.code}.name`);
          const state = badge.awardedAt
            ? t('profilePage.badgeEarned')
            : badge.progress
              ? t('profilePage.badgeProgress', badge.progress)
              : t('profilePage.badgeLocked');
          return (
            <li key={badge.code}>
              <button
                type="button"
                className={cx(styles.badge, !badge.awardedAt && styles.locked)}
                aria-label={`${name}, ${state}`}
                title={`${name} · ${state}`}
                onClick={() => setOpen(badge)}
              >
                <BadgeArt code={badge.code} />
                <span className={styles.name} aria-hidden="true">
                  {name}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <Dialog
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t(`badges.${open.code}.name`) : ''}
      >
        {open && (
          <div className={styles.detail}>
            <BadgeArt code={open.code} large locked={!open.awardedAt} />
            <p>{t(`badges.${open.code}.description`)}</p>
            {open.awardedAt ? (
              <p className={styles.earned}>
                {t('profilePage.badgeEarnedOn', { date: formatLongDate(open.awardedAt, i18n.language) })}
              </p>
            ) : open.progress ? (
              <ProgressBar
                value={(open.progress.current / Math.max(1, open.progress.target)) * 100}
                label={t('profilePage.badgeProgressLabel')}
                valueText={t('profilePage.badgeProgress', open.progress)}
              />
            ) : (
              <p className={styles.empty}>{t('profilePage.badgeLocked')}</p>
            )}
          </div>
        )}
      </Dialog>
    </>
  );
}

function BadgeArt({
  code,
  large = false,
  locked = false,
}: {
  code: BadgeCode;
  large?: boolean;
  locked?: boolean;
}) {
  const [failed, setFailed] = useState(false);
  return (
    <span className={cx(styles.art, large && styles.large, locked && styles.locked)} aria-hidden="true">
      {failed ? (
        <span className={styles.fallback}>★</span>
      ) : (
        <img src={`/badges/${code}.svg`} alt="" onError={() => setFailed(true)} />
      )}
    </span>
  );
}
