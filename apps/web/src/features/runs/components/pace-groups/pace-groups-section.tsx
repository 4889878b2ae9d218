import { PACE_GROUP_LIMITS, RUN_LIMITS, type Participant, type Run } from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { FieldError } from '../../../../components/field-error.tsx';
import { FormSection } from '../../../../components/step-form/form-section.tsx';
import shared from '../../../../components/step-form/step-form.module.css';
import { formatPace } from '../../../../lib/format.ts';
import { paceGroupSeats, startingPaceGroups, type PaceGroupDraft } from '../../utils/run-form.ts';
import type { RunFormApi } from '../run-form/form-api.ts';
import styles from './pace-groups.module.css';

/**
 * "페이스 그룹 나누기" (DOMAIN.md "Pace groups"): 2–6 groups, each a pace (m'ss"), its seats and — on edit —
 * a pacer chosen among the run's host, co-hosts and runners. The run's seats are the groups' sum.
 */
export function PaceGroupsSection({ form, original }: { form: RunFormApi; original?: Run }) {
  const { t } = useTranslation();
  const errorId = useId();
  const groups = form.values.paceGroups;
  const on = groups.length > 0;
  const set = (next: PaceGroupDraft[]) => form.setValue('paceGroups', next);
  const update = (index: number, change: Partial<PaceGroupDraft>) =>
    set(groups.map((g, i) => (i === index ? { ...g, ...change } : g)));
  const seats = paceGroupSeats(groups);
  const pacers = original ? pacerChoices(original) : [];

  return (
    <FormSection title={t('paceGroups.form.title')} help={t('paceGroups.form.help')}>
      <label className={styles.toggle}>
        <input
          type="checkbox"
          checked={on}
          // A run that has groups keeps them: its runners are in them.
          disabled={on && (original?.paceGroups.length ?? 0) > 0}
          onChange={(e) => set(e.target.checked ? startingPaceGroups(form.values.capacity) : [])}
        />
        <span>{t('paceGroups.form.toggle')}</span>
      </label>
      {on && (
        <>
          <ol className={styles.groups} aria-describedby={errorId}>
            {groups.map((g, index) => {
              const pace = Number(g.paceMin || 0) * 60 + Number(g.paceSec || 0);
              const name = t('paceGroups.form.groupName', { n: index + 1 });
              return (
                <li key={g.id ?? `new-${index}`} className={styles.group}>
                  <fieldset className={styles.groupFields}>
                    <legend className={styles.groupName}>
                      {name}
                      {pace >= RUN_LIMITS.paceMin && pace <= RUN_LIMITS.paceMax && (
                        <span className={styles.pacePreview}> · {formatPace(pace)}</span>
                      )}
                    </legend>
                    <div className={styles.row}>
                      <div className={shared.paceInputs}>
                        <label className={shared.unitField}>
                          <input
                            className={shared.control}
                            type="number"
                            inputMode="numeric"
                            min={2}
                            max={20}
                            aria-label={t('paceGroups.form.paceMinutes', { name })}
                            value={g.paceMin}
                            onChange={(e) => update(index, { paceMin: e.target.value })}
                            onBlur={() => form.validateField('paceGroups')}
                          />
                          <span aria-hidden="true">{t('runForm.details.minutes')}</span>
                        </label>
                        <label className={shared.unitField}>
                          <input
                            className={shared.control}
                            type="number"
                            inputMode="numeric"
                            min={0}
                            max={59}
                            step={5}
                            aria-label={t('paceGroups.form.paceSeconds', { name })}
                            value={g.paceSec}
                            onChange={(e) => update(index, { paceSec: e.target.value })}
                            onBlur={() => form.validateField('paceGroups')}
                          />
                          <span aria-hidden="true">{t('runForm.details.seconds')}</span>
                        </label>
                      </div>
                      <label className={shared.unitField}>
                        <input
                          className={shared.control}
                          type="number"
                          inputMode="numeric"
                          min={PACE_GROUP_LIMITS.capacityMin}
                          max={RUN_LIMITS.capacityMax}
                          aria-label={t('paceGroups.form.seats', { name })}
                          value={g.capacity}
                          onChange={(e) => update(index, { capacity: e.target.value })}
                          onBlur={() => form.validateField('paceGroups')}
                        />
                        <span aria-hidden="true">{t('paceGroups.form.seatsUnit')}</span>
                      </label>
                    </div>
                    {original && (
                      <label className={styles.pacer}>
                        <span>{t('paceGroups.form.pacer')}</span>
                        <select
                          className={shared.control}
                          value={g.pacerId}
                          onChange={(e) => update(index, { pacerId: e.target.value })}
                        >
                          <option value="">{t('paceGroups.form.noPacer')}</option>
                          {pacers.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.nickname}
                            </option>
                          ))}
                        </select>
                      </label>
                    )}
                    <RemoveGroup
                      name={name}
                      runners={runnersIn(original, g.id)}
                      atMinimum={groups.length <= PACE_GROUP_LIMITS.min}
                      onRemove={() => set(groups.filter((_, i) => i !== index))}
                    />
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <div className={styles.footer}>
            <Button
              variant="outline"
              size="sm"
              disabled={groups.length >= PACE_GROUP_LIMITS.max}
              onClick={() => set([...groups, nextGroup(groups)])}
            >
              {t('paceGroups.form.add')}
            </Button>
            <p className={styles.total} aria-live="polite">
              {Number.isNaN(seats)
                ? t('paceGroups.form.totalUnknown')
                : t('paceGroups.form.total', { count: seats })}
            </p>
          </div>
          {!original && <p className={styles.hint}>{t('paceGroups.form.pacerLater')}</p>}
          <FieldError id={errorId} error={form.errorOf('paceGroups')} />
        </>
      )}
    </FormSection>
  );
}

/**
 * A group's remove button: a group with runners in it (seated or waiting) stays — the server refuses it, 409
 * PACE_GROUP_NOT_EMPTY — and so does one of the last two; the reason is said beside the disabled button.
 */
function RemoveGroup(props: { name: string; runners: number; atMinimum: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const reason =
    props.runners > 0
      ? t('paceGroupsMore.form.notEmpty', { count: props.runners })
      : props.atMinimum
        ? t('paceGroupsMore.form.atLeast', { count: PACE_GROUP_LIMITS.min })
        : null;
  return (
    <div className={styles.remove}>
      <Button
        variant="ghost"
        size="sm"
        disabled={reason !== null}
        aria-describedby={reason ? reasonId : undefined}
        onClick={props.onRemove}
      >
        {t('paceGroups.form.remove', { name: props.name })}
      </Button>
      {reason && (
        <p id={reasonId} className={styles.removeReason}>
          {reason}
        </p>
      )}
    </div>
  );
}

/** Runners seated or waiting in a stored group (0 for a group not saved yet). */
function runnersIn(original: Run | undefined, id: string | undefined): number {
  const group = id ? original?.paceGroups.find((g) => g.id === id) : undefined;
  return group ? group.participantCount + group.waitlistCount : 0;
}

/** A new group one minute slower than the slowest, with two seats. */
function nextGroup(groups: PaceGroupDraft[]): PaceGroupDraft {
  const slowest = Math.max(
    ...groups.map((g) => Number(g.paceMin || 0) * 60 + Number(g.paceSec || 0)).filter(Number.isFinite),
    300,
  );
  const pace = Math.min(slowest + 60, RUN_LIMITS.paceMax);
  return { paceMin: String(Math.floor(pace / 60)), paceSec: String(pace % 60), capacity: '4', pacerId: '' };
}

/** Who may pace: the host, the co-hosts and the runners seated in the run. */
function pacerChoices(run: Run): Participant[] {
  const all = [run.host, ...run.coHosts, ...run.participants];
  const seen = new Set<string>();
  return all.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}
