import {
  REGIONS,
  TIMES_OF_DAY,
  WEEKDAYS,
  type ListCrewsQuery,
  type Region,
  type TimeOfDay,
  type Weekday,
} from '@erun/contracts';

/** What the crew finder is filtered by; kept in the URL so a search can be shared and the back button works. */
export interface CrewFilters {
  region: Region[];
  day: Weekday[];
  timeOfDay: TimeOfDay[];
  /** A pace the crew runs at, "m:ss" per km as typed ('' = any). */
  pace: string;
  beginner: boolean;
  q: string;
}

export const EMPTY_CREW_FILTERS: CrewFilters = {
  region: [],
  day: [],
  timeOfDay: [],
  pace: '',
  beginner: false,
  q: '',
};

function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const picked = new Set(value.split(','));
  return allowed.filter((option) => picked.has(option));
}

/** "5:30" or "5" → 330 / 300 s/km; null for anything else. */
export function paceSeconds(text: string): number | null {
  const match = /^(\d{1,2})(?::([0-5]\d))?$/.exec(text.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * 60 + Number(match[2] ?? 0);
  return seconds >= 120 && seconds <= 1200 ? seconds : null;
}

export function crewFiltersFromParams(params: URLSearchParams): CrewFilters {
  const pace = Number(params.get('pace'));
  return {
    region: listOf(params.get('region'), REGIONS),
    day: listOf(params.get('day'), WEEKDAYS),
    timeOfDay: listOf(params.get('timeOfDay'), TIMES_OF_DAY),
    pace:
      Number.isInteger(pace) && pace > 0
        ? `${Math.floor(pace / 60)}:${String(pace % 60).padStart(2, '0')}`
        : '',
    beginner: params.get('beginner') === 'true',
    q: params.get('q')?.slice(0, 50) ?? '',
  };
}

export function crewFiltersToQuery(filters: CrewFilters): ListCrewsQuery {
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(',') : undefined);
  const pace = paceSeconds(filters.pace);
  return {
    region: list(filters.region),
    day: list(filters.day),
    timeOfDay: list(filters.timeOfDay),
    pace: pace ?? undefined,
    beginner: filters.beginner ? 'true' : undefined,
    q: filters.q.trim() || undefined,
  };
}

export function crewFiltersToSearch(filters: CrewFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(crewFiltersToQuery(filters))) {
    if (typeof value === 'string' || typeof value === 'number') params.set(key, String(value));
  }
  return params.toString().replace(/%2C/gi, ',');
}

/** How many filters are on (the name search is a search, not a filter). */
export function countCrewFilters(f: CrewFilters): number {
  return (
    f.region.length + f.day.length + f.timeOfDay.length + (paceSeconds(f.pace) ? 1 : 0) + (f.beginner ? 1 : 0)
  );
}
