import type { MyStats } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { BarChart, RankedBars } from '../../../components/bar-chart.tsx';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { formatDuration, formatKm } from '../../../lib/format.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useMyStats } from '../api/get-my-stats.ts';
import styles from './my-stats.module.css';

/** 통계: totals, km and runs per month (last 12 months), favourite themes and regions. */
export function MyStatsPanel() {
  const { t } = useTranslation();
  const stats = useMyStats();
  if (stats.isPending) {
    return (
      <div role="status" aria-busy="true" aria-label={t('shell.loading')} className={styles.stats}>
        <Skeleton className={styles.skeleton} />
        <Skeleton className={styles.skeleton} />
      </div>
    );
  }
  if (stats.isError) {
    return (
      <div className={styles.error}>
        <FormAlert message={errorMessage(stats.error)} />
        <Button variant="outline" onClick={() => void stats.refetch()}>
          {t('common.retry')}
        </Button>
      </div>
    );
  }
  return <StatsView stats={stats.data} />;
}

export function StatsView({ stats }: { stats: MyStats }) {
  const { t, i18n } = useTranslation();
  const monthLabel = (month: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(i18n.language, { timeZone: 'UTC', ...options }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  const monthOf = (month: string) => ({
    key: month,
    label: monthLabel(month, { month: 'short' }),
    fullLabel: monthLabel(month, { year: 'numeric', month: 'long' }),
  });
  const totals = [
    [t('stats.totals.runs'), t('stats.runs', { count: stats.totals.runs })],
    [t('stats.totals.hosted'), t('stats.runs', { count: stats.totals.hosted })],
    [t('stats.totals.km'), formatKm(stats.totals.km)],
    [t('stats.totals.time'), formatDuration(stats.totals.minutes, i18n.language)],
  ] as const;

  return (
    <div className={styles.stats}>
      <dl className={styles.totals}>
        {totals.map(([label, value]) => (
          <div key={label} className={styles.total}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className={styles.charts}>
        <BarChart
          title={t('stats.kmPerMonth')}
          labelHeader={t('stats.month')}
          valueHeader={t('stats.distance')}
          data={stats.months.map((m) => ({
            ...monthOf(m.month),
            value: m.km,
            valueText: formatKm(m.km),
          }))}
        />
        <BarChart
          title={t('stats.runsPerMonth')}
          labelHeader={t('stats.month')}
          valueHeader={t('stats.count')}
          data={stats.months.map((m) => ({
            ...monthOf(m.month),
            value: m.runs,
            valueText: t('stats.runs', { count: m.runs }),
          }))}
        />
      </div>
      <div className={styles.charts}>
        <RankedBars
          title={t('stats.themes')}
          empty={t('stats.empty')}
          data={stats.themes.map((d) => ({
            key: d.theme,
            label: t(`theme.${d.theme}`),
            value: d.runs,
            valueText: t('stats.runs', { count: d.runs }),
          }))}
        />
        <RankedBars
          title={t('stats.regions')}
          empty={t('stats.empty')}
          data={stats.regions.map((d) => ({
            key: d.region,
            label: t(`region.${d.region}`),
            value: d.runs,
            valueText: t('stats.runs', { count: d.runs }),
          }))}
        />
      </div>
    </div>
  );
}
