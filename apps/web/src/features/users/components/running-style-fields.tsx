import {
  DISTANCE_BUCKETS,
  REGIONS,
  RUNNING_LEVELS,
  TIMES_OF_DAY,
  type DistanceBucket,
  type Region,
  type RunningLevel,
  type TimeOfDay,
} from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, MultiChoiceGroup, type ChoiceOption } from '../../../components/choice-group.tsx';
import type { Message } from '../../../lib/messages.ts';

/** What the running-style form edits; `runningLevel` is undefined until the user picks one. */
export type RunningStyleValues = {
  nickname: string;
  bio: string;
  runningLevel: RunningLevel | undefined;
  preferredRegions: Region[];
  preferredDistance: DistanceBucket | null;
  preferredTimesOfDay: TimeOfDay[];
  avatarId: string | null;
};

interface RunningStyleFieldsProps {
  values: RunningStyleValues;
  errorOf: (name: keyof RunningStyleValues) => Message | undefined;
  setValue: <K extends keyof RunningStyleValues>(name: K, value: RunningStyleValues[K]) => void;
}

/**
 * Running level, preferred regions, distance and times of day (DOMAIN.md values, labels from i18n). The times
 * are the /runs filter's buckets, 4 hours each from midnight: the feed's 내 조건 filters by them.
 */
export function RunningStyleFields({ values, errorOf, setValue }: RunningStyleFieldsProps) {
  const { t } = useTranslation();
  const levels: ChoiceOption<RunningLevel>[] = RUNNING_LEVELS.map((level) => ({
    key: level,
    value: level,
    label: t(`level.${level}`),
  }));
  const regions: ChoiceOption<Region>[] = REGIONS.map((region) => ({
    key: region,
    value: region,
    label: t(`region.${region}`),
  }));
  const distances: ChoiceOption<DistanceBucket | null>[] = [
    ...DISTANCE_BUCKETS.map((bucket) => ({ key: bucket, value: bucket, label: t(`distance.${bucket}`) })),
    { key: 'unknown', value: null, label: t('distance.unknown') },
  ];
  const times: ChoiceOption<TimeOfDay>[] = TIMES_OF_DAY.map((time, i) => ({
    key: time,
    value: time,
    label: t('preferences.timesOfDay.option', {
      label: t(`timeOfDay.${time}`),
      from: String(i * 4).padStart(2, '0'),
      to: String(i * 4 + 4).padStart(2, '0'),
    }),
  }));

  return (
    <>
      <ChoiceGroup
        name="runningLevel"
        legend={t('runningStyle.level.legend')}
        hint={t('runningStyle.level.hint')}
        options={levels}
        value={values.runningLevel}
        onChange={(level) => setValue('runningLevel', level)}
        error={errorOf('runningLevel')}
      />
      <MultiChoiceGroup
        name="preferredRegions"
        legend={t('runningStyle.regions.legend')}
        hint={t('runningStyle.regions.hint')}
        options={regions}
        values={values.preferredRegions}
        onChange={(selected) => setValue('preferredRegions', selected)}
        error={errorOf('preferredRegions')}
      />
      <ChoiceGroup
        name="preferredDistance"
        legend={t('runningStyle.distance.legend')}
        options={distances}
        value={values.preferredDistance}
        onChange={(distance) => setValue('preferredDistance', distance)}
        error={errorOf('preferredDistance')}
        layout="chips"
      />
      <MultiChoiceGroup
        name="preferredTimesOfDay"
        legend={t('preferences.timesOfDay.legend')}
        hint={t('preferences.timesOfDay.hint')}
        options={times}
        values={values.preferredTimesOfDay}
        onChange={(selected) => setValue('preferredTimesOfDay', selected)}
        error={errorOf('preferredTimesOfDay')}
      />
    </>
  );
}
