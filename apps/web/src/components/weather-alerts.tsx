import type { WeatherAlert } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { cx } from '../lib/cx.ts';
import styles from './weather-alerts.module.css';

/**
 * "폭염 주의", "비 예보"… as chips, in words as well as colour: on a run's page (features/weather) and on its
 * card in lists (features/runs), from the same forecast thresholds (contracts weather.ts).
 */
export function WeatherAlerts({ alerts, compact = false }: { alerts: WeatherAlert[]; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className={cx(styles.alerts, compact && styles.compact)} aria-label={t('weather.alertsLabel')}>
      {alerts.map((a) => (
        <li key={a} className={cx(styles.alert, styles[`alert_${a}`])}>
          {t(`weather.alert.${a}`)}
        </li>
      ))}
    </ul>
  );
}
