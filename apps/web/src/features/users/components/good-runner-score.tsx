import { GOOD_RUNNER_SCORE } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import styles from './good-runner-score.module.css';

const { min, max, initial } = GOOD_RUNNER_SCORE;
const percentOf = (value: number) => ((value - min) / (max - min)) * 100;

/** 굿러너 레벨: reputation in km on a 0–100 bar, with the 50 km starting point marked. */
export function GoodRunnerScore({ score }: { score: number }) {
  const { t } = useTranslation();
  const value = Math.min(max, Math.max(min, score));
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return (
    <div className={styles.score}>
      <p className={styles.title}>
        {t('score.title')} <strong className={styles.value}>{t('score.km', { value: shown })}</strong>
      </p>
      <div
        role="meter"
        aria-label={t('score.title')}
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={t('score.km', { value: shown })}
        className={styles.track}
      >
        <div className={styles.fill} style={{ width: `${percentOf(value)}%` }} />
        <span className={styles.marker} style={{ left: `${percentOf(initial)}%` }} />
      </div>
      <div className={styles.scale} aria-hidden="true">
        <span>{t('score.km', { value: min })}</span>
        <span>{t('score.start', { value: initial })}</span>
        <span>{t('score.km', { value: max })}</span>
      </div>
      <p className={styles.hint}>{t('score.hint')}</p>
    </div>
  );
}
