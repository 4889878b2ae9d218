import type { DustGrade, Precipitation, Sky, Weather } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { WeatherAlerts } from '../../../components/weather-alerts.tsx';
import { cx } from '../../../lib/cx.ts';
import { useRunWeather } from '../api/get-run-weather.ts';
import styles from './run-weather.module.css';

/** The forecast at a run's start on its page: nothing at all without one (no key, too far ahead, over). */
export function RunWeather({ runId, enabled = true }: { runId: string; enabled?: boolean }) {
  const { t } = useTranslation();
  const query = useRunWeather(runId, enabled);
  if (!enabled || query.isError) return null;
  if (query.isPending)
    return <div className={styles.skeleton} aria-busy="true" aria-label={t('weather.loading')} />;
  const weather = query.data.weather;
  if (!weather) return null;
  return <WeatherRow weather={weather} />;
}

const ICON: Record<Precipitation, string> = {
  none: '',
  rain: '🌧️',
  rain_snow: '🌨️',
  snow: '❄️',
  shower: '🌦️',
};
const SKY_ICON: Record<Sky, string> = { clear: '☀️', partly_cloudy: '⛅', cloudy: '☁️' };

function iconOf(w: Weather): string {
  return w.precipitation === 'none' ? SKY_ICON[w.sky] : ICON[w.precipitation];
}

export function WeatherRow({ weather: w }: { weather: Weather }) {
  const { t } = useTranslation();
  const sky =
    w.precipitation === 'none' ? t(`weather.sky.${w.sky}`) : t(`weather.precipitation.${w.precipitation}`);
  return (
    <section className={styles.box} aria-label={t('weather.title')} data-testid="run-weather">
      <div className={styles.row}>
        <span className={styles.icon} aria-hidden="true">
          {iconOf(w)}
        </span>
        <span className={styles.temp}>{t('weather.temperature', { value: Math.round(w.temperatureC) })}</span>
        <span className={styles.sky}>{sky}</span>
        <span className={styles.item}>{t('weather.rainChance', { value: w.rainChancePct })}</span>
        <span className={styles.item}>
          {t('weather.wind', { value: w.windMs.toFixed(1).replace(/\.0$/, '') })}
        </span>
        {w.pm10Grade && <DustChip label={t('weather.pm10')} grade={w.pm10Grade} />}
        {w.pm25Grade && <DustChip label={t('weather.pm25')} grade={w.pm25Grade} />}
      </div>
      {w.alerts.length > 0 && <WeatherAlerts alerts={w.alerts} />}
      <p className={styles.source}>{t('weather.source')}</p>
    </section>
  );
}

function DustChip({ label, grade }: { label: string; grade: DustGrade }) {
  const { t } = useTranslation();
  return (
    <span className={cx(styles.dust, styles[grade])}>
      {label} <strong>{t(`weather.grade.${grade}`)}</strong>
    </span>
  );
}
