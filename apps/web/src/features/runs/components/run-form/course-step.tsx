import { RUN_LIMITS, suggestRegion, type LatLng, type Region } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { RouteDrawing } from '../../../../components/map/route-drawing.tsx';
import { FormSection } from '../../../../components/step-form/form-section.tsx';
import { RegionSelect } from '../../../../components/step-form/region-select.tsx';
import styles from '../../../../components/step-form/step-form.module.css';
import { TextField } from '../../../../components/text-field.tsx';
import type { RunFormApi } from './form-api.ts';

const suggestionOf = (route: readonly LatLng[]): Region | '' =>
  route[0] ? suggestRegion(route[0][0], route[0][1]) : '';

/** Step 1: the route on the map (drawn or from GPX), the meeting point and the region. */
export function CourseStep({ form }: { form: RunFormApi }) {
  const { t } = useTranslation();
  const { route, meetingPoint, region } = form.values;

  const changeRoute = (next: LatLng[], segmentStarts: number[]) => {
    form.setValue('route', next);
    form.setValue('segmentStarts', segmentStarts);
    // The region follows the start point until the host picks another one.
    if (region === '' || region === suggestionOf(route)) form.setValue('region', suggestionOf(next));
  };

  const suggested = route.length > 0 && region === suggestionOf(route);
  return (
    <FormSection title={t('runForm.course.title')} help={t('runForm.course.help')}>
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
        <RegionSelect
          label={t('runForm.course.region')}
          placeholder={t('runForm.course.regionPlaceholder')}
          value={region}
          onChange={(next) => form.setValue('region', next)}
          suggestedHint={suggested ? t('runForm.course.regionSuggested') : undefined}
          error={form.errorOf('region')}
        />
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
    </FormSection>
  );
}
