// Apart from the parser, which loads only when someone imports a file.

/** The kind of file, named in every message about it. */
export type RouteFileFormat = 'gpx' | 'tcx' | 'kml' | 'unknown';

/** Why a file gave no route; each is an i18n key under `routeEditor.file` that names the format. */
export type RouteFileReason =
  | 'unreadable'
  | 'notRouteFile'
  | 'onlyWaypoints'
  | 'emptyTrack'
  | 'onePoint'
  | 'noTrack'
  | 'tooLarge'
  | 'outsideKorea'
  | 'tooShortKm'
  | 'tooLongKm'
  | 'tooManyPieces';

export class GpxError extends Error {
  constructor(
    readonly format: RouteFileFormat,
    readonly reason: RouteFileReason,
  ) {
    super(`${format.toUpperCase()}: ${reason}`);
    this.name = 'GpxError';
  }
}
