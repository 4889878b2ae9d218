import { type CreateRunParsed, SERIES_LIMITS, WEEKDAYS, type Weekday } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, MultiChoiceGroup, type ChoiceOption } from '../../../components/choice-group.tsx';
import { FormSection } from '../../../components/step-form/form-section.tsx';
import { TextField } from '../../../components/text-field.tsx';
import type { Message } from '../../../lib/messages.ts';
import { useCreateSeries } from '../api/series.ts';
import {
  daysOf,
  REPEAT_OFF,
  repeatProblems,
  seriesBodyOf,
  type RepeatValue,
  scheduleSummary,
  setPosOf,
  toSchedule,
} from '../utils/schedule.ts';
import styles from './repeat-section.module.css';

interface RepeatSectionProps {
  value: RepeatValue;
  onChange: (value: RepeatValue) => void;
  /** The first date (the run's date) and the start time, from the form around it. */
  from: string;
  time: string;
  /** A section of its own (the run form) or bare fields (a dialog with its own title). */
  bare?: boolean;
}

/** "정기런으로 반복": off by default; on, the rhythm, the days, the end, and the schedule in plain words. */
export function RepeatSection({ value, onChange, from, time, bare = false }: RepeatSectionProps) {
  const { t } = useTranslation();
  const set = (changes: Partial<RepeatValue>) => onChange({ ...value, ...changes });
  const dayOptions = WEEKDAYS.map((d): ChoiceOption<Weekday> => ({
    key: d,
    value: d,
    label: t(`series.days.${d}`),
  }));
  const freqOptions = (['weekly', 'biweekly', 'monthly'] as const).map(
    (f): ChoiceOption<RepeatValue['freq']> => ({ key: f, value: f, label: t(`series.repeat.${f}`) }),
  );
  const nthOptions = [1, 2, 3, 4, -1].map((n): ChoiceOption<number> => ({
    key: String(n),
    value: n,
    label: t(`series.nth.${n}`),
  }));
  const endOptions = (['count', 'until', 'never'] as const).map((e): ChoiceOption<RepeatValue['end']> => ({
    key: e,
    value: e,
    label: t(`series.repeat.end${e[0]?.toUpperCase()}${e.slice(1)}`),
  }));
  const ready = from !== '' && time !== '';
  const problems = ready ? repeatProblems(value, from) : {};
  const days = ready ? daysOf(value, from) : value.days;
  const message = (key?: string): Message | undefined => (key ? { key } : undefined);

  const on = bare || value.on;
  const body = (
    <>
      {!bare && (
        <label className={styles.toggle}>
          <input
            type="checkbox"
            checked={value.on}
            onChange={(event) =>
              set({
                on: event.target.checked,
                ...(event.target.checked && value.days.length === 0 && ready
                  ? { days: daysOf(value, from), setPos: setPosOf(from) }
                  : {}),
              })
            }
          />
          <span>{t('series.repeat.toggle')}</span>
        </label>
      )}
      {on && !ready && <p className={styles.muted}>{t('series.repeat.needsStart')}</p>}
      {on && ready && (
        <div className={styles.fields}>
          <ChoiceGroup
            name="repeat-freq"
            legend={t('series.repeat.freq')}
            layout="chips"
            options={freqOptions}
            value={value.freq}
            onChange={(freq) => set({ freq, days: freq === 'monthly' ? days.slice(0, 1) : days })}
          />
          {value.freq === 'monthly' ? (
            <>
              <ChoiceGroup
                name="repeat-nth"
                legend={t('series.repeat.nth')}
                layout="chips"
                options={nthOptions}
                value={value.setPos}
                onChange={(setPos) => set({ setPos })}
              />
              <ChoiceGroup
                name="repeat-day"
                legend={t('series.repeat.monthlyDay')}
                layout="chips"
                options={dayOptions}
                value={days[0]}
                onChange={(day) => set({ days: [day] })}
              />
            </>
          ) : (
            <MultiChoiceGroup
              name="repeat-days"
              legend={t('series.repeat.days')}
              hint={t('series.repeat.daysHint')}
              options={dayOptions}
              values={days}
              onChange={(chosen) => set({ days: WEEKDAYS.filter((d) => chosen.includes(d)) })}
              error={message(problems.days)}
            />
          )}
          <p className={styles.from}>
            <span className={styles.label}>{t('series.repeat.from')}</span>{' '}
            {t('series.summary.date', { month: Number(from.slice(5, 7)), day: Number(from.slice(8, 10)) })}
            <span className={styles.muted}> · {t('series.repeat.fromHint')}</span>
          </p>
          <ChoiceGroup
            name="repeat-end"
            legend={t('series.repeat.end')}
            layout="chips"
            options={endOptions}
            value={value.end}
            onChange={(end) => set({ end })}
          />
          {value.end === 'count' && (
            <TextField
              type="number"
              inputMode="numeric"
              label={t('series.repeat.count')}
              min={1}
              max={SERIES_LIMITS.countMax}
              value={value.count}
              onChange={(event) => set({ count: event.target.value })}
              error={message(problems.count)}
              className={styles.short}
            />
          )}
          {value.end === 'until' && (
            <TextField
              type="date"
              label={t('series.repeat.until')}
              min={from}
              value={value.until}
              onChange={(event) => set({ until: event.target.value })}
              error={message(problems.until)}
              className={styles.short}
            />
          )}
          <div className={styles.summary} aria-live="polite">
            <span className={styles.label}>{t('series.repeat.summaryLabel')}</span>
            <strong>{scheduleSummary(t, toSchedule({ ...value, days }, from, time))}</strong>
          </div>
        </div>
      )}
    </>
  );
  if (bare) return <div className={styles.bare}>{body}</div>;
  return (
    <FormSection title={t('series.repeat.title')} help={t('series.repeat.help')}>
      {body}
    </FormSection>
  );
}

/**
 * The new run page's "정기런으로 반복": the section's state, and publishing that creates the series instead of
 * one run when it is on (true: handled).
 */
export function useRepeatPublish(onSaved: (seriesId: string) => void) {
  const [repeat, setRepeat] = useState(REPEAT_OFF);
  const create = useCreateSeries();
  const publish = (
    run: CreateRunParsed,
    values: { date: string; startTime: string },
    onError: (error: unknown) => void,
  ): boolean => {
    if (!repeat.on) return false;
    if (Object.keys(repeatProblems(repeat, values.date)).length > 0) return true;
    create.mutate(seriesBodyOf(run, repeat, values.date, values.startTime), {
      onSuccess: (created) => onSaved(created.series.id),
      onError,
    });
    return true;
  };
  const section = (values: { date: string; startTime: string }) => (
    <RepeatSection value={repeat} onChange={setRepeat} from={values.date} time={values.startTime} />
  );
  return { publish, section, pending: create.isPending };
}
