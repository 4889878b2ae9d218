import { RUN_LIMITS, suggestRegion, type LatLng, type Place, type Region } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { RouteDrawing } from '../../../../components/map/route-drawing.tsx';
import type { MapFocus } from '../../../../components/map/route-editor.tsx';
import { PlaceSearch } from '../../../../components/place-search.tsx';
import { FormSection } from '../../../../components/step-form/form-section.tsx';
import { RegionSelect } from '../../../../components/step-form/region-select.tsx';
import styles from '../../../../components/step-form/step-form.module.css';
import { TextField } from '../../../../components/text-field.tsx';
import type { RunFormApi } from './form-api.ts';

const suggestionOf = (route: readonly LatLng[]): Region | '' =>
  route[0] ? suggestRegion(route[0][0], route[0][1]) : '';

/**
 * Step 1: the route on the map (drawn or from GPX), the meeting point — searched by name or dragged — and the
 * region.
 */
export function CourseStep({ form }: { form: RunFormApi }) {
  const { t } = useTranslation();
  const { route, meetingPoint, region } = form.values;
  const [focus, setFocus] = useState<MapFocus | undefined>(undefined);
  /** The region the last picked place suggested (it follows the next pick until the host chooses another). */
  const [placeRegion, setPlaceRegion] = useState<Region | null>(null);

  const pickPlace = (place: Place) => {
    const point: LatLng = [place.lat, place.lng];
    form.setValue('meetingPoint', point);
    form.setValue('placeName', place.name.slice(0, RUN_LIMITS.placeNameMax));
    if (region === '' || region === suggestionOf(route) || region === placeRegion) {
      form.setValue('region', place.region);
      setPlaceRegion(place.region);
    }
    setFocus((last) => ({ point, key: (last?.key ?? 0) + 1 }));
  };

  const changeRoute = (next: LatLng[], segmentStarts: number[]) => {
    form.setValue('route', next);
    form.setValue('segmentStarts', segmentStarts);
    // The region follows the start point until the host picks another one.
    if (region === '' || region === suggestionOf(route)) form.setValue('region', suggestionOf(next));
  };

  const suggested = route.length > 0 && region === suggestionOf(route);
  const fromPlace = region !== '' && region === placeRegion;
  return (
    <FormSection title={t('runForm.course.title')} help={t('runForm.course.help')}>
      <PlaceSearch
        label={t('placeSearch.label')}
        placeholder={t('placeSearch.placeholder')}
        hint={t('placeSearch.hint')}
        onPick={pickPlace}
      />
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
        focus={focus}
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
          suggestedHint={
            fromPlace
              ? t('placeSearch.regionSuggested')
              : suggested
                ? t('runForm.course.regionSuggested')
                : undefined
          }
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
