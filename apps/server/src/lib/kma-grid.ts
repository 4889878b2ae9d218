/**
 * 기상청 동네예보 grid (5 km, 149 × 253 cells): latitude/longitude → (nx, ny) by the Lambert conformal conic
 * projection KMA publishes with the API (standard parallels 30° and 60° N, origin 38° N 126° E at cell 43,136).
 */
const RE = 6371.00877; // earth radius, km
const GRID = 5.0; // cell size, km
const SLAT1 = 30.0;
const SLAT2 = 60.0;
const OLON = 126.0;
const OLAT = 38.0;
const XO = 43; // origin cell
const YO = 136;

const DEG = Math.PI / 180;
const re = RE / GRID;
const slat1 = SLAT1 * DEG;
const slat2 = SLAT2 * DEG;
const sn =
  Math.log(Math.cos(slat1) / Math.cos(slat2)) /
  Math.log(Math.tan(Math.PI * 0.25 + slat2 * 0.5) / Math.tan(Math.PI * 0.25 + slat1 * 0.5));
const sf = (Math.pow(Math.tan(Math.PI * 0.25 + slat1 * 0.5), sn) * Math.cos(slat1)) / sn;
const ro = (re * sf) / Math.pow(Math.tan(Math.PI * 0.25 + OLAT * DEG * 0.5), sn);

export interface KmaGridCell {
  nx: number;
  ny: number;
}

/** The forecast cell a point falls in (KMA's own rounding: floor(x + 0.5)). */
export function kmaGridOf(lat: number, lng: number): KmaGridCell {
  const ra = (re * sf) / Math.pow(Math.tan(Math.PI * 0.25 + lat * DEG * 0.5), sn);
  let theta = lng * DEG - OLON * DEG;
  if (theta > Math.PI) theta -= 2 * Math.PI;
  if (theta < -Math.PI) theta += 2 * Math.PI;
  theta *= sn;
  return {
    nx: Math.floor(ra * Math.sin(theta) + XO + 0.5),
    ny: Math.floor(ro - ra * Math.cos(theta) + YO + 0.5),
  };
}
