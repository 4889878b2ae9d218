import { haversineKm, routeDistanceKm, routePieces, type LatLng } from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { GpxError, parseRouteFile, simplifyPieces, trackKm, type RouteTrack } from './gpx.ts';

/** Our own small files, modelled on what Garmin, Apple Watch, Strava, Komoot and My Tracks export. */
const FIXTURES = import.meta.glob<string>('../../../server/src/modules/gpx/fixtures/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const fixture = (name: string) => {
  const text = FIXTURES[`../../../server/src/modules/gpx/fixtures/${name}`];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  return text;
};
const parse = (name: string) => parseRouteFile(fixture(name), name);

/** The length of each piece measured on its own, unrounded. */
const piecesKm = (track: RouteTrack) =>
  routePieces(track.points, track.segmentStarts).map((piece) =>
    piece.slice(1).reduce((sum, point, i) => sum + haversineKm(piece[i] as LatLng, point), 0),
  );

/** A deterministic pseudo-random number in [0, 1). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('route file import', () => {
  it('reads a Garmin GPX 1.1 track with extensions', () => {
    const [track, ...rest] = parse('garmin-forerunner.gpx');
    expect(rest).toHaveLength(0);
    expect(track?.name).toBe('Yeongdeungpo-gu Running');
    expect(track?.points).toHaveLength(40);
    expect(track?.segmentStarts).toEqual([]);
    expect(track?.points[0]).toEqual([37.5283, 126.9326]);
  });

  it('reads a Strava GPX track', () => {
    const [track] = parse('strava.gpx');
    expect(track?.name).toBe('광안리 모닝런');
    expect(track?.points).toHaveLength(30);
  });

  it('keeps an Apple Watch run paused and resumed far away in pieces: the jump is not counted', () => {
    const [track] = parse('apple-watch-paused.gpx');
    if (!track) throw new Error('no track');
    expect(track.segmentStarts).toEqual([16]);
    const pieces = piecesKm(track);
    const jump = haversineKm(track.points[15] as LatLng, track.points[16] as LatLng);
    expect(jump).toBeGreaterThan(2);
    expect(pieces).toHaveLength(2);
    expect(trackKm(track)).toBe(Math.round(pieces.reduce((a, b) => a + b, 0) * 100) / 100);
    expect(trackKm(track)).toBeLessThan(1);
    expect(routeDistanceKm(track.points)).toBeGreaterThan(trackKm(track) + 2); // what joining used to count
  });

  it('lists a Komoot file’s planned route and recorded track in file order (waypoints are not a route)', () => {
    const tracks = parse('komoot-route.gpx');
    expect(tracks.map((t) => [t.kind, t.name])).toEqual([
      ['route', '의암호 한 바퀴 (계획)'],
      ['track', '의암호 한 바퀴 (기록)'],
    ]);
  });

  it('reads a Garmin TCX: a lap split joins on, a pause starts a new piece', () => {
    const [track] = parse('garmin.tcx');
    if (!track) throw new Error('no track');
    expect(track.points).toHaveLength(15 + 10 + 12);
    expect(track.segmentStarts).toEqual([25]);
  });

  it('reads KML gx:MultiTrack (Google My Tracks): gx:coord "lng lat alt", each gx:Track a piece', () => {
    const tracks = parse('my-tracks.kml');
    expect(tracks).toHaveLength(1);
    const [track] = tracks;
    expect(track?.name).toBe('광교호수 저녁 달리기');
    expect(track?.points[0]).toEqual([37.282, 127.065]);
    expect(track?.segmentStarts).toEqual([15]);
  });

  it('reads KML MultiGeometry of lines (gpsbabel)', () => {
    const [track] = parse('multigeometry.kml');
    expect(track?.name).toBe('제주 해안 달리기');
    expect(track?.points).toHaveLength(24);
    expect(track?.segmentStarts).toEqual([12]);
  });

  it.each([
    ['waypoints-only.gpx', 'gpx', 'onlyWaypoints'],
    ['one-point.gpx', 'gpx', 'onePoint'],
    ['empty-track.gpx', 'gpx', 'emptyTrack'],
    ['not-a-route.xml', 'unknown', 'notRouteFile'],
    ['broken.gpx', 'gpx', 'unreadable'],
    ['null-island.gpx', 'gpx', 'outsideKorea'],
  ] as const)('explains %s: names the format (%s) and why (%s)', (name, format, reason) => {
    expect(() => parse(name)).toThrow(new GpxError(format, reason));
    try {
      parse(name);
    } catch (error) {
      expect(error).toMatchObject({ format, reason });
    }
  });

  it('names TCX and KML in their errors, not GPX', () => {
    const emptyTcx = `<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
      <Activities><Activity Sport="Running"><Id>x</Id><Lap><Track/></Lap></Activity></Activities></TrainingCenterDatabase>`;
    expect(() => parseRouteFile(emptyTcx, 'run.tcx')).toThrow(new GpxError('tcx', 'emptyTrack'));
    const pointsOnly = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><Point><coordinates>127,37.5</coordinates></Point></Placemark></Document></kml>`;
    expect(() => parseRouteFile(pointsOnly, 'x.kml')).toThrow(new GpxError('kml', 'onlyWaypoints'));
    expect(() => parseRouteFile('this is not xml', 'notes.txt')).toThrow(
      new GpxError('unknown', 'unreadable'),
    );
  });

  it.each([
    [
      '15 identical points',
      Array.from({ length: 15 }, () => '<trkpt lat="37.5283" lon="126.9326"/>'),
      'tooShortKm',
    ],
    [
      'a route in Tokyo',
      ['<trkpt lat="35.68" lon="139.76"/>', '<trkpt lat="35.69" lon="139.77"/>'],
      'outsideKorea',
    ],
    [
      'a 1,300 km route',
      ['37.5665,126.978', '35.1796,129.0756', '37.5665,126.978', '35.1796,129.0756', '37.5665,126.978'].map(
        (p) => `<trkpt lat="${p.split(',')[0]}" lon="${p.split(',')[1]}"/>`,
      ),
      'tooLongKm',
    ],
  ] as const)('refuses %s with the reason the server would give', (_name, points, reason) => {
    const file = `<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>${points.join('')}</trkseg></trk></gpx>`;
    expect(() => parseRouteFile(file, 'x.gpx')).toThrow(new GpxError('gpx', reason));
  });

  it('simplifies a long noisy log by shape to 5,000 points; the distance moves less than 0.2 %', () => {
    const next = random(7);
    const points: LatLng[] = [];
    let [lat, lng, heading] = [37.5283, 126.9326, 0.3];
    for (let i = 0; i < 8_713; i++) {
      heading += (next() - 0.5) * 0.15 + (i % 900 < 450 ? 0.004 : -0.004);
      lat += (Math.cos(heading) * 2.5) / 110_540;
      lng += (Math.sin(heading) * 2.5) / 88_000;
      const noise = () => (next() - 0.5) * 0.000_012; // about ±0.6 m of GPS noise
      points.push([Math.round((lat + noise()) * 1e6) / 1e6, Math.round((lng + noise()) * 1e6) / 1e6]);
    }
    const [kept] = simplifyPieces([points]);
    if (!kept) throw new Error('nothing kept');
    expect(kept.length).toBeLessThanOrEqual(5000);
    expect(kept[0]).toEqual(points[0]);
    expect(kept.at(-1)).toEqual(points.at(-1));
    const before = routeDistanceKm(points);
    const after = routeDistanceKm(kept);
    expect(Math.abs(after - before) / before).toBeLessThan(0.002);
  });

  it('keeps a short route as it is', () => {
    const [track] = parse('strava.gpx');
    expect(simplifyPieces([track?.points ?? []])[0]).toEqual(track?.points);
  });
});
