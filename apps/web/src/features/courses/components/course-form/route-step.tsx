import { RUN_LIMITS, suggestRegion, type LatLng, type Region } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { RouteDrawing } from '../../../../components/map/route-drawing.tsx';
import { FormSection } from '../../../../components/step-form/form-section.tsx';
import { RegionSelect } from '../../../../components/step-form/region-select.tsx';
import styles from '../../../../components/step-form/step-form.module.css';
import { TextField } from '../../../../components/text-field.tsx';
import type { CourseFormApi } from './form-api.ts';

/** The region of the start point: the pin when moved, else the route's first point. */
const suggestionOf = (pin: LatLng | null, route: readonly LatLng[]): Region | '' => {
  const start = pin ?? route[0];
  return start ? suggestRegion(start[0], start[1]) : '';
};

/** Step 1: the route (drawn or from a GPX file), the start point and the region. */
export function RouteStep({ form }: { form: CourseFormApi }) {
  const { t } = useTranslation();
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
  return (
    <FormSection title={t('courseForm.route.title')} help={t('courseForm.route.help')}>
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
        <RegionSelect
          label={t('courseForm.route.region')}
          placeholder={t('courseForm.route.regionPlaceholder')}
          value={region}
          onChange={(next) => form.setValue('region', next)}
          suggestedHint={suggested ? t('courseForm.route.regionSuggested') : undefined}
          error={form.errorOf('region')}
        />
      </div>
      {startPin && (
        <Button variant="ghost" size="sm" className={styles.inlineAction} onClick={() => changePin(null)}>
          {t('courseForm.route.startAtRoute')}
        </Button>
      )}
    </FormSection>
  );
}
