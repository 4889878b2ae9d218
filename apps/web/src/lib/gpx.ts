import type { LatLng } from '@erun/contracts';
import { haversineKm, routeDistanceKm, routeIssues, RUN_LIMITS } from '@erun/contracts';
import { kml } from '@tmcw/togeojson';
import simplify from 'simplify-js';

export const MAX_GPX_BYTES = 10 * 1024 * 1024;

export { GpxError } from './gpx-error.ts';
import { GpxError, type RouteFileFormat, type RouteFileReason } from './gpx-error.ts';

/**
 * One track (or route) of a file: its name when the file gives one, its points, and where each piece after
 * the first starts (a watch paused and resumed records a track in pieces; the jump between them is not run).
 */
export interface RouteTrack {
  name: string | null;
  kind: 'track' | 'route';
  points: LatLng[];
  segmentStarts: number[];
}

/** A track as read, before checks: its pieces of [lat, lng]. */
interface RawTrack {
  name: string | null;
  kind: 'track' | 'route';
  pieces: LatLng[][];
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
const valid = ([lat, lng]: LatLng) =>
  Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;

const childrenNamed = (parent: Element, name: string) =>
  Array.from(parent.children).filter((child) => child.localName === name);
const descendantsNamed = (parent: Element | Document, name: string) =>
  Array.from(parent.getElementsByTagNameNS('*', name));
const textOf = (parent: Element, name: string) => childrenNamed(parent, name)[0]?.textContent?.trim() || null;

/** GPX: every <trk> and <rte> in file order; each <trkseg> is a piece. */
function readGpx(root: Element): { tracks: RawTrack[]; waypoints: number } {
  const tracks: RawTrack[] = [];
  const point = (el: Element): LatLng => [
    round(Number(el.getAttribute('lat'))),
    round(Number(el.getAttribute('lon'))),
  ];
  for (const el of Array.from(root.children)) {
    if (el.localName === 'trk') {
      const pieces = childrenNamed(el, 'trkseg').map((seg) => childrenNamed(seg, 'trkpt').map(point));
      tracks.push({ name: textOf(el, 'name'), kind: 'track', pieces });
    } else if (el.localName === 'rte') {
      tracks.push({
        name: textOf(el, 'name'),
        kind: 'route',
        pieces: [childrenNamed(el, 'rtept').map(point)],
      });
    }
  }
  return { tracks, waypoints: childrenNamed(root, 'wpt').length };
}

/** A lap boundary this close to the previous point is a split, not a pause. */
const SPLIT_KM = 0.03;

/** TCX: each Activity and Course in file order; a <Track> is a piece unless it only starts a new lap. */
function readTcx(root: Element): { tracks: RawTrack[]; waypoints: number } {
  const tracks: RawTrack[] = [];
  const owners = [...descendantsNamed(root, 'Activity'), ...descendantsNamed(root, 'Course')].sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  for (const owner of owners) {
    const pieces: LatLng[][] = [];
    for (const lap of [owner, ...childrenNamed(owner, 'Lap')]) {
      childrenNamed(lap, 'Track').forEach((track, index) => {
        const points = descendantsNamed(track, 'Position').map((position): LatLng => [
          round(Number(textOf(position, 'LatitudeDegrees') ?? NaN)),
          round(Number(textOf(position, 'LongitudeDegrees') ?? NaN)),
        ]);
        const last = pieces.at(-1);
        const previous = last?.at(-1);
        const first = points[0];
        const split =
          index === 0 && lap !== owner && previous && first && haversineKm(previous, first) < SPLIT_KM;
        if (split && last) last.push(...points);
        else pieces.push(points);
      });
    }
    const name = owner.localName === 'Course' ? textOf(owner, 'Name') : null;
    tracks.push({ name, kind: owner.localName === 'Course' ? 'route' : 'track', pieces });
  }
  return { tracks, waypoints: descendantsNamed(root, 'CoursePoint').length };
}

type Geometry = { type: string; coordinates?: unknown; geometries?: Geometry[] } | null;

/** The lines of a KML geometry: LineString, MultiLineString, and gx:MultiTrack / MultiGeometry collections. */
function linesOf(geometry: Geometry): number[][][] {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [geometry.coordinates as number[][]];
  if (geometry.type === 'MultiLineString') return geometry.coordinates as number[][][];
  if (geometry.type === 'GeometryCollection') return (geometry.geometries ?? []).flatMap(linesOf);
  return [];
}

/** KML: every Placemark with a line, a gx:Track, a gx:MultiTrack or a MultiGeometry of lines. */
function readKml(doc: Document): { tracks: RawTrack[]; waypoints: number } {
  const tracks: RawTrack[] = [];
  let waypoints = 0;
  for (const feature of kml(doc).features) {
    const lines = linesOf(feature.geometry);
    if (lines.length === 0) {
      if (feature.geometry) waypoints += 1;
      continue;
    }
    const pieces = lines.map((line) =>
      line.map(([lng, lat]): LatLng => [round(lat ?? NaN), round(lng ?? NaN)]),
    );
    const name: unknown = feature.properties?.name;
    tracks.push({ name: typeof name === 'string' ? name.trim() || null : null, kind: 'track', pieces });
  }
  return { tracks, waypoints };
}

/** Local metres around a latitude, so a tolerance means the same east–west and north–south. */
function projector(lat0: number) {
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_540;
  return {
    to: ([lat, lng]: LatLng) => ({ x: lng * kx, y: lat * ky }),
    from: ({ x, y }: { x: number; y: number }): LatLng => [round(y / ky), round(x / kx)],
  };
}

/**
 * At most `max` points, by shape (Douglas–Peucker, simplify-js): the smallest tolerance in metres that fits
 * is found by bisection, so the straight parts lose points and the bends keep theirs; the distance moves
 * far less than dropping every n-th point. Every piece keeps its first and last point.
 */
export function simplifyPieces(pieces: readonly LatLng[][], max: number = RUN_LIMITS.routeMax): LatLng[][] {
  const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
  if (total <= max) return pieces.map((piece) => [...piece]);
  const { to, from } = projector(pieces[0]?.[0]?.[0] ?? 37.5);
  const projected = pieces.map((piece) => piece.map(to));
  const run = (tolerance: number) => projected.map((piece) => simplify(piece, tolerance, true));
  const count = (result: { x: number; y: number }[][]) =>
    result.reduce((sum, piece) => sum + piece.length, 0);
  let low = 0;
  let high = 1;
  while (count(run(high)) > max && high < 1e6) high *= 2;
  for (let i = 0; i < 40 && high - low > 0.01; i++) {
    const middle = (low + high) / 2;
    if (count(run(middle)) > max) low = middle;
    else high = middle;
  }
  return run(high).map((piece) => piece.map(from));
}

const ISSUE_REASON: Record<string, RouteFileReason> = {
  'route.outsideKorea': 'outsideKorea',
  'route.tooShortKm': 'tooShortKm',
  'route.tooLongKm': 'tooLongKm',
  'segmentStarts.invalid': 'tooManyPieces',
};

/** A track's pieces as one route with its piece starts; pieces of fewer than two points are dropped. */
function toRouteTrack(raw: RawTrack): RouteTrack {
  const pieces = simplifyPieces(raw.pieces.map((piece) => piece.filter(valid)).filter((p) => p.length >= 2));
  const segmentStarts: number[] = [];
  const points: LatLng[] = [];
  for (const piece of pieces) {
    if (points.length > 0) segmentStarts.push(points.length);
    points.push(...piece);
  }
  return { name: raw.name, kind: raw.kind, points, segmentStarts };
}

const ROOTS: Record<string, RouteFileFormat> = { gpx: 'gpx', TrainingCenterDatabase: 'tcx', kml: 'kml' };

/** The format a file name suggests, for files that are not even XML. */
function formatOfName(fileName: string | undefined): RouteFileFormat {
  const extension = fileName?.split('.').pop()?.toLowerCase();
  return extension === 'gpx' || extension === 'tcx' || extension === 'kml' ? extension : 'unknown';
}

/**
 * Every track and route of a GPX (or TCX, KML) file that a group can run, in file order. A track recorded
 * in pieces stays in pieces. A file that gives none says which format it is and why.
 */
export function parseRouteFile(text: string, fileName?: string): RouteTrack[] {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0)
    throw new GpxError(formatOfName(fileName), 'unreadable');
  const format = ROOTS[doc.documentElement.localName] ?? 'unknown';
  if (format === 'unknown') throw new GpxError(formatOfName(fileName), 'notRouteFile');
  const { tracks: raw, waypoints } =
    format === 'gpx'
      ? readGpx(doc.documentElement)
      : format === 'tcx'
        ? readTcx(doc.documentElement)
        : readKml(doc);
  const sizes = raw.map((track) => track.pieces.reduce((sum, piece) => sum + piece.filter(valid).length, 0));
  if (raw.length === 0) throw new GpxError(format, waypoints > 0 ? 'onlyWaypoints' : 'noTrack');
  if (sizes.every((size) => size === 0)) throw new GpxError(format, 'emptyTrack');
  if (sizes.every((size) => size < 2)) throw new GpxError(format, 'onePoint');
  const tracks: RouteTrack[] = [];
  let firstProblem: RouteFileReason | null = null;
  for (const track of raw.map(toRouteTrack)) {
    if (track.points.length < 2) continue;
    const problem = routeIssues(track.points, track.segmentStarts)[0];
    if (problem) firstProblem ??= ISSUE_REASON[problem.message] ?? 'noTrack';
    else tracks.push(track);
  }
  if (tracks.length === 0) throw new GpxError(format, firstProblem ?? 'onePoint');
  return tracks;
}

/** The distance of a track as the server will count it: each piece, never the jump between pieces. */
export const trackKm = (track: RouteTrack) => routeDistanceKm(track.points, track.segmentStarts);

/** Reads and parses a picked file. */
export async function readRouteFile(file: File): Promise<RouteTrack[]> {
  if (file.size > MAX_GPX_BYTES) throw new GpxError(formatOfName(file.name), 'tooLarge');
  return parseRouteFile(await file.text(), file.name);
}
