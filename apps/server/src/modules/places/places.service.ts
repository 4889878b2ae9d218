import type { Place, PlaceSearchResult } from '@erun/contracts';
import { LRUCache } from 'lru-cache';
import { type CircuitBreaker, CircuitOpenError } from '../../lib/circuit-breaker.ts';
import type { PlaceFinder } from '../../ports/places.ts';
import { normalizePlaceText } from './builtin-places.ts';

/** Suggestions shown under the search field. */
export const PLACE_RESULTS_MAX = 10;

export interface PlacesServiceDeps {
  /** The built-in list: answers without a key, and whenever the provider cannot. */
  builtin: PlaceFinder;
  /** Kakao Local when KAKAO_REST_API_KEY is set. */
  provider?: PlaceFinder;
  /** Told when the provider failed (down, slow, refused, a body we cannot read); the search carried on. */
  onProviderError?: (error: unknown) => void;
  /**
   * Guards the provider: after a few failures in a row it is skipped (the built-in list answers at once)
   * for a cooldown, then tried with one call. Without it every search waits for a provider that is down.
   */
  breaker?: CircuitBreaker;
  /** How long a provider's answer is reused for the same words (default 10 minutes). */
  cacheTtlMs?: number;
}

/**
 * Place search for the run form (meeting point, route start): the provider's answer when it gives one,
 * otherwise the built-in list — a provider that is down, slow (its adapter times out) or answers nothing
 * never makes the search fail, and one that keeps failing is skipped for a while (the breaker) instead of
 * making every search wait for its timeout. Provider answers are kept briefly (an LRU), so typing the same
 * words again, or many hosts searching "반포", costs one call.
 */
export class PlacesService {
  private readonly cache: LRUCache<string, Place[]>;

  constructor(private readonly deps: PlacesServiceDeps) {
    this.cache = new LRUCache({ max: 1000, ttl: deps.cacheTtlMs ?? 10 * 60_000 });
  }

  async search(query: string): Promise<PlaceSearchResult> {
    const words = query.trim();
    const fromProvider = await this.fromProvider(words);
    if (fromProvider !== undefined && fromProvider.length > 0) return { items: fromProvider };
    return { items: await this.deps.builtin.search(words, PLACE_RESULTS_MAX) };
  }

  private async fromProvider(words: string): Promise<Place[] | undefined> {
    const { provider } = this.deps;
    if (!provider) return undefined;
    const key = normalizePlaceText(words);
    const cached = this.cache.get(key);
    if (cached) return cached;
    try {
      const ask = () => provider.search(words, PLACE_RESULTS_MAX);
      const places = await (this.deps.breaker ? this.deps.breaker.run(ask) : ask());
      this.cache.set(key, places);
      return places;
    } catch (error) {
      // Skipped by the open breaker: the outage was told when it opened, not once a search.
      if (!(error instanceof CircuitOpenError)) this.deps.onProviderError?.(error);
      return undefined;
    }
  }
}
