import type { LatLng } from '@erun/contracts';
import { RUN_LIMITS } from '@erun/contracts';
import { gpx, kml, tcx } from '@tmcw/togeojson';

export const MAX_GPX_BYTES = 10 * 1024 * 1024;

/** Why a file gave no route; the code is an i18n key under `routeEditor.file`. */
export class GpxError extends Error {
  constructor(readonly code: 'invalid' | 'noTrack' | 'tooLarge') {
    super(`GPX: ${code}`);
    this.name = 'GpxError';
  }
}

/** One track (or route) of a file: its name when the file gives one, and its points. */
export interface RouteTrack {
  name: string | null;
  points: LatLng[];
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
const READERS = { gpx, TrainingCenterDatabase: tcx, kml } as const;

function pointsOf(lines: readonly (readonly number[])[][]): LatLng[] {
  const points: LatLng[] = [];
  for (const line of lines)
    for (const [lng, lat] of line) points.push([round(lat ?? NaN), round(lng ?? NaN)]);
  return points.filter(([lat, lng]) => Math.abs(lat) <= 90 && Math.abs(lng) <= 180);
}

/** At most `max` points, evenly spread, always keeping the first and the last. */
export function decimate(points: readonly LatLng[], max: number = RUN_LIMITS.routeMax): LatLng[] {
  if (points.length <= max) return [...points];
  const result: LatLng[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) {
    const point = points[Math.round(i * step)];
    if (point) result.push(point);
  }
  return result;
}

/**
 * Every track and route of a GPX (or TCX, KML) file, in file order; waypoints alone are not a route.
 * A track's segments are joined into one line.
 */
export function parseRouteFile(text: string): RouteTrack[] {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const root = doc.documentElement.localName;
  const read = Object.entries(READERS).find(([name]) => name === root)?.[1];
  if (doc.getElementsByTagName('parsererror').length > 0 || !read) throw new GpxError('invalid');
  const tracks: RouteTrack[] = [];
  for (const feature of read(doc).features) {
    const geometry = feature.geometry;
    const lines =
      geometry?.type === 'LineString'
        ? [geometry.coordinates]
        : geometry?.type === 'MultiLineString'
          ? geometry.coordinates
          : [];
    const points = decimate(pointsOf(lines));
    const name: unknown = feature.properties?.name;
    if (points.length >= RUN_LIMITS.routeMin)
      tracks.push({ name: typeof name === 'string' && name.trim() ? name.trim() : null, points });
  }
  if (tracks.length === 0) throw new GpxError('noTrack');
  return tracks;
}

/** Reads and parses a picked file. */
export async function readRouteFile(file: File): Promise<RouteTrack[]> {
  if (file.size > MAX_GPX_BYTES) throw new GpxError('tooLarge');
  return parseRouteFile(await file.text());
}
