import { CREW_LIMITS, type Participant, type Run, type RunVisibility } from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../../components/avatar.tsx';
import { ChoiceGroup, type ChoiceOption } from '../../../../components/choice-group.tsx';
import { FieldError } from '../../../../components/field-error.tsx';
import hidden from '../../../../components/visually-hidden.module.css';
import { FormSection } from '../../../../components/step-form/form-section.tsx';
import { TextField } from '../../../../components/text-field.tsx';
import { useMyStaffCrews } from '../../api/get-my-staff-crews.ts';
import type { RunFormApi } from './form-api.ts';
import styles from './run-form.module.css';

/**
 * "크루 러닝": shown to the staff of a crew (GET /api/me/crews?role=staff). The crew the run belongs to, who
 * sees it (everyone / members only) and the seats for guests. Nothing shows when the user staffs no crew or
 * the call fails; a run that already has a crew keeps its choice shown.
 */
export function CrewSection({ form, original }: { form: RunFormApi; original?: Run }) {
  const { t } = useTranslation();
  const crews = useMyStaffCrews();
  const { values } = form;
  const mine = crews.data?.items ?? [];
  const current = original?.crew && !mine.some((c) => c.id === original.crew?.id) ? [original.crew] : [];
  const choices = [...mine.map((c) => ({ id: c.id, name: c.name })), ...current];
  if (choices.length === 0) return null;

  const crewOptions: ChoiceOption<string>[] = [
    { key: 'none', value: '', label: t('crewRuns.form.noCrew') },
    ...choices.map((c) => ({ key: c.id, value: c.id, label: c.name })),
  ];
  const visibilities: ChoiceOption<RunVisibility>[] = [
    { key: 'public', value: 'public', label: t('crewRuns.form.public') },
    { key: 'crew', value: 'crew', label: t('crewRuns.form.membersOnly') },
  ];
  const capped = values.guestSeats !== '';
  const guestOptions: ChoiceOption<boolean>[] = [
    { key: 'open', value: false, label: t('crewRuns.form.guestsUnlimited') },
    { key: 'capped', value: true, label: t('crewRuns.form.guestsCapped') },
  ];

  return (
    <FormSection title={t('crewRuns.form.title')} help={t('crewRuns.form.help')}>
      <ChoiceGroup
        name="crewId"
        legend={t('crewRuns.form.crew')}
        layout="chips"
        options={crewOptions}
        value={values.crewId}
        onChange={(crewId) => {
          form.setValue('crewId', crewId);
          if (!crewId) {
            form.setValue('visibility', 'public');
            form.setValue('guestSeats', '');
          }
        }}
        error={form.errorOf('crewId')}
      />
      {values.crewId !== '' && (
        <>
          <ChoiceGroup
            name="visibility"
            legend={t('crewRuns.form.visibility')}
            hint={t(
              values.visibility === 'crew' ? 'crewRuns.form.membersOnlyHint' : 'crewRuns.form.publicHint',
            )}
            layout="chips"
            options={visibilities}
            value={values.visibility}
            onChange={(visibility) => {
              form.setValue('visibility', visibility);
              if (visibility === 'crew') form.setValue('guestSeats', '');
            }}
            error={form.errorOf('visibility')}
          />
          {values.visibility === 'public' && (
            <div className={styles.guests}>
              <ChoiceGroup
                name="guestCap"
                legend={t('crewRuns.form.guestSeats')}
                hint={t('crewRuns.form.guestSeatsHint')}
                layout="chips"
                options={guestOptions}
                value={capped}
                onChange={(on) => form.setValue('guestSeats', on ? '2' : '')}
              />
              {capped && (
                <TextField
                  type="number"
                  inputMode="numeric"
                  label={t('crewRuns.form.guestSeatsCount')}
                  min={1}
                  max={Math.max(1, Number(values.capacity) - 1)}
                  {...form.register('guestSeats')}
                />
              )}
            </div>
          )}
        </>
      )}
    </FormSection>
  );
}

/**
 * "공동 호스트" on edit: up to five of the run's runners, chosen by the host or the crew's staff. They hold
 * seats already; the server checks who may choose.
 */
export function CoHostSection({
  form,
  original,
  hostId,
}: {
  form: RunFormApi;
  original: Run;
  hostId: string;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  const runners: Participant[] = original.participants.filter((p) => p.id !== hostId);
  const chosen = form.values.coHostIds;
  const full = chosen.length >= CREW_LIMITS.cohostsMax;
  const toggle = (id: string, on: boolean) =>
    form.setValue('coHostIds', on ? [...chosen, id] : chosen.filter((c) => c !== id));

  return (
    <FormSection
      title={t('crewRuns.form.coHosts')}
      help={t('crewRuns.form.coHostsHelp', { max: CREW_LIMITS.cohostsMax })}
    >
      {runners.length === 0 ? (
        <p className={styles.muted}>{t('crewRuns.form.coHostsEmpty')}</p>
      ) : (
        <fieldset className={styles.coHosts} aria-describedby={errorId}>
          <legend className={hidden.srOnly}>{t('crewRuns.form.coHosts')}</legend>
          {runners.map((p) => {
            const on = chosen.includes(p.id);
            return (
              <label key={p.id} className={styles.coHost}>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={!on && full}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
                <Avatar image={p.avatar} name={p.nickname} size="sm" />
                <span>{p.nickname}</span>
              </label>
            );
          })}
        </fieldset>
      )}
      <FieldError id={errorId} error={form.errorOf('coHostIds')} />
    </FormSection>
  );
}
