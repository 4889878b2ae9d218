import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `until` — an ISO time, or ms since the epoch — (0 when passed or absent), ticking
 * every second until then.
 */
export function useCountdown(until: string | number | null): number {
  const end = typeof until === 'string' ? Date.parse(until) : (until ?? 0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!end) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(() => {
      tick();
      if (Date.now() >= end) clearInterval(timer); // passed: nothing left to count
    }, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [end]);
  return end ? Math.max(0, Math.ceil((end - now) / 1000)) : 0;
}
