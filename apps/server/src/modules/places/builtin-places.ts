import { type Place, REGIONS, searchKey } from '@erun/contracts';
import { getChoseong } from 'es-hangul';
import type { PlaceFinder } from '../../ports/places.ts';
import { REGION_LABELS } from '../../lib/place-regions.ts';
import { DISTRICTS, SPOTS } from './places-data.ts';
import { REGION_LONG_NAMES } from '../../lib/place-regions.ts';

export type PlaceKind = 'spot' | 'district';

interface Entry {
  place: Place;
  kind: PlaceKind;
  /** The names it is known by, normalized: "서울강남구", "강남구", aliases. */
  keys: string[];
  /** Everything a word may match: names, aliases, address, the region's short and long names. */
  haystack: string;
  /** 초성 of the keys. */
  initials: string[];
}

/** Lower case, no spaces or punctuation: "반포 한강공원" and "반포한강공원" are the same words. */
export function normalizePlaceText(text: string): string {
  return searchKey(text).replace(/[·.,()[\]\-_/]+/g, '');
}

const CHOSEONG_ONLY = /^[ㄱ-ㅎ]+$/;

function entryOf(place: Place, kind: PlaceKind, names: readonly string[]): Entry {
  const keys = [...new Set(names.map(normalizePlaceText))];
  const haystack = [
    ...keys,
    normalizePlaceText(place.address ?? ''),
    REGION_LABELS[place.region],
    REGION_LONG_NAMES[place.region],
  ].join('|');
  return { place, kind, keys, haystack, initials: keys.map((k) => getChoseong(k)) };
}

/** Every district and spot of the built-in list, spots first. */
function buildEntries(): Entry[] {
  const entries: Entry[] = [];
  for (const region of REGIONS) {
    const label = REGION_LABELS[region];
    for (const [name, district, lat, lng, aliases = []] of SPOTS[region]) {
      const address = region === 'sejong' ? label : `${label} ${district}`;
      entries.push(entryOf({ name, address, lat, lng, region }, 'spot', [name, ...aliases]));
    }
    for (const [district, lat, lng, aliases = []] of DISTRICTS[region]) {
      const name = region === 'sejong' ? district : `${label} ${district}`;
      entries.push(entryOf({ name, lat, lng, region }, 'district', [name, district, ...aliases]));
    }
  }
  return entries;
}

/**
 * How well an entry matches (lower is better; undefined: not at all): a name exactly, a name's beginning,
 * inside a name, anywhere (address, region; each word of a several-word search), then 초성.
 */
function scoreOf(entry: Entry, query: string, words: string[]): number | undefined {
  if (entry.keys.includes(query)) return 0;
  if (entry.keys.some((k) => k.startsWith(query))) return 1;
  if (entry.keys.some((k) => k.includes(query))) return 2;
  if (entry.haystack.includes(query)) return 3;
  if (words.length > 1 && words.every((w) => entry.haystack.includes(w))) return 3;
  if (CHOSEONG_ONLY.test(query)) {
    if (entry.initials.some((i) => i.startsWith(query))) return 4;
    if (entry.initials.some((i) => i.includes(query))) return 5;
  }
  return undefined;
}

/**
 * The built-in list (places-data.ts) searched in memory: substring and 초성 matches, spacing-insensitive,
 * ranked by how well the name matches, spots before districts at the same rank.
 */
export class BuiltinPlaces implements PlaceFinder {
  private readonly entries = buildEntries();

  /** Every entry (tests check the list's coverage). */
  all(): { place: Place; kind: PlaceKind }[] {
    return this.entries.map(({ place, kind }) => ({ place, kind }));
  }

  search(query: string, limit: number): Promise<Place[]> {
    return Promise.resolve(this.find(query, limit));
  }

  find(query: string, limit: number): Place[] {
    const normalized = normalizePlaceText(query);
    if (normalized === '') return [];
    const words = query.split(/\s+/).map(normalizePlaceText).filter(Boolean);
    const found: { entry: Entry; score: number }[] = [];
    for (const entry of this.entries) {
      const score = scoreOf(entry, normalized, words);
      if (score !== undefined) found.push({ entry, score });
    }
    found.sort(
      (a, b) =>
        a.score - b.score ||
        kindOrder(a.entry.kind) - kindOrder(b.entry.kind) ||
        a.entry.place.name.length - b.entry.place.name.length ||
        a.entry.place.name.localeCompare(b.entry.place.name, 'ko'),
    );
    return found.slice(0, limit).map(({ entry }) => entry.place);
  }
}

const kindOrder = (kind: PlaceKind) => (kind === 'spot' ? 0 : 1);
