import {
  CREW_LIMITS,
  JOIN_POLICIES,
  REGIONS,
  WEEKDAYS,
  type Crew,
  type JoinPolicy,
  type LatLng,
  type Place,
  type Region,
  type Weekday,
} from '@erun/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, MultiChoiceGroup, type ChoiceOption } from '../../../components/choice-group.tsx';
import { FieldError } from '../../../components/field-error.tsx';
import { RouteEditor } from '../../../components/map/lazy.tsx';
import type { MapFocus } from '../../../components/map/route-editor.tsx';
import { PlaceSearch } from '../../../components/place-search.tsx';
import { FormSection } from '../../../components/step-form/form-section.tsx';
import { PaceFields } from '../../../components/step-form/pace-fields.tsx';
import shared from '../../../components/step-form/step-form.module.css';
import { StepForm } from '../../../components/step-form/step-form.tsx';
import { TextAreaField, TextField } from '../../../components/text-field.tsx';
import { useClientConfig } from '../../../lib/app-config.ts';
import { useZodForm } from '../../../lib/form.ts';
import { useCreateCrew, useUpdateCrew } from '../api/save-crew.ts';
import {
  changedCrewFields,
  CREW_FIELD_MESSAGES,
  CREW_FORM_STEPS,
  CREW_ISSUE_FIELDS,
  CREW_STEP_FIELDS,
  crewFormSchema,
  nameCheck,
  toCrewPayload,
  type CrewFormParsed,
  type CrewFormValues,
} from '../utils/crew-form.ts';
import { dayName, formatRhythm } from '../utils/rhythm.ts';
import styles from './crew-form.module.css';
import type { LabelledPhotosFieldProps } from '../../../components/step-form/photos-field.ts';

/** What the page plugs in as an image field (uploads live in another feature). */
export type CrewImageFieldProps = LabelledPhotosFieldProps;

interface CrewFormProps {
  initial: CrewFormValues;
  /** Editing this crew; making a new one when absent. */
  original?: Crew;
  renderImageField: (field: CrewImageFieldProps) => ReactNode;
  onSaved: (crew: Crew) => void;
}

type Form = ReturnType<typeof useCrewForm>;

function useCrewForm(initial: CrewFormValues) {
  return useZodForm(crewFormSchema(), initial, {
    issueFields: CREW_ISSUE_FIELDS,
    fieldMessages: CREW_FIELD_MESSAGES,
    codeFields: { CREW_NAME_TAKEN: 'name', UPLOAD_NOT_FOUND: 'logo' },
  });
}

/** Make or edit a crew in four steps: basics, place and rhythm, joining, photos. */
export function CrewForm({ initial, original, renderImageField, onSaved }: CrewFormProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState({ logo: false, cover: false });
  const createCrew = useCreateCrew();
  const updateCrew = useUpdateCrew();
  const [initialPayload] = useState(() => toCrewPayload(initial));
  const form = useCrewForm(initial);

  const publish = (data: CrewFormParsed, onError: (error: unknown) => void) => {
    if (!original) return createCrew.mutate(data, { onSuccess: onSaved, onError });
    const changes = changedCrewFields(initialPayload, data);
    updateCrew.mutate({ crewId: original.id, changes }, { onSuccess: onSaved, onError });
  };

  const image = (field: 'logo' | 'cover') =>
    renderImageField({
      photos: form.values[field],
      onChange: (photos) => form.setValue(field, photos),
      max: 1,
      // The same state when nothing changed: PhotosUpload reports on every new callback, and a new object
      // each time re-rendered the form forever, which starved navigation (the crew page never showed).
      onPendingChange: (busy) => setPending((p) => (p[field] === busy ? p : { ...p, [field]: busy })),
      error: form.errorOf(field),
      label: t(`crewForm.images.${field}`),
    });

  return (
    <StepForm
      form={form}
      steps={CREW_FORM_STEPS}
      stepFields={CREW_STEP_FIELDS}
      fallbackStep="basics"
      labels={{
        step: (s) => t(`crewForm.steps.${s}`),
        previous: t('crewForm.previous'),
        next: t('crewForm.next'),
        submit: t(original ? 'crewForm.saveEdit' : 'crewForm.publish'),
      }}
      pending={createCrew.isPending || updateCrew.isPending}
      submitDisabled={pending.logo || pending.cover}
      onPublish={publish}
    >
      {(step) =>
        step === 'basics' ? (
          <BasicsStep form={form} />
        ) : step === 'place' ? (
          <PlaceStep form={form} />
        ) : step === 'join' ? (
          <JoinStep form={form} />
        ) : (
          <FormSection title={t('crewForm.images.title')}>
            {image('logo')}
            {image('cover')}
          </FormSection>
        )
      }
    </StepForm>
  );
}

function BasicsStep({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { values } = form;
  const check = nameCheck(values.name);
  const limits = { min: CREW_LIMITS.nameMin, max: CREW_LIMITS.nameMax };
  const status =
    check.length === 0
      ? null
      : check.ok
        ? t('crewForm.basics.nameOk')
        : check.length < limits.min
          ? t('crewForm.basics.nameShort', limits)
          : t('crewForm.basics.nameLong', limits);
  const regions = REGIONS.map((v): ChoiceOption<Region> => ({ key: v, value: v, label: t(`region.${v}`) }));
  return (
    <FormSection title={t('crewForm.basics.title')}>
      <TextField
        label={t('crewForm.basics.name')}
        hint={`${t('crewForm.basics.nameHint', limits)} ${t('crewForm.basics.nameCount', { length: check.length, max: limits.max })}`}
        placeholder={t('crewForm.basics.namePlaceholder')}
        maxLength={limits.max + 10}
        {...form.register('name')}
      />
      <p
        className={`${styles.nameStatus} ${check.ok ? styles.ok : styles.bad}`}
        role="status"
        aria-live="polite"
      >
        {status}
      </p>
      <MultiChoiceGroup
        name="regions"
        legend={t('crewForm.basics.regions', { max: CREW_LIMITS.regionsMax })}
        hint={t('crewForm.basics.regionsHint')}
        options={regions}
        values={values.regions}
        onChange={(next) => form.setValue('regions', next.slice(0, CREW_LIMITS.regionsMax))}
        error={form.errorOf('regions')}
      />
      <TextField
        label={t('crewForm.basics.level')}
        placeholder={t('crewForm.basics.levelPlaceholder')}
        maxLength={CREW_LIMITS.levelMax}
        {...form.register('level')}
      />
      <label className={styles.check}>
        <input
          type="checkbox"
          name="beginnerFriendly"
          checked={values.beginnerFriendly}
          onChange={(event) => form.setValue('beginnerFriendly', event.target.checked)}
        />
        {t('crewForm.basics.beginner')}
      </label>
      <div className={styles.womenOnly}>
        <label className={styles.check}>
          <input
            type="checkbox"
            name="womenOnly"
            checked={values.womenOnly}
            aria-describedby="crew-women-only-hint"
            onChange={(event) => form.setValue('womenOnly', event.target.checked)}
          />
          {t('womenOnly.crewField.label')}
        </label>
        <p id="crew-women-only-hint" className={styles.womenOnlyHint}>
          {t('womenOnly.crewField.hint')}
        </p>
      </div>
      <TextAreaField
        label={t('crewForm.basics.description')}
        placeholder={t('crewForm.basics.descriptionPlaceholder')}
        maxLength={CREW_LIMITS.descriptionMax}
        rows={6}
        {...form.register('description')}
      />
    </FormSection>
  );
}

function PlaceStep({ form }: { form: Form }) {
  const { t, i18n } = useTranslation();
  const config = useClientConfig();
  const { values } = form;
  const days = WEEKDAYS.map((v): ChoiceOption<Weekday> => ({
    key: v,
    value: v,
    label: dayName(v, i18n.language),
  }));
  const rhythm = formatRhythm(values.days, values.time || null, i18n.language);
  const pin = values.spot;
  const setPin = (point: LatLng | null) => form.setValue('spot', point);
  const [focus, setFocus] = useState<MapFocus | undefined>(undefined);
  const pickPlace = (place: Place) => {
    const point: LatLng = [place.lat, place.lng];
    setPin(point);
    form.setValue('spotName', place.name.slice(0, 100));
    setFocus((last) => ({ point, key: (last?.key ?? 0) + 1 }));
  };
  const pace = (side: 'fast' | 'slow') => ({
    legend: t(`crewForm.place.${side}`),
    units: { minutes: t('crewForm.place.minutes'), seconds: t('crewForm.place.seconds') },
    hint: side === 'slow' ? t('crewForm.place.paceHint') : '',
    values: { paceMin: values[`${side}Min`], paceSec: values[`${side}Sec`] },
    onChange: (field: 'paceMin' | 'paceSec', value: string) =>
      form.setValue(field === 'paceMin' ? `${side}Min` : `${side}Sec`, value),
    onBlur: () => form.validateField('fastMin'),
  });
  return (
    <FormSection title={t('crewForm.place.title')} help={t('crewForm.place.help')}>
      <PlaceSearch
        label={t('placeSearch.label')}
        placeholder={t('placeSearch.placeholder')}
        hint={t('placeSearch.crewHint')}
        onPick={pickPlace}
      />
      {/* The run form's map: a tap puts the pin there, the pin can be dragged. */}
      <RouteEditor
        className={styles.map}
        route={pin ? [pin] : []}
        onRouteChange={(route) => setPin(route[route.length - 1] ?? null)}
        meetingPoint={pin}
        onMeetingPointChange={setPin}
        tiles={{ url: config.tileUrl, attribution: config.tileAttribution }}
        label={t('crewForm.place.mapLabel')}
        labels={{
          start: t('crewForm.place.pin'),
          finish: t('crewForm.place.pin'),
          meeting: t('crewForm.place.pin'),
          vertex: t('crewForm.place.pin'),
        }}
        fitKey={0}
        focus={focus}
      />
      <TextField
        label={t('crewForm.place.spotName')}
        placeholder={t('crewForm.place.spotPlaceholder')}
        maxLength={100}
        {...form.register('spotName')}
      />
      <MultiChoiceGroup
        name="days"
        legend={t('crewForm.place.days')}
        options={days}
        values={values.days}
        onChange={(next) => form.setValue('days', next)}
        error={form.errorOf('days')}
      />
      <TextField
        type="time"
        label={t('crewForm.place.time')}
        hint={t('crewForm.place.timeHint')}
        {...form.register('time')}
      />
      {rhythm && (
        <p className={styles.preview} aria-live="polite">
          {t('crewForm.place.rhythmPreview', { rhythm })}
        </p>
      )}
      <fieldset className={shared.fieldset}>
        <legend className={shared.label}>{t('crewForm.place.pace')}</legend>
        <div className={shared.grid}>
          <PaceFields {...pace('fast')} />
          <PaceFields {...pace('slow')} />
        </div>
        <FieldError id="crew-pace-error" error={form.errorOf('fastMin')} />
      </fieldset>
    </FormSection>
  );
}

function JoinStep({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { values } = form;
  const policies = JOIN_POLICIES.map((v): ChoiceOption<JoinPolicy> => ({
    key: v,
    value: v,
    label: t(`crewForm.join.${v}`),
    description: t(`crewForm.join.${v}Description`),
  }));
  return (
    <FormSection title={t('crewForm.join.title')}>
      <ChoiceGroup
        name="joinPolicy"
        legend={t('crewForm.join.policy')}
        options={policies}
        value={values.joinPolicy}
        onChange={(policy) => form.setValue('joinPolicy', policy)}
        error={form.errorOf('joinPolicy')}
      />
      {values.joinPolicy === 'approval' && (
        <fieldset className={styles.questions}>
          <legend className={shared.label}>
            {t('crewForm.join.questions', { max: CREW_LIMITS.questionsMax })}
          </legend>
          {values.questions.map((question, i) => (
            <TextField
              key={i}
              label={t('crewForm.join.question', { n: i + 1 })}
              placeholder={t('crewForm.join.questionPlaceholder')}
              maxLength={CREW_LIMITS.questionMax}
              name={i === 0 ? 'questions' : `question${i}`}
              value={question}
              onChange={(event) =>
                form.setValue(
                  'questions',
                  values.questions.map((q, j) => (j === i ? event.target.value : q)),
                )
              }
            />
          ))}
          <FieldError id="crew-questions-error" error={form.errorOf('questions')} />
        </fieldset>
      )}
      <TextField
        type="number"
        inputMode="numeric"
        min={CREW_LIMITS.autoMemberMin}
        max={CREW_LIMITS.autoMemberMax}
        label={`${t('crewForm.join.autoMember')} (${t('crewForm.join.autoMemberUnit')})`}
        hint={t('crewForm.join.autoMemberHint')}
        {...form.register('autoMember')}
      />
    </FormSection>
  );
}
