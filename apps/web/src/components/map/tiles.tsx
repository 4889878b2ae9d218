import { TileLayer } from 'react-leaflet';

export interface MapTiles {
  url: string;
  attribution: string;
}

/** Tiles are decoration: when they fail (offline, blocked) the route and markers still show on the plain map. */
export function Tiles({ tiles }: { tiles: MapTiles }) {
  return <TileLayer url={tiles.url} attribution={tiles.attribution} maxZoom={19} />;
}
