import { cx } from '../lib/cx.ts';
import styles from './skeleton.module.css';

/** A grey placeholder block with a soft shimmer; the container announces the loading state. */
export function Skeleton({ className, round = false }: { className?: string; round?: boolean }) {
  return <span className={cx(styles.skeleton, round && styles.round, className)} aria-hidden="true" />;
}
