import { routePieces, type LatLng } from '@erun/contracts';
import {
  latLngBounds,
  type LeafletEvent,
  type Map as LeafletMap,
  type Marker as LeafletMarker,
} from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { cx } from '../../lib/cx.ts';
import { MapContainer, Marker, Polyline, useMap, useMapEvents } from 'react-leaflet';
import { endpointIcon, meetingIcon, vertexIcon } from './map-icons.ts';
import { Tiles, type MapTiles } from './tiles.tsx';
import styles from './map.module.css';

/**
 * Drag handles never cover the route: a short route has one on every point; a longer one (an imported track
 * has hundreds) has them on the points in view at least `HANDLE_SPACING_PX` apart on screen, and none while
 * that would still be more than `MAX_HANDLES` (the user zooms in to edit).
 */
export const MAX_HANDLES = 30;
const HANDLE_SPACING_PX = 36;
const DEFAULT_CENTER: LatLng = [37.5283, 126.9326]; // 여의도 한강공원
const ROUTE_STYLE = { color: '#686ef9', weight: 5, opacity: 0.9 };

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const toPoint = (event: LeafletEvent): LatLng => {
  const at = (event.target as LeafletMarker).getLatLng();
  return [round(at.lat), round(at.lng)];
};

/** Where the map should go (a place picked in a search); a new `key` moves it again to the same point. */
export interface MapFocus {
  point: LatLng;
  key: number;
}

interface RouteEditorProps {
  route: readonly LatLng[];
  /** Where each piece after the first starts: the pieces are separate lines (the jump was not run). */
  segmentStarts?: readonly number[];
  onRouteChange: (route: LatLng[]) => void;
  /** True while the route has too many points in view for handles (the user should zoom in). */
  onHandlesHiddenChange?: (hidden: boolean) => void;
  /** Where the group meets; null shows it at the route's start. */
  meetingPoint: LatLng | null;
  onMeetingPointChange: (point: LatLng) => void;
  tiles: MapTiles;
  label: string;
  labels: { start: string; finish: string; meeting: string; vertex: string };
  /** Changes whenever the route was replaced as a whole (GPX import, draft): the map then frames it. */
  fitKey: number;
  /** A place chosen in a search: the map moves there whenever `key` changes. */
  focus?: MapFocus;
  onMapReady?: (map: LeafletMap) => void;
  className?: string;
}

/**
 * A restored route is framed on the first render; an empty map starts at the meeting point when there is one
 * (a place picked before the map loaded), else on the Han River.
 */
function initialView(route: readonly LatLng[], meetingPoint: LatLng | null) {
  if (route.length < 2) return { center: route[0] ?? meetingPoint ?? DEFAULT_CENTER, zoom: 14 };
  return {
    bounds: latLngBounds(route.map(([lat, lng]) => [lat, lng])),
    boundsOptions: { padding: [24, 24] as [number, number] },
  };
}

function ClickToAdd({ onAdd }: { onAdd: (point: LatLng) => void }) {
  useMapEvents({ click: (event) => onAdd([round(event.latlng.lat), round(event.latlng.lng)]) });
  return null;
}

/** Frames the route when it was replaced as a whole; points added by hand never move the map. */
function FitRoute({ route, fitKey }: { route: readonly LatLng[]; fitKey: number }) {
  const map = useMap();
  const last = useRef(fitKey);
  useEffect(() => {
    if (last.current === fitKey || route.length === 0) return;
    last.current = fitKey;
    if (route.length === 1) map.setView(route[0] as LatLng, 15);
    else map.fitBounds(latLngBounds(route.map(([lat, lng]) => [lat, lng])), { padding: [24, 24] });
  }, [map, route, fitKey]);
  return null;
}

/** Moves the map to a chosen place (close enough to see the streets), once per `focus.key`. */
function FocusPoint({ focus }: { focus: MapFocus | undefined }) {
  const map = useMap();
  const last = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!focus || last.current === focus.key) return;
    last.current = focus.key;
    map.setView(focus.point, Math.max(map.getZoom(), 15));
  }, [map, focus]);
  return null;
}

/** The indexes of the points that get a drag handle (see MAX_HANDLES). */
function useHandleIndexes(route: readonly LatLng[], onHiddenChange?: (hidden: boolean) => void): number[] {
  const map = useMap();
  const [view, setView] = useState(() => ({ bounds: map.getBounds(), zoom: map.getZoom() }));
  const update = () => setView({ bounds: map.getBounds(), zoom: map.getZoom() });
  useMapEvents({ moveend: update, zoomend: update });
  const indexes = useMemo(() => {
    if (route.length <= MAX_HANDLES) return route.map((_, index) => index);
    const inView = view.bounds.pad(0.1);
    const kept: number[] = [];
    let last: { x: number; y: number } | null = null;
    for (let i = 0; i < route.length && kept.length <= MAX_HANDLES; i++) {
      const point = route[i] as LatLng;
      if (!inView.contains(point)) continue;
      const at = map.project(point, view.zoom);
      if (last && Math.hypot(at.x - last.x, at.y - last.y) < HANDLE_SPACING_PX) continue;
      kept.push(i);
      last = at;
    }
    return kept.length <= MAX_HANDLES ? kept : [];
  }, [map, route, view]);
  const hidden = route.length > MAX_HANDLES && indexes.length === 0;
  useEffect(() => onHiddenChange?.(hidden), [hidden, onHiddenChange]);
  return indexes;
}

/** Drag handles on the points, never so many that they cover the route. */
function Handles({
  route,
  onRouteChange,
  label,
  onHiddenChange,
}: {
  route: readonly LatLng[];
  onRouteChange: (route: LatLng[]) => void;
  label: string;
  onHiddenChange?: (hidden: boolean) => void;
}) {
  const indexes = useHandleIndexes(route, onHiddenChange);
  const move = (index: number, point: LatLng) =>
    onRouteChange(route.map((p, i) => (i === index ? point : p)));
  return indexes.map((index) => (
    <Marker
      key={index}
      position={route[index] as LatLng}
      icon={vertexIcon()}
      draggable
      title={label}
      eventHandlers={{ dragend: (event) => move(index, toPoint(event)) }}
    />
  ));
}

/** Draw a route: click or tap to add a point, drag a point to move it, drag the pin to move the meeting point. */
export function RouteEditor(props: RouteEditorProps) {
  const { route, onRouteChange, meetingPoint, onMeetingPointChange, tiles, label, labels, fitKey } = props;
  const meeting = meetingPoint ?? route[0] ?? null;
  const start = route[0];
  const finish = route.length > 1 ? route[route.length - 1] : undefined;
  const pieces = useMemo(
    () => routePieces(route as LatLng[], props.segmentStarts ?? []).filter((piece) => piece.length > 1),
    [route, props.segmentStarts],
  );

  return (
    <div className={cx(styles.frame, props.className)} role="region" aria-label={label}>
      <MapContainer
        {...initialView(route, meetingPoint)}
        className={styles.map}
        doubleClickZoom={false}
        ref={(map) => {
          if (map) props.onMapReady?.(map);
        }}
      >
        <Tiles tiles={tiles} />
        <ClickToAdd onAdd={(point) => onRouteChange([...route, point])} />
        <FitRoute route={route} fitKey={fitKey} />
        <FocusPoint focus={props.focus} />
        {pieces.map((piece, index) => (
          <Polyline key={index} positions={piece} pathOptions={ROUTE_STYLE} interactive={false} />
        ))}
        <Handles
          route={route}
          onRouteChange={onRouteChange}
          label={labels.vertex}
          onHiddenChange={props.onHandlesHiddenChange}
        />
        {start && <Marker position={start} icon={endpointIcon('start', labels.start)} interactive={false} />}
        {finish && (
          <Marker position={finish} icon={endpointIcon('finish', labels.finish)} interactive={false} />
        )}
        {meeting && (
          <Marker
            position={meeting}
            icon={meetingIcon(labels.meeting)}
            draggable
            title={labels.meeting}
            zIndexOffset={1000}
            eventHandlers={{ dragend: (event) => onMeetingPointChange(toPoint(event)) }}
          />
        )}
      </MapContainer>
      <span className={styles.crosshair} aria-hidden="true" />
    </div>
  );
}
