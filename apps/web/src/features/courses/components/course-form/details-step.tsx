import { COURSE_LIMITS, estimatedMinutes, routeDistanceKm, THEMES, type Theme } from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, type ChoiceOption } from '../../../../components/choice-group.tsx';
import { describedBy, FieldError } from '../../../../components/field-error.tsx';
import { TextAreaField, TextField } from '../../../../components/text-field.tsx';
import { cx } from '../../../../lib/cx.ts';
import { formatDuration, formatPace } from '../../../../lib/format.ts';
import { paceOfForm } from '../../utils/course-form.ts';
import type { CourseFormApi } from './form-api.ts';
import styles from './course-form.module.css';

const NOTES = ['parking', 'baggage', 'toilets', 'water'] as const;

/** Step 2: title, theme, pace with the estimated time, logistics and description. */
export function DetailsStep({ form }: { form: CourseFormApi }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { values } = form;
  const themes = THEMES.map((v): ChoiceOption<Theme> => ({ key: v, value: v, label: t(`theme.${v}`) }));
  const pace = paceOfForm(values);
  const usedPace = pace ?? COURSE_LIMITS.defaultPaceSecPerKm;
  const minutes = estimatedMinutes(routeDistanceKm(values.route, values.segmentStarts), pace);
  const paceError = form.errorOf('paceMin');

  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <div className={styles.sectionHead}>
        <h2 id={`${id}-title`} className={styles.heading}>
          {t('courseForm.details.title')}
        </h2>
      </div>
      <TextField
        label={t('courseForm.details.name')}
        hint={t('courseForm.details.nameHint', { min: COURSE_LIMITS.titleMin, max: COURSE_LIMITS.titleMax })}
        placeholder={t('courseForm.details.namePlaceholder')}
        maxLength={COURSE_LIMITS.titleMax}
        {...form.register('title')}
      />
      <ChoiceGroup
        name="theme"
        legend={t('courseForm.details.theme')}
        layout="chips"
        options={themes}
        value={values.theme || undefined}
        onChange={(theme) => form.setValue('theme', theme)}
        error={form.errorOf('theme')}
      />
      <div className={styles.grid}>
        <fieldset
          className={styles.fieldset}
          aria-describedby={describedBy(`${id}-pace`, { hint: true, error: Boolean(paceError) })}
        >
          <legend className={styles.label}>{t('courseForm.details.pace')}</legend>
          <div className={styles.paceInputs}>
            <label className={styles.unitField}>
              <input
                type="number"
                inputMode="numeric"
                name="paceMin"
                min={2}
                max={20}
                className={cx(styles.control, paceError && styles.invalid)}
                value={values.paceMin}
                onChange={(event) => form.setValue('paceMin', event.target.value)}
                onBlur={() => form.validateField('paceMin')}
                aria-invalid={paceError ? true : undefined}
              />
              <span>{t('courseForm.details.minutes')}</span>
            </label>
            <label className={styles.unitField}>
              <input
                type="number"
                inputMode="numeric"
                name="paceSec"
                min={0}
                max={59}
                step={5}
                className={cx(styles.control, paceError && styles.invalid)}
                value={values.paceSec}
                onChange={(event) => form.setValue('paceSec', event.target.value)}
                onBlur={() => form.validateField('paceMin')}
                aria-invalid={paceError ? true : undefined}
              />
              <span>{t('courseForm.details.seconds')}</span>
            </label>
          </div>
          <p id={`${id}-pace-hint`} className={styles.hint}>
            {t('courseForm.details.paceHint', { pace: formatPace(COURSE_LIMITS.defaultPaceSecPerKm) })}
          </p>
          <FieldError id={`${id}-pace-error`} error={paceError} />
        </fieldset>
        <div className={styles.estimate} aria-live="polite">
          <span className={styles.label}>{t('courseForm.details.estimate')}</span>
          <strong>{formatDuration(minutes, i18n.language)}</strong>
          <span className={styles.hint}>
            {t('courseForm.details.estimateHint', { pace: formatPace(usedPace) })}
          </span>
        </div>
      </div>
      <div className={styles.grid}>
        {NOTES.map((note) => (
          <TextField
            key={note}
            label={t(`courseForm.details.${note}`)}
            placeholder={t(`courseForm.details.${note}Placeholder`)}
            maxLength={COURSE_LIMITS.noteMax}
            {...form.register(note)}
          />
        ))}
      </div>
      <TextAreaField
        label={t('courseForm.details.description')}
        placeholder={t('courseForm.details.descriptionPlaceholder')}
        maxLength={COURSE_LIMITS.descriptionMax}
        rows={6}
        {...form.register('description')}
      />
    </section>
  );
}
