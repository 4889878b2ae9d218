import { searchKey } from '@erun/contracts';
import { getChoseong } from 'es-hangul';

/**
 * The forgiving search (issue 18), in one place for every list that searches text (runs, crews): how stored
 * text is keyed and how a query is read. Both sides are compared as `searchKey` (NFC, lower-cased, no
 * whitespace), so spacing never matters ("한강러닝" = "한강 러닝") and a decomposed 한글 (NFD) is the same word.
 *
 * A query is read as tokens, every one of which must be found (in any order, in any field); a token is found
 * when any of its spellings is. The spellings come from the synonym groups below: the words runners use for
 * the same thing, in Korean and English.
 */

/**
 * Words that mean the same for a search. A query word holding one of them (longest first) may be spelled
 * with any other of its group: "여의도 야간런" also finds "여의도 나이트 러닝". Kept small on purpose: every
 * spelling is a substring match, so a short or common word here would find too much.
 */
export const SEARCH_SYNONYMS: readonly (readonly string[])[] = [
  ['러닝', '런닝', '달리기', '조깅', '런', 'running', 'run', 'jogging', 'jog'],
  ['야간', '나이트', 'night'],
  ['아침', '모닝', 'morning'],
  ['초보', '입문', 'beginner'],
  // Well-known running spots, for a query typed in English.
  ['한강', 'hangang', 'hanriver'],
  ['여의도', 'yeouido'],
  ['반포', 'banpo'],
  ['뚝섬', 'ttukseom'],
  ['잠실', 'jamsil'],
  ['남산', 'namsan'],
  ['서울숲', 'seoulforest'],
  ['광안리', 'gwangalli'],
  ['해운대', 'haeundae'],
];

/** A run's distance typed as a word: "5km", "10k", "5키로", "21.1킬로". */
const DISTANCE_WORD = /^(\d{1,3}(?:\.\d+)?)(킬로미터|키로미터|km|k|킬로|키로)(?![a-z])/u;
const DISTANCE_UNITS = ['km', 'k', '키로', '킬로'];

/** At most this many tokens are read from a query, and this many spellings kept for one token. */
const MAX_TOKENS = 8;
const MAX_SPELLINGS = 32;
/** The phrase bonus reads only the first spellings of the whole query (the words as typed come first). */
const MAX_PHRASES = 9;

/** Every spelling of the synonym groups, longest first (the longest match wins: "running" before "run"). */
const TERMS: { term: string; group: readonly string[] }[] = SEARCH_SYNONYMS.flatMap((group) =>
  group.map((term) => ({ term: searchKey(term), group: group.map(searchKey) })),
).sort((a, b) => b.term.length - a.term.length);

export interface SearchToken {
  /** Keys (searchKey form) any of which, found as a substring, finds the token. */
  spellings: string[];
  /**
   * A distance word: runs of about this many km (rounded) are found too, and the spellings are found only
   * where no digit comes before them ("5km" is not in "15km"): `distancePattern`, a POSIX regular expression.
   */
  km?: number;
  distancePattern?: string;
}

export interface SearchQuery {
  tokens: SearchToken[];
  /** The whole query with its tokens side by side ("한강 러닝" → "한강러닝", "한강달리기", …): a closer match. */
  phrase: string[];
}

/** A piece of a query word: text as typed (literal), a synonym, or a distance. */
type Segment = { text: string; spellings: string[]; literal?: boolean; km?: number };

/** A query as tokens to find, or undefined when nothing in it can be searched for (blank). */
export function parseSearch(query: string): SearchQuery | undefined {
  const tokens: SearchToken[] = [];
  const all: Segment[] = [];
  for (const word of query.normalize('NFC').split(/\s+/u)) {
    const key = searchKey(word);
    if (!key) continue;
    const segments = segmentsOf(key);
    all.push(...segments);
    // A word is split at the synonyms and distances it holds ("한강러닝" → 한강 + 러닝, each anywhere) unless
    // that would leave a single letter to find alone ("브런치" is one word, not 브 + 런 + 치).
    const split = segments.every((s) => !s.literal || s.text.length > 1);
    if (split || segments.length === 1) tokens.push(...segments.map(tokenOf));
    else tokens.push(tokenOf({ text: key, spellings: product(segments.map((s) => s.spellings)) }));
  }
  const unique = new Map<string, SearchToken>();
  for (const token of tokens) unique.set(`${[...token.spellings].sort().join('|')}#${token.km}`, token);
  const kept = [...unique.values()].slice(0, MAX_TOKENS);
  if (kept.length === 0) return undefined;
  const phrase = kept.length > 1 ? product(all.map((s) => s.spellings)).slice(0, MAX_PHRASES) : [];
  return { tokens: kept, phrase };
}

function segmentsOf(key: string): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  const flush = () => {
    if (text) segments.push({ text, spellings: [text], literal: true });
    text = '';
  };
  for (let i = 0; i < key.length;) {
    const rest = key.slice(i);
    const distance = /[\d.]/u.test(key[i - 1] ?? '') ? null : DISTANCE_WORD.exec(rest);
    if (distance) {
      flush();
      const km = Number(distance[1]);
      const number = distance[1] ?? '';
      segments.push({ text: distance[0], spellings: DISTANCE_UNITS.map((u) => number + u), km });
      i += distance[0].length;
      continue;
    }
    const synonym = TERMS.find(({ term }) => rest.startsWith(term));
    if (synonym) {
      flush();
      const others = synonym.group.filter((t) => t !== synonym.term);
      segments.push({ text: synonym.term, spellings: [synonym.term, ...others] });
      i += synonym.term.length;
      continue;
    }
    text += key.slice(i, i + 1);
    i += 1;
  }
  flush();
  return segments;
}

function tokenOf(segment: Segment): SearchToken {
  if (segment.km === undefined) return { spellings: segment.spellings };
  const number = segment.text.match(/^[\d.]+/u)?.[0] ?? '';
  return {
    spellings: segment.spellings,
    km: segment.km,
    distancePattern: `(^|[^0-9.])${number.replace('.', '\\.')}(${DISTANCE_UNITS.join('|')})`,
  };
}

/** Every way of spelling segments side by side, the first spellings first (the text as typed comes first). */
function product(lists: string[][]): string[] {
  let out = [''];
  for (const list of lists) {
    out = out.flatMap((prefix) => list.map((s) => prefix + s)).slice(0, MAX_SPELLINGS);
  }
  return [...new Set(out)];
}

/** The 초성 of a text's 한글 syllables, other characters left out: "반포 한강공원" → "ㅂㅍㅎㄱㄱㅇ". */
export function choseongKey(text: string): string {
  return getChoseong(text.normalize('NFC')).replace(/[^ㄱ-ㅎ]/gu, '');
}

/**
 * The text a run is searched in, one field a line, each as `searchKey`: title, meeting place, the place's
 * 초성 ("ㅂㅍ" finds 반포), description. Lines stay in this order: the ranking reads title and place by line.
 * Host nickname and crew name are matched live from their own rows (a rename is found at once).
 * Migration 0020 wrote the same for runs stored before it, in SQL.
 */
export function runSearchText(run: { title: string; description: string; placeName: string }): string {
  return [
    searchKey(run.title),
    searchKey(run.placeName),
    choseongKey(run.placeName),
    searchKey(run.description),
  ].join('\n');
}

/** `SEARCH_LINES.title` etc.: the 1-based line of a field in `runSearchText`. */
export const RUN_SEARCH_LINES = { title: 1, place: 2, placeChoseong: 3, description: 4 } as const;

/** A crew's search text: name, home spot, level line, description, one a line, each as `searchKey`. */
export function crewSearchText(crew: {
  name: string;
  homeSpot: string;
  level: string;
  description: string;
}): string {
  return [crew.name, crew.homeSpot, crew.level, crew.description].map(searchKey).join('\n');
}

/** `%…%` for LIKE, the text's own `%`, `_` and `\` matched as themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
