import type { RunSummary } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../../components/avatar.tsx';
import { cx } from '../../../lib/cx.ts';
import styles from './crew-run-tags.module.css';

type CrewRun = Pick<RunSummary, 'crew' | 'visibility' | 'guestSeats' | 'guestCount'>;

/**
 * A crew run's marks: the crew's chip (a link to the crew on the run's page; plain text inside a card, which
 * is a link already), "크루원 전용" for a members-only run and, on the page, the guest seats left.
 */
export function CrewRunTags({
  run,
  link = false,
  guests = false,
  className,
}: {
  run: CrewRun;
  link?: boolean;
  guests?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  if (!run.crew) return null;
  const crew = run.crew;
  const face = (
    <>
      <Avatar image={crew.logo} name={crew.name} size="sm" />
      <span className={styles.crewName}>{crew.name}</span>
    </>
  );
  const left = run.guestSeats === null ? null : Math.max(0, run.guestSeats - run.guestCount);
  return (
    <span className={cx(styles.tags, className)}>
      {link ? (
        <Link to={`/crews/${crew.id}`} className={cx(styles.chip, styles.link)}>
          {face}
        </Link>
      ) : (
        <span className={styles.chip}>{face}</span>
      )}
      {run.visibility === 'crew' && <span className={styles.membersOnly}>{t('crewRuns.membersOnly')}</span>}
      {guests && left !== null && run.guestSeats !== null && (
        <span className={cx(styles.guests, left === 0 && styles.guestsFull)}>
          {left === 0
            ? t('crewRuns.guestSeatsFull')
            : t('crewRuns.guestSeatsLeft', { left, total: run.guestSeats })}
        </span>
      )}
    </span>
  );
}
