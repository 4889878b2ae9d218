import { z } from 'zod';

/** Values from DOMAIN.md. Stable string codes; labels come from i18n. */
export const REGIONS = [
  'seoul',
  'busan',
  'daegu',
  'incheon',
  'gwangju',
  'daejeon',
  'ulsan',
  'sejong',
  'gyeonggi',
  'gangwon',
  'chungbuk',
  'chungnam',
  'jeonbuk',
  'jeonnam',
  'gyeongbuk',
  'gyeongnam',
  'jeju',
] as const;
export const RegionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof RegionSchema>;

export const THEMES = ['city', 'park', 'track', 'riverside', 'mountain', 'beach'] as const;
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

export const TIMES_OF_DAY = ['late_night', 'dawn', 'morning', 'afternoon', 'evening', 'night'] as const;
export const TimeOfDaySchema = z.enum(TIMES_OF_DAY);
export type TimeOfDay = z.infer<typeof TimeOfDaySchema>;

export const DISTANCE_BUCKETS = ['lt5', '5to10', '10to15', 'gte15'] as const;
export const DistanceBucketSchema = z.enum(DISTANCE_BUCKETS);
export type DistanceBucket = z.infer<typeof DistanceBucketSchema>;

export const RUNNING_LEVELS = ['starter', 'lt5', '5to10', '10to15', 'gte15'] as const;
export const RunningLevelSchema = z.enum(RUNNING_LEVELS);
export type RunningLevel = z.infer<typeof RunningLevelSchema>;

export const GOOD_RUNNER_SCORE = { initial: 50, min: 0, max: 100 } as const;

/** The time-of-day code for a local start hour (0–23): h falls in [from, to). */
export function timeOfDayOfHour(hour: number): TimeOfDay {
  const index = Math.floor(hour / 4);
  const code = TIMES_OF_DAY[index];
  if (code === undefined || !Number.isInteger(hour)) throw new RangeError(`hour out of range: ${hour}`);
  return code;
}

/** The distance bucket of a distance in km. */
export function distanceBucketOf(km: number): DistanceBucket {
  if (km < 5) return 'lt5';
  if (km < 10) return '5to10';
  if (km < 15) return '10to15';
  return 'gte15';
}
