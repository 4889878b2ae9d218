import type { Run } from '@erun/contracts';
import { useEffect, useState } from 'react';
import { seatOfferWindow } from '../utils/join-state.ts';

/** setTimeout's longest delay; a later moment is reached in steps. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Whether a freed seat of this run is offered now (within 24 h of the start, before the join deadline) rather
 * than given at once; it changes by itself when the page stays open across either moment.
 */
export function useSeatsOffered(run: Pick<Run, 'startsAt' | 'joinDeadline'>): boolean {
  const [now, setNow] = useState(() => Date.now());
  const { from, until } = seatOfferWindow(run);
  const next = now < from ? from : now < until ? until : null;
  useEffect(() => {
    if (next === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(next - Date.now() + 100, MAX_DELAY));
    return () => clearTimeout(timer);
  }, [next, now]);
  return now >= from && now < until;
}
