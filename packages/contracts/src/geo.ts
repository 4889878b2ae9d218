import type { Region } from './domain.ts';

export type Point = readonly [lat: number, lng: number];

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km between two [lat, lng] points. */
export function haversineKm(a: Point, b: Point): number {
  const dLat = rad(b[0] - a[0]);
  const dLng = rad(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Length of a route in km, rounded to 10 m. A route recorded in pieces (a watch paused and resumed) lists
 * the index of each piece's first point in `segmentStarts`; the jump from one piece to the next is not run.
 */
export function routeDistanceKm(route: readonly Point[], segmentStarts: readonly number[] = []): number {
  const breaks = new Set(segmentStarts);
  let total = 0;
  for (let i = 1; i < route.length; i++)
    if (!breaks.has(i)) total += haversineKm(route[i - 1] as Point, route[i] as Point);
  return Math.round(total * 100) / 100;
}

/** The pieces of a route as separate lines (one line when it has no `segmentStarts`). */
export function routePieces<T>(route: readonly T[], segmentStarts: readonly number[] = []): T[][] {
  const cuts = [0, ...segmentStarts.filter((i) => i > 0 && i < route.length), route.length];
  return cuts.slice(1).map((end, k) => route.slice(cuts[k], end));
}

/**
 * South Korea, mainland and islands (Jeju, Ulleungdo, Dokdo, the West Sea islands), as a rough polygon of
 * [lng, lat] that stays south of the DMZ and off Tsushima. A group run of this service starts and ends here.
 */
const KOREA: readonly (readonly [number, number])[] = [
  [124.5, 38.1],
  [126.0, 37.8],
  [126.7, 37.95],
  [127.1, 38.35],
  [128.0, 38.35],
  [128.4, 38.65],
  [129.0, 38.65],
  [132.0, 37.8],
  [132.0, 36.8],
  [129.8, 35.3],
  [129.6, 35.0],
  [128.8, 34.5],
  [127.5, 34.0],
  [126.9, 32.9],
  [126.0, 32.9],
  [124.8, 34.0],
  [124.5, 35.0],
];

/** Whether a point lies in South Korea (ray casting over the polygon above). */
export function inKorea([lat, lng]: Point): boolean {
  let inside = false;
  for (let i = 0, j = KOREA.length - 1; i < KOREA.length; j = i++) {
    const [xi, yi] = KOREA[i] as readonly [number, number];
    const [xj, yj] = KOREA[j] as readonly [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** What a group run's route can be: in Korea, longer than a lap of the block, shorter than a day on foot. */
export const ROUTE_PLAUSIBLE = { minKm: 0.1, maxKm: 200, segmentsMax: 100 } as const;

/** Why a route cannot be a group run (i18n keys under `validation`); empty when it can. */
export function routeIssues(
  route: readonly Point[],
  segmentStarts: readonly number[] = [],
): { path: string; message: string }[] {
  const cuts = [0, ...segmentStarts, route.length];
  if (
    segmentStarts.length > ROUTE_PLAUSIBLE.segmentsMax ||
    cuts.some((c, k) => k > 0 && c - (cuts[k - 1] ?? 0) < 2)
  )
    return [{ path: 'segmentStarts', message: 'segmentStarts.invalid' }];
  if (!route.every(inKorea)) return [{ path: 'route', message: 'route.outsideKorea' }];
  const km = routeDistanceKm(route, segmentStarts);
  if (km < ROUTE_PLAUSIBLE.minKm) return [{ path: 'route', message: 'route.tooShortKm' }];
  if (km > ROUTE_PLAUSIBLE.maxKm) return [{ path: 'route', message: 'route.tooLongKm' }];
  return [];
}

/**
 * Reference places of each 시·도 (city halls and county seats). The region of the nearest one is a good
 * suggestion for a start point; the host confirms it, so the rare border case costs one tap.
 */
const REFERENCE_POINTS: readonly [Region, number, number][] = [
  ['seoul', 37.5665, 126.978],
  ['seoul', 37.6543, 127.0568],
  ['seoul', 37.4837, 127.0324],
  ['seoul', 37.5509, 126.8495],
  ['seoul', 37.5145, 127.1066],
  ['seoul', 37.4654, 126.9438],
  ['seoul', 37.6176, 126.9227],
  ['seoul', 37.5301, 127.1238],
  ['busan', 35.1796, 129.0756],
  ['busan', 35.1631, 129.1635],
  ['busan', 35.0979, 128.9662],
  ['busan', 35.2447, 129.2222],
  ['daegu', 35.8714, 128.6014],
  ['daegu', 35.8295, 128.5326],
  ['daegu', 35.9117, 128.6818],
  ['daegu', 35.7746, 128.4314],
  ['incheon', 37.4563, 126.7052],
  ['incheon', 37.3925, 126.6398],
  ['incheon', 37.5384, 126.6768],
  ['incheon', 37.7469, 126.4879],
  ['gwangju', 35.1595, 126.8526],
  ['gwangju', 35.1402, 126.7933],
  ['gwangju', 35.1747, 126.912],
  ['daejeon', 36.3504, 127.3845],
  ['daejeon', 36.3624, 127.3567],
  ['daejeon', 36.3321, 127.4346],
  ['ulsan', 35.5384, 129.3114],
  ['ulsan', 35.5665, 129.1236],
  ['ulsan', 35.4375, 129.3365],
  ['sejong', 36.48, 127.289],
  ['sejong', 36.6027, 127.2953],
  ['gyeonggi', 37.2636, 127.0286],
  ['gyeonggi', 37.4138, 127.5183],
  ['gyeonggi', 37.6583, 126.832],
  ['gyeonggi', 37.7381, 127.0338],
  ['gyeonggi', 37.3943, 127.1112],
  ['gyeonggi', 37.2411, 127.1776],
  ['gyeonggi', 36.9921, 127.1129],
  ['gyeonggi', 37.3219, 126.8309],
  ['gyeonggi', 37.3895, 126.9533],
  ['gyeonggi', 37.5036, 126.766],
  ['gyeonggi', 37.8949, 127.2003],
  ['gyeonggi', 37.636, 127.2165],
  ['gyeonggi', 37.1498, 126.8315],
  ['gyeonggi', 37.4292, 126.9877],
  ['gyeonggi', 37.76, 126.78],
  ['gangwon', 37.8813, 127.7298],
  ['gangwon', 37.7519, 128.8761],
  ['gangwon', 37.3422, 127.9202],
  ['gangwon', 37.5247, 129.1143],
  ['gangwon', 38.207, 128.5918],
  ['gangwon', 37.1641, 128.9856],
  ['gangwon', 38.1467, 127.3133],
  ['chungbuk', 36.6424, 127.489],
  ['chungbuk', 36.991, 127.9259],
  ['chungbuk', 36.4887, 127.7274],
  ['chungbuk', 36.1747, 127.7803],
  ['chungbuk', 36.9853, 128.3655],
  ['chungnam', 36.8151, 127.1139],
  ['chungnam', 36.7898, 127.0018],
  ['chungnam', 36.4465, 127.119],
  ['chungnam', 36.7845, 126.4503],
  ['chungnam', 36.3334, 126.6127],
  ['chungnam', 36.6012, 126.6608],
  ['chungnam', 36.2741, 126.9097],
  ['jeonbuk', 35.8242, 127.148],
  ['jeonbuk', 35.9676, 126.7366],
  ['jeonbuk', 35.9483, 126.9577],
  ['jeonbuk', 35.4164, 127.3904],
  ['jeonbuk', 35.5702, 126.856],
  ['jeonbuk', 35.736, 127.584],
  ['jeonnam', 34.8118, 126.3922],
  ['jeonnam', 34.7604, 127.6622],
  ['jeonnam', 34.9507, 127.4872],
  ['jeonnam', 35.0158, 126.7108],
  ['jeonnam', 34.6416, 126.767],
  ['jeonnam', 35.3228, 126.9864],
  ['jeonnam', 34.5667, 126.599],
  ['gyeongbuk', 36.019, 129.3435],
  ['gyeongbuk', 35.8562, 129.2247],
  ['gyeongbuk', 36.1195, 128.3446],
  ['gyeongbuk', 36.5684, 128.7294],
  ['gyeongbuk', 36.5855, 128.1865],
  ['gyeongbuk', 36.8057, 128.624],
  ['gyeongbuk', 35.9733, 128.9386],
  ['gyeongbuk', 36.415, 129.365],
  ['gyeongnam', 35.2279, 128.6811],
  ['gyeongnam', 35.1802, 128.1076],
  ['gyeongnam', 35.335, 129.037],
  ['gyeongnam', 34.8544, 128.4331],
  ['gyeongnam', 35.504, 128.746],
  ['gyeongnam', 34.8806, 128.6211],
  ['gyeongnam', 35.2285, 128.8894],
  ['jeju', 33.4996, 126.5312],
  ['jeju', 33.2541, 126.56],
  ['jeju', 33.4507, 126.9187],
  ['jeju', 33.394, 126.2397],
];

/** The 시·도 a point most likely lies in (nearest reference place). */
export function suggestRegion(lat: number, lng: number): Region {
  let best: Region = 'seoul';
  let bestKm = Infinity;
  for (const [region, rLat, rLng] of REFERENCE_POINTS) {
    const km = haversineKm([lat, lng], [rLat, rLng]);
    if (km < bestKm) [best, bestKm] = [region, km];
  }
  return best;
}
