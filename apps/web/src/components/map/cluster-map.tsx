import { divIcon, type DivIcon, type Map as LeafletMap } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MapContainer, Marker, useMap, useMapEvents } from 'react-leaflet';
import Supercluster from 'supercluster';
import { cx } from '../../lib/cx.ts';
import { Tiles, type MapTiles } from './tiles.tsx';
import frame from './map.module.css';
import styles from './cluster-map.module.css';

/** A point on the map: a pin, or part of a cluster when zoomed out. */
export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
  /** The pin's accessible name (a run's title). */
  label: string;
}

/** A box in degrees, edges included. */
export interface MapBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface ClusterMapProps {
  points: readonly MapPoint[];
  /** The box to show. Changed from outside (back, a shared link) the map frames it; its own moves do not. */
  view: MapBox;
  /** The visible box after the map settles (pans and zooms, debounced). */
  onMove: (box: MapBox) => void;
  /** A pin's id, or the ids of a cluster whose points share one spot (no zoom can part them). */
  onSelect: (ids: string[]) => void;
  selected: readonly string[];
  tiles: MapTiles;
  /** Names the map for screen readers. */
  label: string;
  labels: { cluster: (count: number) => string; twoFingers: string };
  /** Wheel zoom: for a map beside the list on a wide screen, not one the page scrolls past. */
  wheelZoom: boolean;
  className?: string;
}

/** Supercluster stops clustering past this zoom; the map itself goes two further. */
const CLUSTER_MAX_ZOOM = 16;
const MAP_MAX_ZOOM = 18;
const MOVE_DEBOUNCE_MS = 300;
/** Edges closer than this (degrees, ~20 m) are the same box: the URL's rounding of the map's own move. */
const SAME_BOX = 2e-4;

function touchOnly(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
}

/**
 * Pins clustered with supercluster over the shared tiles. On a touch screen one finger scrolls the page past
 * the map and two fingers pan and zoom it (Leaflet's dragging off, its pinch on), so the map never traps the
 * page; a hint says so when one finger tries.
 */
export function ClusterMap({
  points,
  view,
  onMove,
  onSelect,
  selected,
  tiles,
  label,
  labels,
  wheelZoom,
  className,
}: ClusterMapProps) {
  const [touch] = useState(touchOnly);
  const [hint, setHint] = useState(false);
  const hintTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(hintTimer.current), []);
  const onTouchMove = (event: React.TouchEvent) => {
    if (!touch || event.touches.length !== 1) return;
    setHint(true);
    clearTimeout(hintTimer.current);
    hintTimer.current = setTimeout(() => setHint(false), 1500);
  };
  return (
    <div
      className={cx(frame.frame, styles.frame, className)}
      role="region"
      aria-label={label}
      onTouchMove={onTouchMove}
    >
      <MapContainer
        bounds={[
          [view.south, view.west],
          [view.north, view.east],
        ]}
        maxZoom={MAP_MAX_ZOOM}
        minZoom={5}
        dragging={!touch}
        touchZoom
        scrollWheelZoom={wheelZoom}
        className={frame.map}
      >
        <Tiles tiles={tiles} />
        <ViewSync view={view} onMove={onMove} />
        <Pins points={points} selected={selected} onSelect={onSelect} clusterLabel={labels.cluster} />
      </MapContainer>
      {hint && (
        <p className={styles.hint} aria-hidden="true">
          {labels.twoFingers}
        </p>
      )}
    </div>
  );
}

function boxOf(map: LeafletMap): MapBox {
  const b = map.getBounds();
  return { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() };
}

function near(a: MapBox, b: MapBox): boolean {
  return (
    Math.abs(a.south - b.south) < SAME_BOX &&
    Math.abs(a.west - b.west) < SAME_BOX &&
    Math.abs(a.north - b.north) < SAME_BOX &&
    Math.abs(a.east - b.east) < SAME_BOX
  );
}

/** Frames `view` when it comes from outside; reports the map's own moves, debounced. */
function ViewSync({ view, onMove }: { view: MapBox; onMove: (box: MapBox) => void }) {
  const map = useMap();
  const reported = useRef<MapBox | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onMoveRef = useRef(onMove);
  useEffect(() => {
    onMoveRef.current = onMove;
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  // Listening first (effects run in order): the framing below reports its box too.
  useMapEvents({
    moveend: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const box = boxOf(map);
        reported.current = box;
        onMoveRef.current(box);
      }, MOVE_DEBOUNCE_MS);
    },
  });

  const { south, west, north, east } = view;
  useEffect(() => {
    const next = { south, west, north, east };
    if (reported.current && near(reported.current, next)) return;
    map.fitBounds(
      [
        [south, west],
        [north, east],
      ],
      { animate: false },
    );
  }, [map, south, west, north, east]);

  return null;
}

interface PinProps {
  id: string;
  label: string;
}

function Pins({
  points,
  selected,
  onSelect,
  clusterLabel,
}: {
  points: readonly MapPoint[];
  selected: readonly string[];
  onSelect: (ids: string[]) => void;
  clusterLabel: (count: number) => string;
}) {
  const map = useMap();
  const index = useMemo(() => {
    const clusters = new Supercluster<PinProps>({ radius: 56, maxZoom: CLUSTER_MAX_ZOOM });
    clusters.load(
      points.map((p) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
        properties: { id: p.id, label: p.label },
      })),
    );
    return clusters;
  }, [points]);
  const [at, setAt] = useState(() => ({ box: boxOf(map), zoom: map.getZoom() }));
  useMapEvents({ moveend: () => setAt({ box: boxOf(map), zoom: map.getZoom() }) });

  // A little beyond the edges, so pins do not pop in as the map pans.
  const padLat = (at.box.north - at.box.south) * 0.25;
  const padLng = (at.box.east - at.box.west) * 0.25;
  const features = index.getClusters(
    [
      Math.max(-180, at.box.west - padLng),
      Math.max(-85, at.box.south - padLat),
      Math.min(180, at.box.east + padLng),
      Math.min(85, at.box.north + padLat),
    ],
    Math.round(at.zoom),
  );
  const chosen = new Set(selected);

  return (
    <>
      {features.map((feature) => {
        const [lng = 0, lat = 0] = feature.geometry.coordinates;
        const props = feature.properties;
        if ('cluster' in props && props.cluster) {
          const count = props.point_count;
          const name = clusterLabel(count);
          return (
            <Marker
              key={`cluster-${props.cluster_id}`}
              position={[lat, lng]}
              icon={clusterIcon(count, name)}
              title={name}
              eventHandlers={{
                click: () => {
                  const zoom = index.getClusterExpansionZoom(props.cluster_id);
                  if (zoom > CLUSTER_MAX_ZOOM) {
                    // One spot (a popular meeting place): no zoom parts them, so they are shown together.
                    const leaves = index.getLeaves(props.cluster_id, Infinity);
                    onSelect(leaves.map((leaf) => leaf.properties.id));
                  } else {
                    map.setView([lat, lng], Math.min(zoom, MAP_MAX_ZOOM));
                  }
                },
              }}
            />
          );
        }
        const pin = props as PinProps;
        return (
          <Marker
            key={pin.id}
            position={[lat, lng]}
            icon={pinIcon(pin.label, chosen.has(pin.id))}
            title={pin.label}
            zIndexOffset={chosen.has(pin.id) ? 1000 : 0}
            eventHandlers={{ click: () => onSelect([pin.id]) }}
          />
        );
      })}
    </>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const icons = new Map<string, DivIcon>();
function cachedIcon(key: string, make: () => DivIcon): DivIcon {
  let icon = icons.get(key);
  if (!icon) {
    icon = make();
    icons.set(key, icon);
  }
  return icon;
}

/** A cluster: a round badge with its count, larger as it holds more. */
function clusterIcon(count: number, name: string): DivIcon {
  const size = count < 10 ? 36 : count < 100 ? 44 : 52;
  return cachedIcon(`cluster:${count}:${name}`, () =>
    divIcon({
      className: styles.cluster ?? '',
      html: `<span aria-hidden="true">${count}</span><span class="${styles.srOnly ?? ''}">${escapeHtml(name)}</span>`,
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    }),
  );
}

/** A run's pin: its tip on the meeting place; the chosen one larger and dark. */
function pinIcon(name: string, chosen: boolean): DivIcon {
  return cachedIcon(`pin:${chosen ? 1 : 0}:${name}`, () =>
    divIcon({
      className: cx(styles.pin, chosen && styles.chosen),
      html: `<span class="${styles.pinHead ?? ''}"></span><span class="${styles.srOnly ?? ''}">${escapeHtml(name)}</span>`,
      iconSize: chosen ? [34, 42] : [28, 36],
      iconAnchor: chosen ? [17, 40] : [14, 34],
    }),
  );
}
