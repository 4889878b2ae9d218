import { REGIONS, TIMES_OF_DAY, WEEKDAYS, type Region, type TimeOfDay, type Weekday } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { MultiChoiceGroup, type ChoiceOption } from '../../../components/choice-group.tsx';
import { TextField } from '../../../components/text-field.tsx';
import type { CrewFilters } from '../utils/crew-filters.ts';
import { dayName } from '../utils/rhythm.ts';
import styles from './crew-form.module.css';

/** Region, day, time of day, a pace, beginner-friendly. Controlled: the caller decides when to apply. */
export function CrewFiltersPanel({
  value,
  onChange,
}: {
  value: CrewFilters;
  onChange: (next: CrewFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const regions = REGIONS.map((v): ChoiceOption<Region> => ({ key: v, value: v, label: t(`region.${v}`) }));
  const days = WEEKDAYS.map((v): ChoiceOption<Weekday> => ({
    key: v,
    value: v,
    label: dayName(v, i18n.language),
  }));
  const times = TIMES_OF_DAY.map((v): ChoiceOption<TimeOfDay> => ({
    key: v,
    value: v,
    label: t(`timeOfDay.${v}`),
  }));
  return (
    <div className={styles.panel}>
      <MultiChoiceGroup
        name="region"
        legend={t('crews.filters.region')}
        options={regions}
        values={value.region}
        onChange={(region) => onChange({ ...value, region })}
      />
      <MultiChoiceGroup
        name="day"
        legend={t('crews.filters.day')}
        options={days}
        values={value.day}
        onChange={(day) => onChange({ ...value, day })}
      />
      <MultiChoiceGroup
        name="timeOfDay"
        legend={t('crews.filters.timeOfDay')}
        options={times}
        values={value.timeOfDay}
        onChange={(timeOfDay) => onChange({ ...value, timeOfDay })}
      />
      <TextField
        label={t('crews.filters.pace')}
        hint={t('crews.filters.paceHint')}
        placeholder={t('crews.filters.pacePlaceholder')}
        inputMode="numeric"
        name="pace"
        value={value.pace}
        onChange={(event) => onChange({ ...value, pace: event.target.value })}
      />
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={value.beginner}
          onChange={(event) => onChange({ ...value, beginner: event.target.checked })}
        />
        {t('crews.filters.beginner')}
      </label>
    </div>
  );
}
