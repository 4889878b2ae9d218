import { routePieces, stripForbiddenChars } from '@erun/contracts';

// Input is refused with control characters since issue 12; rows stored before may still hold some, and one
// would make the whole document invalid XML.
const escapeXml = (s: string) =>
  stripForbiddenChars(s).replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

export interface GpxRoute {
  name: string;
  description: string;
  link: string;
  route: [number, number][];
  /** A route recorded in pieces: each piece is a track segment of its own. */
  segmentStarts?: number[];
  time?: Date;
}

/** A GPX 1.1 document with the route as one track, as Strava, Garmin Connect and map apps import it. */
export function toGpx({ name, description, link, route, segmentStarts, time }: GpxRoute): string {
  const segments = routePieces(route, segmentStarts).map((piece) => {
    const points = piece.map(
      ([lat, lng]) => `      <trkpt lat="${lat.toFixed(6)}" lon="${lng.toFixed(6)}"></trkpt>`,
    );
    return `    <trkseg>\n${points.join('\n')}\n    </trkseg>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="이RUN 저RUN" xmlns="http://www.topografix.com/GPX/1/1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">
  <metadata>
    <name>${escapeXml(name)}</name>
    <desc>${escapeXml(description)}</desc>
    <link href="${escapeXml(link)}"><text>이RUN 저RUN</text></link>${time ? `\n    <time>${time.toISOString()}</time>` : ''}
  </metadata>
  <trk>
    <name>${escapeXml(name)}</name>
    <desc>${escapeXml(description)}</desc>
    <type>running</type>
${segments.join('\n')}
  </trk>
</gpx>
`;
}

/** A file name safe in a Content-Disposition header, keeping Korean through RFC 5987 encoding. */
export function gpxDisposition(title: string): string {
  const ascii = title.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'route';
  return `attachment; filename="${ascii}.gpx"; filename*=UTF-8''${encodeURIComponent(title)}.gpx`;
}
