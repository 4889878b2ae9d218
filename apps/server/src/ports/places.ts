import type { Place } from '@erun/contracts';

/** Finds places by a search's words (Kakao Local, or the built-in list of districts and running spots). */
export interface PlaceFinder {
  /** At most `limit` places, best first; rejects when the source could not answer (down, slow, refused). */
  search(query: string, limit: number): Promise<Place[]>;
}
