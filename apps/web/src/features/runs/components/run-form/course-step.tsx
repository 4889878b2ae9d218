import {
  REGIONS,
  routeDistanceKm,
  RUN_LIMITS,
  suggestRegion,
  type LatLng,
  type Region,
} from '@erun/contracts';
import type { Map as LeafletMap } from 'leaflet';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { describedBy, FieldError } from '../../../../components/field-error.tsx';
import { PlusIcon, TrashIcon, UndoIcon, UploadIcon } from '../../../../components/icons.tsx';
import { RouteEditor } from '../../../../components/map/lazy.tsx';
import { TextField } from '../../../../components/text-field.tsx';
import type { Message } from '../../../../lib/messages.ts';
import { useClientConfig } from '../../api/get-config.ts';
import type { RunFormApi } from './form-api.ts';
import styles from './run-form.module.css';

const HISTORY_MAX = 50;
const suggestionOf = (route: readonly LatLng[]): Region | '' =>
  route[0] ? suggestRegion(route[0][0], route[0][1]) : '';

/** Step 1: the route on the map (drawn or from GPX), the meeting point and the region. */
export function CourseStep({ form }: { form: RunFormApi }) {
  const { t } = useTranslation();
  const id = useId();
  const config = useClientConfig();
  const { route, meetingPoint, region } = form.values;
  const [history, setHistory] = useState<LatLng[][]>([]);
  const [fitKey, setFitKey] = useState(0);
  const [gpxError, setGpxError] = useState<Message | null>(null);
  const map = useRef<LeafletMap | null>(null);

  const changeRoute = (next: LatLng[], { fit = false } = {}) => {
    setHistory((all) => [...all.slice(-HISTORY_MAX + 1), route]);
    form.setValue('route', next);
    // The region follows the start point until the host picks another one.
    if (region === '' || region === suggestionOf(route)) form.setValue('region', suggestionOf(next));
    if (fit) setFitKey((key) => key + 1);
  };

  const undo = () => {
    const previous = history[history.length - 1] ?? route.slice(0, -1);
    setHistory((all) => all.slice(0, -1));
    form.setValue('route', previous);
    if (region === suggestionOf(route)) form.setValue('region', suggestionOf(previous));
  };

  const addCenter = () => {
    const center = map.current?.getCenter();
    if (center)
      changeRoute([...route, [center.lat, center.lng].map((n) => Math.round(n * 1e6) / 1e6) as LatLng]);
  };

  const onGpx = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      // The GPX parser loads only when someone imports a file.
      const { readGpxFile } = await import('../../utils/gpx.ts');
      const points = await readGpxFile(file);
      setGpxError(null);
      form.setValue('meetingPoint', null);
      changeRoute(points, { fit: true });
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'invalid';
      setGpxError({ key: `runForm.gpx.${code}` });
    }
  };

  const distance = routeDistanceKm(route);
  const routeError = form.errorOf('route');
  const suggested = route.length > 0 && region === suggestionOf(route);
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <div className={styles.sectionHead}>
        <h2 id={`${id}-title`} className={styles.heading}>
          {t('runForm.course.title')}
        </h2>
        <p className={styles.help}>{t('runForm.course.help')}</p>
      </div>
      <div className={styles.mapArea}>
        <RouteEditor
          className={styles.editorMap}
          route={route}
          onRouteChange={changeRoute}
          meetingPoint={meetingPoint}
          onMeetingPointChange={(point) => form.setValue('meetingPoint', point)}
          tiles={{ url: config.tileUrl, attribution: config.tileAttribution }}
          label={t('runForm.course.mapLabel')}
          labels={{
            start: t('map.start'),
            finish: t('map.finish'),
            meeting: t('map.meeting'),
            vertex: t('map.vertex'),
          }}
          fitKey={fitKey}
          onMapReady={(instance) => {
            map.current = instance;
          }}
        />
        <p className={styles.distance} aria-live="polite">
          <strong>{t('runForm.course.distance', { km: distance.toFixed(2) })}</strong>
          <span>{t('runForm.course.points', { count: route.length })}</span>
        </p>
      </div>
      <div className={styles.toolbar} role="group" aria-label={t('runForm.course.tools')}>
        <Button variant="outline" size="sm" onClick={undo} disabled={route.length === 0}>
          <UndoIcon width={18} height={18} />
          {t('runForm.course.undo')}
        </Button>
        <Button variant="outline" size="sm" onClick={() => changeRoute([])} disabled={route.length === 0}>
          <TrashIcon width={18} height={18} />
          {t('runForm.course.clear')}
        </Button>
        <Button
          variant="outline"
          size="sm"
          onClick={addCenter}
          disabled={route.length >= RUN_LIMITS.routeMax}
        >
          <PlusIcon width={18} height={18} />
          {t('runForm.course.addCenter')}
        </Button>
        <label className={styles.fileButton}>
          <input
            type="file"
            accept=".gpx,application/gpx+xml,application/xml,text/xml"
            className={styles.fileInput}
            onChange={(event) => void onGpx(event)}
            aria-describedby={`${id}-gpx-error`}
            aria-invalid={gpxError ? true : undefined}
          />
          <UploadIcon width={18} height={18} />
          {t('runForm.course.gpx')}
        </label>
      </div>
      <FieldError id={`${id}-gpx-error`} error={gpxError} />
      {/* The route itself is edited on the map; this names the field for errors and focus. */}
      <input type="hidden" name="route" value={route.length} aria-invalid={routeError ? true : undefined} />
      <FieldError id={`${id}-route-error`} error={routeError} />

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
