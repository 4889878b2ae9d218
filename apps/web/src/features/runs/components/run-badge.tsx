import type { RunSummary } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../lib/cx.ts';
import { runBadge } from '../utils/format.ts';
import styles from './run-badge.module.css';

type BadgeRun = Pick<RunSummary, 'joinState' | 'joinDeadline' | 'capacity' | 'participantCount'>;

/** 모집중 / 마감임박 / 정원마감 / 모집마감 as a labelled chip (text, not colour alone). */
export function RunBadgeLabel({ run, className }: { run: BadgeRun; className?: string }) {
  const { t } = useTranslation();
  const badge = runBadge(run);
  return <span className={cx(styles.badge, styles[badge], className)}>{t(`runs.badge.${badge}`)}</span>;
}
