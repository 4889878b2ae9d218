import {
  haversineKm,
  type Point,
  routeDistanceKm,
  type Region,
  RUN_LIMITS,
  RUNNING_LEVELS,
  type Theme,
  DISTANCE_BUCKETS,
} from '@erun/contracts';
import { timeOfDayOf } from '../modules/runs/run-rules.ts';
import { ANCHORS, type Anchor } from './anchors.ts';
import type { Random } from './random.ts';
import { baggageOf, bioOf, descriptionOf, nicknameOf, paceText, parkingOf, titleOf } from './texts.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A run as a host would post it (the API's create body, with Date times), plus when it was posted. */
export interface RunDraft {
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  meetAt: Date | null;
  joinDeadline: Date;
  meetingPlace: { name: string; lat: number; lng: number };
  route: [number, number][];
  capacity: number;
  theme: Theme;
  region: Region;
  paceSecPerKm: number | null;
  parking: string | null;
  baggage: string | null;
  createdAt: Date;
}

export interface UserDraft {
  nickname: string;
  bio: string;
  runningLevel: string;
  preferredRegions: Region[];
  preferredDistance: string;
  goodRunnerScore: number;
}

// Roughly where people live (and run): most runs are in the capital area.
const REGION_WEIGHTS: [Region, number][] = [
  ['seoul', 30],
  ['gyeonggi', 18],
  ['busan', 9],
  ['incheon', 6],
  ['daegu', 5],
  ['gwangju', 3],
  ['daejeon', 3],
  ['ulsan', 2],
  ['sejong', 2],
  ['gangwon', 3],
  ['chungbuk', 2],
  ['chungnam', 3],
  ['jeonbuk', 2],
  ['jeonnam', 3],
  ['gyeongbuk', 3],
  ['gyeongnam', 4],
  ['jeju', 2],
];

const BY_REGION = new Map<Region, Anchor[]>();
for (const anchor of ANCHORS) BY_REGION.set(anchor.region, [...(BY_REGION.get(anchor.region) ?? []), anchor]);

// Start hours (Asia/Seoul): runners go out at dawn and after work, much less at noon or midnight.
// prettier-ignore
const HOUR_WEIGHTS: [number, number][] = [
  [0, 1], [1, 0.3], [2, 0.2], [3, 0.2], [4, 1], [5, 6], [6, 10], [7, 8], [8, 5], [9, 4], [10, 3], [11, 1.5],
  [12, 1.5], [13, 1], [14, 1], [15, 1.5], [16, 2], [17, 3], [18, 6], [19, 11], [20, 10], [21, 6], [22, 3],
  [23, 1.5],
];

// prettier-ignore
const KM_WEIGHTS: [number, number][] = [
  [3, 4], [4, 5], [5, 12], [6, 8], [7, 8], [8, 7], [9, 4], [10, 12], [11, 3], [12, 4], [13, 2], [14, 2],
  [15, 4], [16, 2], [17, 1], [18, 2], [19, 1], [20, 2], [21, 3],
];

// prettier-ignore
const CAPACITY_WEIGHTS: [number, number][] = [
  [2, 2], [3, 3], [4, 6], [5, 8], [6, 9], [8, 10], [10, 12], [12, 7], [15, 7], [20, 5], [25, 2], [30, 3],
];

export function pickAnchor(rng: Random, region?: Region): Anchor {
  const anchors = BY_REGION.get(region ?? rng.weighted(REGION_WEIGHTS));
  if (!anchors) throw new Error(`no anchors for ${region}`);
  return rng.pick(anchors);
}

export interface DraftOptions {
  now: Date;
  /** Start between these many days from now (negative: in the past). */
  days: [number, number];
  anchor?: Anchor;
}

/** A plausible group run: a route along a real spot, Korean text, a realistic start time. */
export function runDraft(rng: Random, options: DraftOptions): RunDraft {
  const anchor = options.anchor ?? pickAnchor(rng);
  const now = options.now.getTime();
  const startsAt = new Date(startTimeOf(rng, now, options.days));
  const route = walk(rng, anchor.path, rng.weighted(KM_WEIGHTS) + rng.between(-0.4, 0.4));
  const km = Math.max(1, Math.round(routeDistanceKm(route)));
  const pace = rng.chance(0.85) ? rng.int(27, 84) * 5 : null;
  const minutes = Math.ceil((km * (pace ?? 390)) / 60 / 10) * 10 + rng.pick([10, 20, 30]);
  const meet = rng.pick(anchor.meets);
  const timeOfDay = timeOfDayOf(startsAt);
  const weekend = [0, 6].includes(new Date(startsAt.getTime() + 9 * HOUR).getUTCDay());
  const paceLabel = pace ? paceText(pace) : `6'30"`;
  const createdAt = new Date(
    Math.min(startsAt.getTime() - rng.between(1.1 * HOUR, 20 * DAY), now - rng.between(60_000, 3 * DAY)),
  );
  const [startLat, startLng] = route[0] ?? anchor.path[0] ?? [37.5665, 126.978];
  return {
    title: titleOf(rng, { place: anchor.name, timeOfDay, weekend, km, pace: paceLabel }),
    description: descriptionOf(rng, { place: anchor.name, meet, pace: paceLabel }),
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
    meetAt: rng.chance(0.6) ? new Date(startsAt.getTime() - rng.pick([10, 15, 20, 30]) * 60_000) : null,
    joinDeadline: new Date(startsAt.getTime() - joinLeadOf(rng)),
    meetingPlace: { name: meet, lat: round6(startLat), lng: round6(startLng) },
    route,
    capacity: rng.weighted(CAPACITY_WEIGHTS),
    theme: rng.pick(anchor.themes),
    region: anchor.region,
    paceSecPerKm: pace,
    parking: parkingOf(rng),
    baggage: baggageOf(rng),
    createdAt,
  };
}

function startTimeOf(rng: Random, now: number, [fromDays, toDays]: [number, number]): number {
  const seoulMidnight = (t: number) => Math.floor((t + 9 * HOUR) / DAY) * DAY - 9 * HOUR;
  const day = seoulMidnight(now + rng.between(fromDays, toDays) * DAY);
  const minute = rng.weighted([
    [0, 6],
    [30, 4],
    [10, 1],
    [20, 1],
    [40, 1],
    [50, 1],
  ]);
  let start = day + rng.weighted(HOUR_WEIGHTS) * HOUR + minute * 60_000;
  // A window starting "now" means upcoming: at least the lead time a host needs.
  if (fromDays >= 0 && start < now + RUN_LIMITS.minLeadMs + 10 * 60_000) start += DAY;
  return start;
}

function joinLeadOf(rng: Random): number {
  return rng.weighted([
    [RUN_LIMITS.joinDeadlineLeadMs, 8],
    [30 * 60_000, 1],
    [3 * HOUR, 1],
    [DAY, 1],
  ]);
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Walks `km` along a spot's path from a random place on it, in a random direction: round a closed path
 * (a lake), back and forth along an open one (a river bank). Returns 2–60 evenly spaced, slightly jittered
 * points.
 */
export function walk(rng: Random, path: [number, number][], km: number): [number, number][] {
  const points = rng.chance(0.5) ? [...path].reverse() : path;
  const cumulative = [0];
  for (let i = 1; i < points.length; i++) {
    cumulative.push((cumulative[i - 1] ?? 0) + haversineKm(points[i - 1] as Point, points[i] as Point));
  }
  const length = cumulative.at(-1) ?? 0;
  const first = points[0] as Point;
  const closed = haversineKm(first, points.at(-1) as Point) < 0.05;
  // Round a small loop, points closer than a sixth of a lap keep its shape: fewer laps fit in 60 points.
  const distance = closed ? Math.min(km, (59 * length) / 6) : km;
  const dense = closed ? Math.ceil((6 * distance) / length) + 1 : 2;
  const count = Math.max(dense, Math.min(60, Math.round(distance * rng.between(2, 4))));
  const step = distance / (count - 1);
  const offset = rng.between(0, length);
  const route: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const along = offset + i * step;
    const period = closed ? length : 2 * length;
    let x = length > 0 ? along % period : 0;
    if (!closed && x > length) x = period - x;
    const [lat, lng] = pointAt(points, cumulative, x);
    route.push([round6(lat + rng.between(-1e-4, 1e-4)), round6(lng + rng.between(-1e-4, 1e-4))]);
  }
  return route;
}

function pointAt(points: [number, number][], cumulative: number[], x: number): Point {
  for (let i = 1; i < points.length; i++) {
    const end = cumulative[i] ?? 0;
    if (x <= end || i === points.length - 1) {
      const start = cumulative[i - 1] ?? 0;
      const t = end > start ? Math.min(1, (x - start) / (end - start)) : 0;
      const [aLat, aLng] = points[i - 1] as Point;
      const [bLat, bLng] = points[i] as Point;
      return [aLat + (bLat - aLat) * t, aLng + (bLng - aLng) * t];
    }
  }
  return points[0] as Point;
}

export function userDraft(rng: Random): UserDraft {
  const home = rng.weighted(REGION_WEIGHTS);
  const extra = rng.chance(0.3) ? [rng.weighted(REGION_WEIGHTS)] : [];
  return {
    nickname: nicknameOf(rng),
    bio: bioOf(rng),
    runningLevel: rng.pick(RUNNING_LEVELS),
    preferredRegions: [...new Set([home, ...extra])],
    preferredDistance: rng.pick(DISTANCE_BUCKETS),
    goodRunnerScore: Math.max(0, Math.min(100, Math.round(50 + rng.between(-12, 20)))),
  };
}
