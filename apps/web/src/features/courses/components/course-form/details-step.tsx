import { COURSE_LIMITS, estimatedMinutes, routeDistanceKm, THEMES, type Theme } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, type ChoiceOption } from '../../../../components/choice-group.tsx';
import { FormSection } from '../../../../components/step-form/form-section.tsx';
import { PaceFields } from '../../../../components/step-form/pace-fields.tsx';
import shared from '../../../../components/step-form/step-form.module.css';
import { TextAreaField, TextField } from '../../../../components/text-field.tsx';
import { formatDuration, formatPace } from '../../../../lib/format.ts';
import { paceOfForm } from '../../utils/course-form.ts';
import type { CourseFormApi } from './form-api.ts';
import styles from './course-form.module.css';

const NOTES = ['parking', 'baggage', 'toilets', 'water'] as const;

/** Step 2: title, theme, pace with the estimated time, logistics and description. */
export function DetailsStep({ form }: { form: CourseFormApi }) {
  const { t, i18n } = useTranslation();
  const { values } = form;
  const themes = THEMES.map((v): ChoiceOption<Theme> => ({ key: v, value: v, label: t(`theme.${v}`) }));
  const pace = paceOfForm(values);
  const usedPace = pace ?? COURSE_LIMITS.defaultPaceSecPerKm;
  const minutes = estimatedMinutes(routeDistanceKm(values.route, values.segmentStarts), pace);

  return (
    <FormSection title={t('courseForm.details.title')}>
      <TextField
        label={t('courseForm.details.name')}
        hint={t('courseForm.details.nameHint', { min: COURSE_LIMITS.titleMin, max: COURSE_LIMITS.titleMax })}
        placeholder={t('courseForm.details.namePlaceholder')}
        counterMax={COURSE_LIMITS.titleMax}
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
      <div className={shared.grid}>
        <PaceFields
          legend={t('courseForm.details.pace')}
          units={{ minutes: t('courseForm.details.minutes'), seconds: t('courseForm.details.seconds') }}
          hint={t('courseForm.details.paceHint', { pace: formatPace(COURSE_LIMITS.defaultPaceSecPerKm) })}
          values={values}
          onChange={(field, value) => form.setValue(field, value)}
          onBlur={() => form.validateField('paceMin')}
          error={form.errorOf('paceMin')}
        />
        <div className={styles.estimate} aria-live="polite">
          <span className={shared.label}>{t('courseForm.details.estimate')}</span>
          <strong>{formatDuration(minutes, i18n.language)}</strong>
          <span className={shared.hint}>
            {t('courseForm.details.estimateHint', { pace: formatPace(usedPace) })}
          </span>
        </div>
      </div>
      <div className={shared.grid}>
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
    </FormSection>
  );
}
