import { useEffect, useRef } from 'react';

/** Calls `onEnter` when the returned element scrolls near the viewport (no-op without IntersectionObserver). */
export function useOnVisible<T extends Element>(onEnter: () => void, enabled: boolean) {
  const ref = useRef<T>(null);
  const callback = useRef(onEnter);
  useEffect(() => {
    callback.current = onEnter;
  }, [onEnter]);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled]);
  return ref;
}
