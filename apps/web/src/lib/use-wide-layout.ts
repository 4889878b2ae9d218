import { useMediaQuery } from './use-media-query.ts';

/** The width from which a list page shows its filters beside the list instead of in a sheet. */
export const WIDE_QUERY = '(min-width: 1024px)';

/**
 * Whether a list page uses its wide layout (filters in a sidebar), following the width as it changes. `null` on
 * the server and while a server-rendered page hydrates: the width is not known there, so the page renders both
 * layouts' controls and the stylesheet shows the one the screen is wide enough for (`wideOnly`/`narrowOnly` in
 * list-page.module.css). A desktop then sees its own layout from the first paint, without a jump once hydrated.
 * Where matchMedia is missing (tests) it answers the wide layout, as `useMediaQuery` does.
 */
export function useWideLayout(): boolean | null {
  return useMediaQuery(WIDE_QUERY, true, null);
}
