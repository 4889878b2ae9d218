import { useSyncExternalStore } from 'react';

/**
 * Whether a media query matches, following changes. Where matchMedia is missing (tests, old browsers) it
 * answers `fallback`. A server-rendered page and its hydration answer `onServer`: false, the phone's layout for
 * the app's `min-width` queries, since a phone on a slow network is who the server renders for (ADR 023).
 */
export function useMediaQuery(query: string, fallback = true, onServer = false): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => (typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : fallback),
    () => onServer,
  );
}
