import { useLayoutEffect, useState, type RefObject } from 'react';

/** The phone tab bar's breakpoint (app/shell/tab-bar.module.css hides it from 768 px). */
const TAB_BAR_QUERY = '(max-width: 767px)';
const GAP = 8;

/**
 * The room (px) between an element's bottom and what covers the screen's end — the phone's bottom tab bar, or
 * the viewport's edge — while `open`, measured again on scroll and resize; a popup under the element uses it
 * as its max height so its last option stays above the tab bar. With less than `least`, the page scrolls up
 * so that much fits.
 */
export function useRoomBelow(
  ref: RefObject<HTMLElement | null>,
  open: boolean,
  least: number,
): number | null {
  const [room, setRoom] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    const measure = (scrollIfTight: boolean) => {
      const element = ref.current;
      if (!element) return;
      const viewport = window.visualViewport?.height ?? window.innerHeight;
      const bar = window.matchMedia?.(TAB_BAR_QUERY).matches
        ? parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--tabbar-height')) || 0
        : 0;
      const below = Math.floor(viewport - bar - element.getBoundingClientRect().bottom - GAP);
      if (scrollIfTight && below < least) {
        window.scrollBy({ top: least - below });
        return measure(false);
      }
      setRoom(Math.max(below, least));
    };
    measure(true);
    const onChange = () => measure(false);
    window.addEventListener('resize', onChange);
    window.addEventListener('scroll', onChange, true);
    return () => {
      window.removeEventListener('resize', onChange);
      window.removeEventListener('scroll', onChange, true);
    };
  }, [ref, open, least]);
  return open ? room : null;
}
