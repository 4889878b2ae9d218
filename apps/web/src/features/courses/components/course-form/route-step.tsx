import { REGIONS, RUN_LIMITS, suggestRegion, type LatLng, type Region } from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { describedBy, FieldError } from '../../../../components/field-error.tsx';
import { RouteDrawing } from '../../../../components/map/route-drawing.tsx';
import { TextField } from '../../../../components/text-field.tsx';
import type { CourseFormApi } from './form-api.ts';
import styles from './course-form.module.css';

/** The region of the start point: the pin when moved, else the route's first point. */
const suggestionOf = (pin: LatLng | null, route: readonly LatLng[]): Region | '' => {
  const start = pin ?? route[0];
  return start ? suggestRegion(start[0], start[1]) : '';
};

/** Step 1: the route (drawn or from a GPX file), the start point and the region. */
export function RouteStep({ form }: { form: CourseFormApi }) {
  const { t } = useTranslation();
  const id = useId();
  const { route, startPin, region } = form.values;
  const current = suggestionOf(startPin, route);
  // The region follows the start point until the author picks another one.
  const follow = region === '' || region === current;

  const changeRoute = (next: LatLng[], segmentStarts: number[]) => {
    form.setValue('route', next);
    form.setValue('segmentStarts', segmentStarts);
    if (follow) form.setValue('region', suggestionOf(startPin, next));
  };
  const changePin = (pin: LatLng | null) => {
    form.setValue('startPin', pin);
    if (follow) form.setValue('region', suggestionOf(pin, route));
  };

  const suggested = route.length > 0 && region === current;
  const regionError = form.errorOf('region');
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <div className={styles.sectionHead}>
        <h2 id={`${id}-title`} className={styles.heading}>
          {t('courseForm.route.title')}
        </h2>
        <p className={styles.help}>{t('courseForm.route.help')}</p>
      </div>
      <RouteDrawing
        route={route}
        segmentStarts={form.values.segmentStarts}
        onRouteChange={changeRoute}
        pin={startPin}
        onPinChange={changePin}
        mapLabel={t('courseForm.route.mapLabel')}
        pinLabel={t('map.meeting')}
        name="route"
        error={form.errorOf('route')}
      />
      <div className={styles.grid}>
        <TextField
          label={t('courseForm.route.startName')}
          hint={t('courseForm.route.startNameHint')}
          placeholder={t('courseForm.route.startNamePlaceholder')}
          maxLength={RUN_LIMITS.placeNameMax}
          {...form.register('startName')}
        />
        <div className={styles.field}>
          <label htmlFor={`${id}-region`} className={styles.label}>
            {t('courseForm.route.region')}
          </label>
          <select
            id={`${id}-region`}
            name="region"
            className={styles.control}
            value={region}
            onChange={(event) => form.setValue('region', event.target.value as Region)}
            aria-invalid={regionError ? true : undefined}
            aria-describedby={describedBy(`${id}-region`, { hint: suggested, error: Boolean(regionError) })}
          >
            <option value="">{t('courseForm.route.regionPlaceholder')}</option>
            {REGIONS.map((code) => (
              <option key={code} value={code}>
                {t(`region.${code}`)}
              </option>
            ))}
          </select>
          {suggested && (
            <p id={`${id}-region-hint`} className={styles.hint}>
              {t('courseForm.route.regionSuggested')}
            </p>
          )}
          <FieldError id={`${id}-region-error`} error={regionError} />
        </div>
      </div>
      {startPin && (
        <Button variant="ghost" size="sm" className={styles.inlineAction} onClick={() => changePin(null)}>
          {t('courseForm.route.startAtRoute')}
        </Button>
      )}
    </section>
  );
}
