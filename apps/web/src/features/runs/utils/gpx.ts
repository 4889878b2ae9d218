import type { LatLng } from '@erun/contracts';
import { RUN_LIMITS } from '@erun/contracts';
import { gpx } from '@tmcw/togeojson';

export const MAX_GPX_BYTES = 10 * 1024 * 1024;

/** Why a GPX file gave no route; the code is an i18n key under `runForm.gpx`. */
export class GpxError extends Error {
  constructor(readonly code: 'invalid' | 'noTrack' | 'tooLarge') {
    super(`GPX: ${code}`);
    this.name = 'GpxError';
  }
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** Every track or route line of the file, in order, as [lat, lng]. */
function linesOf(doc: Document): LatLng[] {
  const points: LatLng[] = [];
  for (const feature of gpx(doc).features) {
    const geometry = feature.geometry;
    if (geometry?.type === 'LineString') {
      for (const [lng, lat] of geometry.coordinates) points.push([round(lat ?? NaN), round(lng ?? NaN)]);
    } else if (geometry?.type === 'MultiLineString') {
      for (const line of geometry.coordinates)
        for (const [lng, lat] of line) points.push([round(lat ?? NaN), round(lng ?? NaN)]);
    }
  }
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

/** A route from the text of a GPX file (tracks and routes; waypoints alone are not a route). */
export function parseGpx(text: string): LatLng[] {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0 || doc.documentElement.nodeName !== 'gpx') {
    throw new GpxError('invalid');
  }
  const points = decimate(linesOf(doc));
  if (points.length < RUN_LIMITS.routeMin) throw new GpxError('noTrack');
  return points;
}

/** Reads and parses a picked file. */
export async function readGpxFile(file: File): Promise<LatLng[]> {
  if (file.size > MAX_GPX_BYTES) throw new GpxError('tooLarge');
  return parseGpx(await file.text());
}
