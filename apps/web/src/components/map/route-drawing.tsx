import { routeDistanceKm, RUN_LIMITS, type LatLng } from '@erun/contracts';
import type { Map as LeafletMap } from 'leaflet';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientConfig } from '../../lib/app-config.ts';
import { formatKm } from '../../lib/format.ts';
import type { RouteTrack } from '../../lib/gpx.ts';
import { GpxError } from '../../lib/gpx-error.ts';
import type { Message } from '../../lib/messages.ts';
import { Button } from '../button.tsx';
import { ChoiceGroup, type ChoiceOption } from '../choice-group.tsx';
import { Dialog } from '../dialog.tsx';
import { FieldError } from '../field-error.tsx';
import { PlusIcon, TrashIcon, UndoIcon, UploadIcon } from '../icons.tsx';
import { RouteEditor } from './lazy.tsx';
import type { MapFocus } from './route-editor.tsx';
import styles from './route-drawing.module.css';

const HISTORY_MAX = 50;
const GPX_ACCEPT = '.gpx,.tcx,.kml,application/gpx+xml,application/vnd.google-earth.kml+xml,text/xml';

interface RouteDrawingProps {
  route: LatLng[];
  /** Where each piece after the first starts (a track recorded in pieces); empty: one line. */
  segmentStarts: number[];
  /** Every change of the route: a point drawn or moved, undo, clear, pieces joined, a file imported. */
  onRouteChange: (route: LatLng[], segmentStarts: number[]) => void;
  /** The draggable pin (meeting point of a run, start point of a course); null: at the route's start. */
  pin: LatLng | null;
  onPinChange: (point: LatLng | null) => void;
  /** Describes the map for screen readers. */
  mapLabel: string;
  /** The pin's label on the map (모임 / 출발). */
  pinLabel: string;
  /** Names the hidden control the form focuses and points errors at. */
  name: string;
  /** A place picked in a search: the map moves there. */
  focus?: MapFocus;
  error?: Message;
}

/**
 * The route part of a form: the map editor with undo, clear, a point at the centre, and import from a GPX
 * (or TCX, KML) file — a file with several tracks asks which one.
 */
export function RouteDrawing({
  route,
  segmentStarts,
  onRouteChange,
  pin,
  onPinChange,
  ...props
}: RouteDrawingProps) {
  const { t } = useTranslation();
  const id = useId();
  const config = useClientConfig();
  const [history, setHistory] = useState<{ route: LatLng[]; segmentStarts: number[] }[]>([]);
  const [fitKey, setFitKey] = useState(0);
  const [fileError, setFileError] = useState<Message | null>(null);
  const [tracks, setTracks] = useState<RouteTrack[] | null>(null);
  const [handlesHidden, setHandlesHidden] = useState(false);
  const map = useRef<LeafletMap | null>(null);

  const change = (next: LatLng[], { fit = false, starts = segmentStarts } = {}) => {
    setHistory((all) => [...all.slice(-HISTORY_MAX + 1), { route, segmentStarts }]);
    onRouteChange(next, starts);
    if (fit) setFitKey((key) => key + 1);
  };

  const undo = () => {
    const shorter = route.slice(0, -1);
    const previous = history[history.length - 1] ?? {
      route: shorter,
      segmentStarts: segmentStarts.filter((start) => start <= shorter.length - 2),
    };
    setHistory((all) => all.slice(0, -1));
    onRouteChange(previous.route, previous.segmentStarts);
  };

  const addCenter = () => {
    const center = map.current?.getCenter();
    if (center) change([...route, [center.lat, center.lng].map((n) => Math.round(n * 1e6) / 1e6) as LatLng]);
  };

  const applyTrack = (track: RouteTrack) => {
    setTracks(null);
    onPinChange(null);
    change(track.points, { fit: true, starts: track.segmentStarts });
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      // The parser loads only when someone imports a file.
      const { readRouteFile } = await import('../../lib/gpx.ts');
      const found = await readRouteFile(file);
      setFileError(null);
      if (found.length === 1 && found[0]) applyTrack(found[0]);
      else setTracks(found);
    } catch (error) {
      const { format, reason } =
        error instanceof GpxError ? error : { format: 'unknown', reason: 'unreadable' };
      setFileError({
        key: `routeEditor.file.${reason}`,
        values: { file: t(`routeEditor.format.${format}`) },
      });
    }
  };

  return (
    <>
      <div className={styles.mapArea}>
        <RouteEditor
          className={styles.editorMap}
          route={route}
          segmentStarts={segmentStarts}
          onRouteChange={change}
          onHandlesHiddenChange={setHandlesHidden}
          meetingPoint={pin}
          onMeetingPointChange={onPinChange}
          tiles={{ url: config.tileUrl, attribution: config.tileAttribution }}
          label={props.mapLabel}
          labels={{
            start: t('map.start'),
            finish: t('map.finish'),
            meeting: props.pinLabel,
            vertex: t('map.vertex'),
          }}
          fitKey={fitKey}
          focus={props.focus}
          onMapReady={(instance) => {
            map.current = instance;
          }}
        />
        <p className={styles.distance} aria-live="polite">
          <strong>
            {t('routeEditor.distance', { km: routeDistanceKm(route, segmentStarts).toFixed(2) })}
          </strong>
          <span>{t('routeEditor.points', { count: route.length })}</span>
          {segmentStarts.length > 0 && (
            <span>{t('routeEditor.pieces', { count: segmentStarts.length + 1 })}</span>
          )}
        </p>
      </div>
      {handlesHidden && <p className={styles.hint}>{t('routeEditor.zoomToEdit')}</p>}
      {segmentStarts.length > 0 && <p className={styles.hint}>{t('routeEditor.joinHint')}</p>}
      <div className={styles.toolbar} role="group" aria-label={t('routeEditor.tools')}>
        <Button variant="outline" size="sm" onClick={undo} disabled={route.length === 0}>
          <UndoIcon width={18} height={18} />
          {t('routeEditor.undo')}
        </Button>
        <Button variant="outline" size="sm" onClick={() => change([])} disabled={route.length === 0}>
          <TrashIcon width={18} height={18} />
          {t('routeEditor.clear')}
        </Button>
        <Button
          variant="outline"
          size="sm"
          onClick={addCenter}
          disabled={route.length >= RUN_LIMITS.routeMax}
        >
          <PlusIcon width={18} height={18} />
          {t('routeEditor.addCenter')}
        </Button>
        {segmentStarts.length > 0 && (
          <Button variant="outline" size="sm" onClick={() => change(route, { starts: [] })}>
            {t('routeEditor.join')}
          </Button>
        )}
        <label className={styles.fileButton}>
          <input
            type="file"
            accept={GPX_ACCEPT}
            className={styles.fileInput}
            onChange={(event) => void onFile(event)}
            aria-describedby={`${id}-file-error`}
            aria-invalid={fileError ? true : undefined}
          />
          <UploadIcon width={18} height={18} />
          {t('routeEditor.import')}
        </label>
      </div>
      <FieldError id={`${id}-file-error`} error={fileError} />
      {/* The route itself is edited on the map; this names the field for errors and focus. */}
      <input
        type="hidden"
        name={props.name}
        value={route.length}
        aria-invalid={props.error ? true : undefined}
      />
      <FieldError id={`${id}-route-error`} error={props.error} />
      <TrackPicker tracks={tracks} onPick={applyTrack} onCancel={() => setTracks(null)} />
    </>
  );
}

/** A file with several tracks: which one becomes the route. */
function TrackPicker({
  tracks,
  onPick,
  onCancel,
}: {
  tracks: RouteTrack[] | null;
  onPick: (track: RouteTrack) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(0);
  const options = (tracks ?? []).map((track, index): ChoiceOption<number> => ({
    key: String(index),
    value: index,
    label: `${t(`routeEditor.pick.kind.${track.kind}`)} · ${track.name ?? t('routeEditor.pick.unnamed', { n: index + 1 })}`,
    description: t(track.segmentStarts.length > 0 ? 'routeEditor.pick.infoPieces' : 'routeEditor.pick.info', {
      km: formatKm(routeDistanceKm(track.points, track.segmentStarts)),
      count: track.points.length,
      pieces: track.segmentStarts.length + 1,
    }),
  }));
  const pick = () => {
    const track = tracks?.[chosen] ?? tracks?.[0];
    setChosen(0);
    if (track) onPick(track);
  };
  return (
    <Dialog
      open={tracks !== null}
      onClose={onCancel}
      title={t('routeEditor.pick.title')}
      actions={
        <>
          <Button variant="outline" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button onClick={pick}>{t('routeEditor.pick.confirm')}</Button>
        </>
      }
    >
      <div className={styles.tracks}>
        <ChoiceGroup
          name="track"
          legend={t('routeEditor.pick.legend', { count: options.length })}
          options={options}
          value={chosen}
          onChange={setChosen}
        />
      </div>
    </Dialog>
  );
}
