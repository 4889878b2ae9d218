/** A map's visible box in degrees: `south,west,north,east` in the URL and the API (`?bbox=`). */
export interface Bbox {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** All of South Korea, Jeju and Ulleungdo included: the map's first view. */
export const KOREA_BBOX: Bbox = { south: 33.0, west: 124.6, north: 38.7, east: 131.0 };

const NUMBER = String.raw`-?\d{1,3}(?:\.\d{1,15})?`;
const BBOX = new RegExp(`^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$`);

/** Reads a box from the URL; anything malformed (or across the antimeridian, which the API refuses) is null. */
export function parseBbox(value: string | null): Bbox | null {
  if (!value || !BBOX.test(value)) return null;
  const [south = 0, west = 0, north = 0, east = 0] = value.split(',').map(Number);
  const lat = (v: number) => v >= -90 && v <= 90;
  const lng = (v: number) => v >= -180 && v <= 180;
  if (!lat(south) || !lat(north) || !lng(west) || !lng(east) || south > north || west > east) return null;
  return { south, west, north, east };
}

/**
 * The URL form, to 4 decimals (about 10 m), rounded inwards: a map framed on it again keeps its zoom instead
 * of stepping out to fit a box a hair larger than the screen. Clamped to the API's ranges.
 */
export function formatBbox(box: Bbox): string {
  const down = (v: number) => Math.floor(v * 1e4) / 1e4;
  const up = (v: number) => Math.ceil(v * 1e4) / 1e4;
  const clamp = (v: number, max: number) => Math.min(max, Math.max(-max, v));
  const south = clamp(up(box.south), 90);
  const west = clamp(up(box.west), 180);
  const north = Math.max(south, clamp(down(box.north), 90));
  const east = Math.max(west, clamp(down(box.east), 180));
  return [south, west, north, east].map((v) => String(Number(v.toFixed(4)))).join(',');
}
