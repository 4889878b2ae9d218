import { describe, expect, it } from 'vitest';
import { decimate, GpxError, parseGpx } from './gpx.ts';

const GPX = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="37.0" lon="127.0"><name>ignored waypoint</name></wpt>
  <trk><name>한강 한 바퀴</name><trkseg>
    <trkpt lat="37.527100" lon="126.932600"><ele>12</ele><time>2026-11-01T22:00:00Z</time></trkpt>
    <trkpt lat="37.520100" lon="126.940200"><ele>13</ele><time>2026-11-01T22:03:00Z</time></trkpt>
    <trkpt lat="37.511234567" lon="126.995812345"><ele>11</ele><time>2026-11-01T22:09:00Z</time></trkpt>
  </trkseg></trk>
</gpx>`;

describe('GPX import', () => {
  it('turns a track into [lat, lng] route points (waypoints are not the route)', () => {
    expect(parseGpx(GPX)).toEqual([
      [37.5271, 126.9326],
      [37.5201, 126.9402],
      [37.511235, 126.995812],
    ]);
  });

  it('reads <rte> routes too', () => {
    const route = `<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><rte>
      <rtept lat="35.1" lon="129.0"/><rtept lat="35.2" lon="129.1"/></rte></gpx>`;
    expect(parseGpx(route)).toEqual([
      [35.1, 129.0],
      [35.2, 129.1],
    ]);
  });

  it('explains files that are not GPX or have no track', () => {
    expect(() => parseGpx('this is not xml')).toThrow(new GpxError('invalid'));
    expect(() => parseGpx('<kml></kml>')).toThrow(new GpxError('invalid'));
    const waypointsOnly = `<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="37" lon="127"/></gpx>`;
    expect(() => parseGpx(waypointsOnly)).toThrow(new GpxError('noTrack'));
  });

  it('keeps at most 5000 points, with the first and the last', () => {
    const points = Array.from({ length: 12_345 }, (_, i): [number, number] => [37 + i / 1e5, 127]);
    const kept = decimate(points);
    expect(kept).toHaveLength(5000);
    expect(kept[0]).toEqual(points[0]);
    expect(kept.at(-1)).toEqual(points.at(-1));
  });
});
