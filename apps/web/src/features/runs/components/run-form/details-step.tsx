import { RUN_LIMITS, THEMES, type Theme } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { ChoiceGroup, type ChoiceOption } from '../../../../components/choice-group.tsx';
import { FormSection } from '../../../../components/step-form/form-section.tsx';
import { PaceFields } from '../../../../components/step-form/pace-fields.tsx';
import shared from '../../../../components/step-form/step-form.module.css';
import { TextAreaField, TextField } from '../../../../components/text-field.tsx';
import { seoulToday } from '../../../../lib/datetime.ts';
import { formatPace } from '../../../../lib/format.ts';
import { defaultDeadline, endsNextDay, paceGroupSeats } from '../../utils/run-form.ts';
import type { RunFormApi } from './form-api.ts';
import { WomenOnlyField } from '../../../../components/women-only-badge.tsx';
import styles from './run-form.module.css';

/** Step 2: title, times, pace, seats, theme, logistics and description. */
export function DetailsStep({ form }: { form: RunFormApi }) {
  const { t } = useTranslation();
  const { values } = form;
  const themes = THEMES.map((v): ChoiceOption<Theme> => ({ key: v, value: v, label: t(`theme.${v}`) }));
  const fallbackDeadline = defaultDeadline(values.date, values.startTime);
  const pace = Number(values.paceMin || 0) * 60 + Number(values.paceSec || 0);
  const grouped = values.paceGroups.length > 0;
  const groupSeats = paceGroupSeats(values.paceGroups);

  return (
    <FormSection title={t('runForm.details.title')}>
      <TextField
        label={t('runForm.details.name')}
        hint={t('runForm.details.nameHint', { min: RUN_LIMITS.titleMin, max: RUN_LIMITS.titleMax })}
        placeholder={t('runForm.details.namePlaceholder')}
        counterMax={RUN_LIMITS.titleMax}
        {...form.register('title')}
      />
      <TextField
        type="date"
        label={t('runForm.details.date')}
        min={seoulToday()}
        {...form.register('date')}
      />
      <div className={styles.times}>
        <TextField
          type="time"
          label={t('runForm.details.startTime')}
          step={300}
          {...form.register('startTime')}
        />
        <TextField
          type="time"
          label={t('runForm.details.endTime')}
          hint={endsNextDay(values) ? t('runForm.details.endsNextDay', { time: values.endTime }) : undefined}
          step={300}
          {...form.register('endTime')}
        />
        <TextField
          type="time"
          label={t('runForm.details.meetTime')}
          hint={t('runForm.details.meetTimeHint')}
          step={300}
          className={styles.wide}
          {...form.register('meetTime')}
        />
      </div>
      <div className={styles.deadline}>
        <TextField
          type="datetime-local"
          label={t('runForm.details.deadline')}
          hint={t('runForm.details.deadlineHint')}
          {...form.register('joinDeadline')}
          value={values.joinDeadline || fallbackDeadline}
        />
        {values.joinDeadline && (
          <Button variant="ghost" size="sm" onClick={() => form.setValue('joinDeadline', '')}>
            {t('runForm.details.deadlineReset')}
          </Button>
        )}
      </div>
      <div className={shared.grid}>
        <PaceFields
          legend={t('runForm.details.pace')}
          units={{ minutes: t('runForm.details.minutes'), seconds: t('runForm.details.seconds') }}
          hint={
            pace >= RUN_LIMITS.paceMin && pace <= RUN_LIMITS.paceMax
              ? t('runForm.details.pacePreview', { pace: formatPace(pace) })
              : t('runForm.details.paceHint')
          }
          values={values}
          onChange={(field, value) => form.setValue(field, value)}
          onBlur={() => form.validateField('paceMin')}
          error={form.errorOf('paceMin')}
        />
        <TextField
          type="number"
          inputMode="numeric"
          label={t('runForm.details.capacity')}
          hint={
            grouped
              ? t('paceGroups.form.capacityFromGroups')
              : t('runForm.details.capacityHint', {
                  min: RUN_LIMITS.capacityMin,
                  max: RUN_LIMITS.capacityMax,
                })
          }
          min={RUN_LIMITS.capacityMin}
          max={RUN_LIMITS.capacityMax}
          {...form.register('capacity')}
          // With pace groups the seats are theirs, added up (set in the groups' section).
          {...(grouped ? { readOnly: true, value: Number.isNaN(groupSeats) ? '' : String(groupSeats) } : {})}
        />
        <TextField
          type="number"
          inputMode="numeric"
          label={t('reliability.minRateLabel')}
          hint={t('reliability.minRateHint')}
          min={0}
          max={100}
          {...form.register('minAttendanceRate')}
        />
      </div>
      <ChoiceGroup
        name="theme"
        legend={t('runForm.details.theme')}
        hint={t('runForm.details.themeHint')}
        layout="chips"
        options={themes}
        value={values.theme || undefined}
        onChange={(theme) => form.setValue('theme', theme)}
        error={form.errorOf('theme')}
      />
      <div className={shared.grid}>
        <TextField
          label={t('runForm.details.parking')}
          placeholder={t('runForm.details.parkingPlaceholder')}
          maxLength={RUN_LIMITS.noteMax}
          {...form.register('parking')}
        />
        <TextField
          label={t('runForm.details.baggage')}
          placeholder={t('runForm.details.baggagePlaceholder')}
          maxLength={RUN_LIMITS.noteMax}
          {...form.register('baggage')}
        />
      </div>
      <WomenOnlyField
        checked={values.womenOnly}
        onChange={(checked) => form.setValue('womenOnly', checked)}
      />
      <TextAreaField
        label={t('runForm.details.description')}
        placeholder={t('runForm.details.descriptionPlaceholder')}
        maxLength={RUN_LIMITS.descriptionMax}
        rows={6}
        {...form.register('description')}
      />
    </FormSection>
  );
}
