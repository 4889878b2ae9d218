import type { Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { formatLongDate, formatTime } from '../../../../lib/datetime.ts';
import { formatKm, formatPace } from '../../../../lib/format.ts';
import styles from './run-detail.module.css';

/** When, how far, how fast, where: the facts of a run as a description list. */
export function RunFacts({ run }: { run: Run }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string][] = [
    [t('runDetail.facts.date'), formatLongDate(run.startsAt, i18n.language)],
    ...(run.meetAt ? [[t('runDetail.facts.meetAt'), formatTime(run.meetAt)] as [string, string]] : []),
    [t('runDetail.facts.startsAt'), formatTime(run.startsAt)],
    [t('runDetail.facts.endsAt'), formatTime(run.endsAt)],
    [t('runDetail.facts.distance'), formatKm(run.distanceKm)],
    [
      t('runDetail.facts.pace'),
      run.paceSecPerKm === null ? t('runDetail.facts.paceFree') : formatPace(run.paceSecPerKm),
    ],
    [
      t('runDetail.facts.seats'),
      t('runDetail.facts.seatsValue', { count: run.participantCount, capacity: run.capacity }) +
        (run.waitlistCount > 0 ? ` · ${t('runs.card.waitlist', { count: run.waitlistCount })}` : ''),
    ],
    [t('runDetail.facts.region'), `${t(`region.${run.region}`)} · ${t(`theme.${run.theme}`)}`],
  ];
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.fact}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
