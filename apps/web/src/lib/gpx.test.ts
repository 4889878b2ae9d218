import { describe, expect, it } from 'vitest';
import { decimate, GpxError, parseRouteFile } from './gpx.ts';

const GPX = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="37.0" lon="127.0"><name>ignored waypoint</name></wpt>
  <trk><name>한강 한 바퀴</name><trkseg>
    <trkpt lat="37.527100" lon="126.932600"><ele>12</ele><time>2026-11-01T22:00:00Z</time></trkpt>
    <trkpt lat="37.520100" lon="126.940200"><ele>13</ele><time>2026-11-01T22:03:00Z</time></trkpt>
    <trkpt lat="37.511234567" lon="126.995812345"><ele>11</ele><time>2026-11-01T22:09:00Z</time></trkpt>
  </trkseg></trk>
</gpx>`;

describe('route file import', () => {
  it('turns a track into [lat, lng] route points (waypoints are not the route)', () => {
    expect(parseRouteFile(GPX)).toEqual([
      {
        name: '한강 한 바퀴',
        points: [
          [37.5271, 126.9326],
          [37.5201, 126.9402],
          [37.511235, 126.995812],
        ],
      },
    ]);
  });

  it('reads <rte> routes too', () => {
    const route = `<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><rte>
      <rtept lat="35.1" lon="129.0"/><rtept lat="35.2" lon="129.1"/></rte></gpx>`;
    expect(parseRouteFile(route)).toEqual([
      {
        name: null,
        points: [
          [35.1, 129.0],
          [35.2, 129.1],
        ],
      },
    ]);
  });

  it('gives each track of a file on its own, so the user can pick one', () => {
    const two = `<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
      <trk><name>오전</name><trkseg><trkpt lat="37.1" lon="127.1"/><trkpt lat="37.2" lon="127.2"/></trkseg></trk>
      <trk><name>오후</name><trkseg><trkpt lat="35.0" lon="129.0"/><trkpt lat="35.1" lon="129.1"/></trkseg>
        <trkseg><trkpt lat="35.2" lon="129.2"/><trkpt lat="35.3" lon="129.3"/></trkseg></trk>
    </gpx>`;
    const tracks = parseRouteFile(two);
    expect(tracks.map((t) => t.name)).toEqual(['오전', '오후']);
    expect(tracks[1]?.points).toHaveLength(4);
  });

  it('reads TCX and KML as well', () => {
    const tcx = `<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
      <Activities><Activity Sport="Running"><Id>2026-11-01T22:00:00Z</Id><Lap StartTime="2026-11-01T22:00:00Z"><Track>
      <Trackpoint><Time>2026-11-01T22:00:00Z</Time><Position><LatitudeDegrees>37.5</LatitudeDegrees><LongitudeDegrees>127.0</LongitudeDegrees></Position></Trackpoint>
      <Trackpoint><Time>2026-11-01T22:01:00Z</Time><Position><LatitudeDegrees>37.6</LatitudeDegrees><LongitudeDegrees>127.1</LongitudeDegrees></Position></Trackpoint>
      </Track></Lap></Activity></Activities></TrainingCenterDatabase>`;
    expect(parseRouteFile(tcx)[0]?.points).toEqual([
      [37.5, 127.0],
      [37.6, 127.1],
    ]);
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>코스</name>
      <LineString><coordinates>127.0,37.5,0 127.1,37.6,0</coordinates></LineString></Placemark></Document></kml>`;
    expect(parseRouteFile(kml)).toEqual([
      {
        name: '코스',
        points: [
          [37.5, 127.0],
          [37.6, 127.1],
        ],
      },
    ]);
  });

  it('explains files that are not GPX or have no track', () => {
    expect(() => parseRouteFile('this is not xml')).toThrow(new GpxError('invalid'));
    expect(() => parseRouteFile('<html></html>')).toThrow(new GpxError('invalid'));
    const waypointsOnly = `<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="37" lon="127"/></gpx>`;
    expect(() => parseRouteFile(waypointsOnly)).toThrow(new GpxError('noTrack'));
  });

  it('keeps at most 5000 points, with the first and the last', () => {
    const points = Array.from({ length: 12_345 }, (_, i): [number, number] => [37 + i / 1e5, 127]);
    const kept = decimate(points);
    expect(kept).toHaveLength(5000);
    expect(kept[0]).toEqual(points[0]);
    expect(kept.at(-1)).toEqual(points.at(-1));
  });
});
