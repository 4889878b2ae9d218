import { useTranslation } from 'react-i18next';
import { CheckIcon } from '../../../../components/icons.tsx';
import { cx } from '../../../../lib/cx.ts';
import { RUN_FORM_STEPS, type RunFormStep } from '../../utils/run-form.ts';
import styles from './run-form.module.css';

interface StepperProps {
  current: RunFormStep;
  /** Steps before the current one can be revisited. */
  onSelect: (step: RunFormStep) => void;
}

export function Stepper({ current, onSelect }: StepperProps) {
  const { t } = useTranslation();
  const currentIndex = RUN_FORM_STEPS.indexOf(current);
  return (
    <ol className={styles.stepper} aria-label={t('runForm.steps.label')}>
      {RUN_FORM_STEPS.map((step, index) => {
        const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
        const label = (
          <>
            <span className={styles.stepNumber} aria-hidden="true">
              {state === 'done' ? <CheckIcon width={16} height={16} /> : index + 1}
            </span>
            <span className={styles.stepLabel}>
              <span className={styles.srOnly}>{t(`runForm.steps.state.${state}`)} </span>
              {t(`runForm.steps.${step}`)}
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
