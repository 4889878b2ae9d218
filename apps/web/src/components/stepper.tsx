import { useTranslation } from 'react-i18next';
import { cx } from '../lib/cx.ts';
import { CheckIcon } from './icons.tsx';
import styles from './stepper.module.css';

interface StepperProps<S extends string> {
  steps: readonly S[];
  current: S;
  /** The name of a step, e.g. "코스". */
  labelOf: (step: S) => string;
  /** Steps before the current one can be revisited. */
  onSelect: (step: S) => void;
}

/** The steps of a multi-step form: done ones are buttons back, the current one is marked for screen readers. */
export function Stepper<S extends string>({ steps, current, labelOf, onSelect }: StepperProps<S>) {
  const { t } = useTranslation();
  const currentIndex = steps.indexOf(current);
  return (
    <ol className={styles.stepper} aria-label={t('stepper.label')}>
      {steps.map((step, index) => {
        const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
        const label = (
          <>
            <span className={styles.stepNumber} aria-hidden="true">
              {state === 'done' ? <CheckIcon width={16} height={16} /> : index + 1}
            </span>
            <span className={styles.stepLabel}>
              <span className={styles.srOnly}>{t(`stepper.state.${state}`)} </span>
              {labelOf(step)}
            </span>
          </>
        );
        return (
          <li
            key={step}
            className={cx(styles.step, styles[state])}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            {state === 'done' ? (
              <button type="button" className={styles.stepButton} onClick={() => onSelect(step)}>
                {label}
              </button>
            ) : (
              <span className={styles.stepButton}>{label}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
