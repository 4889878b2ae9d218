import type { Reliability } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useReliability } from '../api/disputes.ts';
import styles from './disputes.module.css';

/** "출석률 92% · 노쇼 1", or "새 러너" before 3 recorded runs. */
export function ReliabilityLine({ record }: { record: Reliability | undefined }) {
  const { t } = useTranslation();
  if (!record) return null;
  const text =
    record.attendanceRate === null
      ? t('reliability.newRunner')
      : t('reliability.line', { rate: record.attendanceRate, absent: record.absent });
  const late =
    record.lateCancellations > 0 ? ` · ${t('reliability.late', { count: record.lateCancellations })}` : '';
  return <span className={styles.reliability}>{text + late}</span>;
}

/** My own record on /me: rate, present, absent and late cancellations over the last 12 months. */
export function MyReliability({ record }: { record: Reliability }) {
  const { t } = useTranslation();
  return (
    <section className={styles.panel} aria-labelledby="my-reliability">
      <h2 id="my-reliability" className={styles.title}>
        {t('reliability.mineTitle')}
      </h2>
      <p className={styles.text}>
        {record.attendanceRate === null
          ? t('reliability.newRunnerMine')
          : t('reliability.rate', { rate: record.attendanceRate })}
      </p>
      <p className={styles.text}>
        {t('reliability.counts', {
          joined: record.joined,
          present: record.present,
          absent: record.absent,
          late: record.lateCancellations,
        })}
      </p>
    </section>
  );
}

/** /me: loads my record and shows it (nothing while loading or on error: the rest of the card stands). */
export function MyReliabilityPanel({ userId }: { userId: string }) {
  const record = useReliability(userId);
  if (!record.data) return null;
  return <MyReliability record={record.data} />;
}
