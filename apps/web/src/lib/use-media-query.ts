import { useSyncExternalStore } from 'react';

/**
 * Whether a media query matches, following changes. Where matchMedia is missing (tests, old browsers) it
 * answers `fallback`. A server-rendered page and its hydration answer `onServer`: by default false, the phone's
 * layout for the app's `min-width` queries, since a phone on a slow network is who the server renders for
 * (ADR 023); `null` when the page renders for both answers until it knows (`useWideLayout`).
 */
export function useMediaQuery(query: string, fallback?: boolean, onServer?: boolean): boolean;
export function useMediaQuery(query: string, fallback: boolean, onServer: null): boolean | null;
export function useMediaQuery(
  query: string,
  fallback = true,
  onServer: boolean | null = false,
): boolean | null {
  return useSyncExternalStore<boolean | null>(
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
