import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cx } from '../lib/cx.ts';
import styles from './women-only-badge.module.css';

/**
 * "여성 전용" on a run or a crew (DOMAIN.md "Safety and reliability": labelled everywhere): the words
 * themselves, never a colour alone. Nothing when the run or crew is open to all.
 */
export function WomenOnlyBadge({ womenOnly, className }: { womenOnly: boolean; className?: string }) {
  const { t } = useTranslation();
  if (!womenOnly) return null;
  return <span className={cx(styles.badge, className)}>{t('womenOnly.badge')}</span>;
}

/**
 * Where a join button would be, for someone who may not join a 여성 전용 run or crew: the reason in words before
 * any click and, with no gender stated yet, where to state it.
 */
export function WomenOnlyNote({ kind, genderSet }: { kind: 'run' | 'crew'; genderSet: boolean }) {
  const { t } = useTranslation();
  return (
    <p className={styles.note}>
      <strong>{t(`womenOnly.join.${kind}`)}</strong>
      <span>{t('womenOnly.join.explain')}</span>
      {!genderSet && (
        <Link to="/me/settings#gender" className={styles.noteLink}>
          {t('womenOnly.join.setGender')}
        </Link>
      )}
    </p>
  );
}

/** "여성 전용" as a run's or a series' form asks it: a checkbox with what it means under it. */
export function WomenOnlyField({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <div className={styles.field}>
      <label className={styles.fieldCheck}>
        <input
          type="checkbox"
          name="womenOnly"
          checked={checked}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.checked)}
        />
        {t('womenOnly.runField.label')}
      </label>
      <p id={hintId} className={styles.fieldHint}>
        {t('womenOnly.runField.hint')}
      </p>
    </div>
  );
}
