import type { LatLng } from '@erun/contracts';
import {
  latLngBounds,
  type LeafletEvent,
  type Map as LeafletMap,
  type Marker as LeafletMarker,
} from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef } from 'react';
import { cx } from '../../lib/cx.ts';
import { MapContainer, Marker, Polyline, useMap, useMapEvents } from 'react-leaflet';
import { endpointIcon, meetingIcon, vertexIcon } from './map-icons.ts';
import { Tiles, type MapTiles } from './tiles.tsx';
import styles from './map.module.css';

/** Above this many points the vertices are not draggable markers (a GPX track has thousands). */
export const MAX_DRAGGABLE_POINTS = 200;
const DEFAULT_CENTER: LatLng = [37.5283, 126.9326]; // 여의도 한강공원
const ROUTE_STYLE = { color: '#686ef9', weight: 5, opacity: 0.9 };

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const toPoint = (event: LeafletEvent): LatLng => {
  const at = (event.target as LeafletMarker).getLatLng();
  return [round(at.lat), round(at.lng)];
};

interface RouteEditorProps {
  route: readonly LatLng[];
  onRouteChange: (route: LatLng[]) => void;
  /** Where the group meets; null shows it at the route's start. */
  meetingPoint: LatLng | null;
  onMeetingPointChange: (point: LatLng) => void;
  tiles: MapTiles;
  label: string;
  labels: { start: string; finish: string; meeting: string; vertex: string };
  /** Changes whenever the route was replaced as a whole (GPX import, draft): the map then frames it. */
  fitKey: number;
  onMapReady?: (map: LeafletMap) => void;
  className?: string;
}

/** A restored route is framed on the first render; an empty map starts on the Han River. */
function initialView(route: readonly LatLng[]) {
  if (route.length < 2) return { center: route[0] ?? DEFAULT_CENTER, zoom: 14 };
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

/** Draw a route: click or tap to add a point, drag a point to move it, drag the pin to move the meeting point. */
export function RouteEditor(props: RouteEditorProps) {
  const { route, onRouteChange, meetingPoint, onMeetingPointChange, tiles, label, labels, fitKey } = props;
  const draggable = route.length <= MAX_DRAGGABLE_POINTS;
  const meeting = meetingPoint ?? route[0] ?? null;
  const start = route[0];
  const finish = route.length > 1 ? route[route.length - 1] : undefined;

  const vertices = useMemo(() => {
    if (!draggable) return null;
    const move = (index: number, point: LatLng) =>
      onRouteChange(route.map((p, i) => (i === index ? point : p)));
    return route.map((point, index) => (
      <Marker
        key={index}
        position={point}
        icon={vertexIcon()}
        draggable
        title={labels.vertex}
        eventHandlers={{ dragend: (event) => move(index, toPoint(event)) }}
      />
    ));
  }, [draggable, route, onRouteChange, labels.vertex]);

  return (
    <div className={cx(styles.frame, props.className)} role="region" aria-label={label}>
      <MapContainer
        {...initialView(route)}
        className={styles.map}
        doubleClickZoom={false}
        ref={(map) => {
          if (map) props.onMapReady?.(map);
        }}
      >
        <Tiles tiles={tiles} />
        <ClickToAdd onAdd={(point) => onRouteChange([...route, point])} />
        <FitRoute route={route} fitKey={fitKey} />
        {route.length > 1 && (
          <Polyline positions={route as LatLng[]} pathOptions={ROUTE_STYLE} interactive={false} />
        )}
        {vertices}
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
