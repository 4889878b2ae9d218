import type { LatLng } from '@erun/contracts';
import { latLngBounds } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { MapContainer, Marker, Polyline } from 'react-leaflet';
import { cx } from '../../lib/cx.ts';
import { endpointIcon, meetingIcon } from './map-icons.ts';
import { Tiles, type MapTiles } from './tiles.tsx';
import styles from './map.module.css';

interface RouteMapProps {
  route: readonly LatLng[];
  meetingPoint?: LatLng | null;
  tiles: MapTiles;
  /** Describes the map for screen readers (the route itself is described in text next to it). */
  label: string;
  labels: { start: string; finish: string; meeting: string };
  className?: string;
}

const ROUTE_STYLE = { color: '#686ef9', weight: 5, opacity: 0.9 };

/** A run's route with start, finish and meeting point, framed to fit. */
export function RouteMap({ route, meetingPoint, tiles, label, labels, className }: RouteMapProps) {
  const points = meetingPoint ? [...route, meetingPoint] : [...route];
  const start = route[0];
  const finish = route[route.length - 1];
  if (points.length === 0) return null;
  const bounds = latLngBounds(points.map(([lat, lng]) => [lat, lng]));
  return (
    <div className={cx(styles.frame, className)} role="region" aria-label={label}>
      <MapContainer
        bounds={bounds}
        boundsOptions={{ padding: [28, 28], maxZoom: 16 }}
        scrollWheelZoom={false}
        className={styles.map}
      >
        <Tiles tiles={tiles} />
        <Polyline positions={route as LatLng[]} pathOptions={ROUTE_STYLE} />
        {start && (
          <Marker
            position={start}
            icon={endpointIcon('start', labels.start)}
            keyboard={false}
            zIndexOffset={500}
          />
        )}
        {finish && route.length > 1 && (
          <Marker
            position={finish}
            icon={endpointIcon('finish', labels.finish)}
            keyboard={false}
            zIndexOffset={500}
          />
        )}
        {meetingPoint && (
          <Marker position={meetingPoint} icon={meetingIcon(labels.meeting)} keyboard={false} />
        )}
      </MapContainer>
    </div>
  );
}
