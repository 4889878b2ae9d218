import { inKorea, type Place, suggestRegion } from '@erun/contracts';
import { z } from 'zod';
import { regionOfAddress } from '../lib/place-regions.ts';
import type { PlaceFinder } from '../ports/places.ts';

export interface KakaoLocalConfig {
  /** https://dapi.kakao.com (tests: a fake on loopback). */
  baseUrl: string;
  restApiKey: string;
  /** The whole call (connect, answer, body) gives up after this long. */
  timeoutMs: number;
}

/** Kakao Local keyword search, as documented: coordinates are strings, x = longitude, y = latitude. */
const KeywordResponseSchema = z.object({
  documents: z.array(
    z.object({
      place_name: z.string(),
      address_name: z.string().default(''),
      road_address_name: z.string().default(''),
      x: z.string(),
      y: z.string(),
    }),
  ),
});
type KakaoDocument = z.infer<typeof KeywordResponseSchema>['documents'][number];

/** The keyword search returns at most 15 documents a page. */
const KAKAO_PAGE_MAX = 15;

/** A document as our place; undefined when its coordinates are not a point in Korea. */
export function placeOfDocument(doc: KakaoDocument): Place | undefined {
  const lat = Number(doc.y);
  const lng = Number(doc.x);
  if (doc.x.trim() === '' || doc.y.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lng)) return;
  if (!inKorea([lat, lng])) return;
  const address = doc.road_address_name || doc.address_name;
  return {
    name: doc.place_name,
    ...(address ? { address } : {}),
    lat,
    lng,
    region: regionOfAddress(doc.address_name) ?? regionOfAddress(address) ?? suggestRegion(lat, lng),
  };
}

/** Kakao Local's keyword search (https://developers.kakao.com/docs/latest/ko/local/dev-guide). */
export class KakaoLocalPlaces implements PlaceFinder {
  constructor(private readonly config: KakaoLocalConfig) {}

  async search(query: string, limit: number): Promise<Place[]> {
    const url = new URL('/v2/local/search/keyword.json', this.config.baseUrl);
    url.searchParams.set('query', query);
    url.searchParams.set('size', String(Math.min(limit, KAKAO_PAGE_MAX)));
    const response = await fetch(url, {
      headers: { authorization: `KakaoAK ${this.config.restApiKey}`, accept: 'application/json' },
      signal: AbortSignal.timeout(this.config.timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`Kakao Local answered ${response.status}`);
    }
    const body = KeywordResponseSchema.parse(await response.json());
    return body.documents.flatMap((doc) => placeOfDocument(doc) ?? []).slice(0, limit);
  }
}
