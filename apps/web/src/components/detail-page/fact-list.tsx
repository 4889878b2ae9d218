import { cx } from '../../lib/cx.ts';
import styles from './fact-list.module.css';

/** A term, its value, and whether it takes the whole row instead of half. */
export type Fact = readonly [term: string, value: string, wide?: boolean];

/** The key facts of a run or a course as a description list, two to a row. */
export function FactList({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value, wide]) => (
        <div key={term} className={cx(styles.fact, wide && styles.wide)}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
