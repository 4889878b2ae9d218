import styles from './progress-bar.module.css';

interface ProgressBarProps {
  /** 0–100. */
  value: number;
  label: string;
  /** Text shown beside the bar, e.g. "42%". */
  valueText: string;
}

export function ProgressBar({ value, label, valueText }: ProgressBarProps) {
  const clamped = Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div className={styles.wrap}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        aria-valuetext={valueText}
        className={styles.track}
      >
        <div className={styles.bar} style={{ width: `${clamped}%` }} />
      </div>
      <span className={styles.text} aria-hidden="true">
        {valueText}
      </span>
    </div>
  );
}
