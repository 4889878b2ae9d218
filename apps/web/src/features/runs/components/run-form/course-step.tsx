import { REGIONS, RUN_LIMITS, suggestRegion, type LatLng, type Region } from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { describedBy, FieldError } from '../../../../components/field-error.tsx';
import { RouteDrawing } from '../../../../components/map/route-drawing.tsx';
import { TextField } from '../../../../components/text-field.tsx';
import type { RunFormApi } from './form-api.ts';
import styles from './run-form.module.css';

const suggestionOf = (route: readonly LatLng[]): Region | '' =>
  route[0] ? suggestRegion(route[0][0], route[0][1]) : '';

/** Step 1: the route on the map (drawn or from GPX), the meeting point and the region. */
export function CourseStep({ form }: { form: RunFormApi }) {
  const { t } = useTranslation();
  const id = useId();
  const { route, meetingPoint, region } = form.values;

  const changeRoute = (next: LatLng[], segmentStarts: number[]) => {
    form.setValue('route', next);
    form.setValue('segmentStarts', segmentStarts);
    // The region follows the start point until the host picks another one.
    if (region === '' || region === suggestionOf(route)) form.setValue('region', suggestionOf(next));
  };

  const suggested = route.length > 0 && region === suggestionOf(route);
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <div className={styles.sectionHead}>
        <h2 id={`${id}-title`} className={styles.heading}>
          {t('runForm.course.title')}
        </h2>
        <p className={styles.help}>{t('runForm.course.help')}</p>
      </div>
      <RouteDrawing
        route={route}
        segmentStarts={form.values.segmentStarts}
        onRouteChange={changeRoute}
        pin={meetingPoint}
        onPinChange={(point) => form.setValue('meetingPoint', point)}
        mapLabel={t('runForm.course.mapLabel')}
        pinLabel={t('map.meeting')}
        name="route"
        error={form.errorOf('route')}
      />

      <div className={styles.grid}>
        <TextField
          label={t('runForm.course.place')}
          hint={t('runForm.course.placeHint')}
          placeholder={t('runForm.course.placePlaceholder')}
          maxLength={RUN_LIMITS.placeNameMax}
          {...form.register('placeName')}
        />
        <div className={styles.field}>
          <label htmlFor={`${id}-region`} className={styles.label}>
            {t('runForm.course.region')}
          </label>
          <select
            id={`${id}-region`}
            name="region"
            className={styles.control}
            value={region}
            onChange={(event) => form.setValue('region', event.target.value as Region)}
            aria-invalid={form.errorOf('region') ? true : undefined}
            aria-describedby={describedBy(`${id}-region`, {
              hint: suggested,
              error: Boolean(form.errorOf('region')),
            })}
          >
            <option value="">{t('runForm.course.regionPlaceholder')}</option>
            {REGIONS.map((code) => (
              <option key={code} value={code}>
                {t(`region.${code}`)}
              </option>
            ))}
          </select>
          {suggested && (
            <p id={`${id}-region-hint`} className={styles.hint}>
              {t('runForm.course.regionSuggested')}
            </p>
          )}
          <FieldError id={`${id}-region-error`} error={form.errorOf('region')} />
        </div>
      </div>
      {meetingPoint && (
        <Button
          variant="ghost"
          size="sm"
          className={styles.inlineAction}
          onClick={() => form.setValue('meetingPoint', null)}
        >
          {t('runForm.course.meetingAtStart')}
        </Button>
      )}
    </section>
  );
}
