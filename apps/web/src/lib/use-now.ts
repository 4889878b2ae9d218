import { useState } from 'react';

/** The time when the component mounted (rendering stays pure); tests pass `fixed`. */
export function useNow(fixed?: number): number {
  const [now] = useState(() => fixed ?? Date.now());
  return now;
}
