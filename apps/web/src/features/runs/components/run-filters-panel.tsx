import {
  DISTANCE_BUCKETS,
  REGIONS,
  THEMES,
  TIMES_OF_DAY,
  type DistanceBucket,
  type Region,
  type Theme,
  type TimeOfDay,
} from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { MultiChoiceGroup, type ChoiceOption } from '../../../components/choice-group.tsx';
import { LocateIcon } from '../../../components/icons.tsx';
import { useGeolocation } from '../hooks/use-geolocation.ts';
import { PACE_OPTIONS, RADIUS_OPTIONS, type PaceOption, type RunFilters } from '../utils/run-filters.ts';
import styles from './run-filters-panel.module.css';

interface RunFiltersPanelProps {
  value: RunFilters;
  onChange: (next: RunFilters) => void;
  /** The runner's crews, for the crew filter (hidden without any). */
  crews?: { id: string; name: string }[];
}

const TIME_RANGES: Record<TimeOfDay, string> = {
  late_night: '00:00~04:00',
  dawn: '04:00~08:00',
  morning: '08:00~12:00',
  afternoon: '12:00~16:00',
  evening: '16:00~20:00',
  night: '20:00~24:00',
};

function useOptions() {
  const { t } = useTranslation();
  return {
    regions: REGIONS.map((v): ChoiceOption<Region> => ({ key: v, value: v, label: t(`region.${v}`) })),
    themes: THEMES.map((v): ChoiceOption<Theme> => ({ key: v, value: v, label: t(`theme.${v}`) })),
    times: TIMES_OF_DAY.map((v): ChoiceOption<TimeOfDay> => ({
      key: v,
      value: v,
      label: t(`timeOfDay.${v}`),
      description: TIME_RANGES[v],
    })),
    distances: DISTANCE_BUCKETS.map((v): ChoiceOption<DistanceBucket> => ({
      key: v,
      value: v,
      label: t(`distance.${v}`),
    })),
  };
}

/** Every filter of the runs list; all multi-select and combinable. Controlled: the caller decides when to apply. */
export function RunFiltersPanel({ value, onChange, crews = [] }: RunFiltersPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const options = useOptions();
  const geo = useGeolocation();
  const set = <K extends keyof RunFilters>(key: K, next: RunFilters[K]) =>
    onChange({ ...value, [key]: next });
  const locate = () => geo.locate((lat, lng) => set('near', `${lat.toFixed(4)},${lng.toFixed(4)}`));

  return (
    <div className={styles.panel}>
      <MultiChoiceGroup
        name="region"
        legend={t('runs.filters.region')}
        options={options.regions}
        values={value.region}
        onChange={(next) => set('region', next)}
      />
      <MultiChoiceGroup
        name="theme"
        legend={t('runs.filters.theme')}
        options={options.themes}
        values={value.theme}
        onChange={(next) => set('theme', next)}
      />
      <MultiChoiceGroup
        name="timeOfDay"
        legend={t('runs.filters.timeOfDay')}
        options={options.times}
        values={value.timeOfDay}
        onChange={(next) => set('timeOfDay', next)}
      />
      <MultiChoiceGroup
        name="distance"
        legend={t('runs.filters.distance')}
        hint={t('runs.filters.distanceHint')}
        options={options.distances}
        values={value.distance}
        onChange={(next) => set('distance', next)}
      />
      <label className={styles.dateField}>
        <span className={styles.legend}>{t('feed.filters.pace')}</span>
        <select
          className={styles.control}
          value={value.pace}
          onChange={(event) => set('pace', event.target.value as PaceOption | '')}
        >
          <option value="">{t('feed.filters.paceAll')}</option>
          {PACE_OPTIONS.map((pace) => (
            <option key={pace} value={pace}>
              {t(`feed.filters.paces.${pace}`)}
            </option>
          ))}
        </select>
      </label>
      {(crews.length > 0 || value.crewId) && (
        <label className={styles.dateField}>
          <span className={styles.legend}>{t('feed.filters.crew')}</span>
          <select
            className={styles.control}
            value={value.crewId}
            onChange={(event) => set('crewId', event.target.value)}
          >
            <option value="">{t('feed.filters.crewAll')}</option>
            {crews.map((crew) => (
              <option key={crew.id} value={crew.id}>
                {crew.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('runs.filters.dates')}</legend>
        <div className={styles.dates}>
          <label className={styles.dateField}>
            <span className={styles.small}>{t('runs.filters.from')}</span>
            <input
              type="date"
              className={styles.control}
              value={value.from}
              max={value.to || undefined}
              onChange={(event) => set('from', event.target.value)}
            />
          </label>
          <span aria-hidden="true" className={styles.tilde}>
            ~
          </span>
          <label className={styles.dateField}>
            <span className={styles.small}>{t('runs.filters.to')}</span>
            <input
              type="date"
              className={styles.control}
              value={value.to}
              min={value.from || undefined}
              onChange={(event) => set('to', event.target.value)}
            />
          </label>
        </div>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('runs.filters.near')}</legend>
        {value.near ? (
          <div className={styles.near}>
            <label className={styles.dateField}>
              <span className={styles.small}>{t('runs.filters.radius')}</span>
              <select
                className={styles.control}
                value={value.radiusKm}
                onChange={(event) => set('radiusKm', Number(event.target.value))}
              >
                {RADIUS_OPTIONS.map((km) => (
                  <option key={km} value={km}>
                    {t('runs.filters.radiusKm', { km })}
                  </option>
                ))}
              </select>
            </label>
            <Button variant="outline" size="sm" onClick={() => set('near', '')}>
              {t('runs.filters.nearOff')}
            </Button>
          </div>
        ) : (
          <Button variant="outline" onClick={locate} pending={geo.pending} aria-describedby={`${id}-geo`}>
            <LocateIcon width={18} height={18} />
            {t('runs.filters.nearOn')}
          </Button>
        )}
        <p id={`${id}-geo`} className={styles.problem} role={geo.problem ? 'alert' : undefined}>
          {geo.problem && t(`runs.filters.geo.${geo.problem}`)}
        </p>
      </fieldset>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={value.includeClosed}
          onChange={(event) => set('includeClosed', event.target.checked)}
        />
        {t('runs.filters.includeClosed')}
      </label>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={value.womenOnly}
          onChange={(event) => set('womenOnly', event.target.checked)}
        />
        {t('womenOnly.filter')}
      </label>
    </div>
  );
}
