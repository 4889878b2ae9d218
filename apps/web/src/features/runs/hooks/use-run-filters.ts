import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { filtersFromParams, filtersToSearch, type RunFilters } from '../utils/run-filters.ts';

/** What the page keeps in the URL beside the filters: 목록/지도 and the map's box. */
const PAGE_PARAMS = ['view', 'bbox'] as const;

/** The runs list's filters, read from and written to the URL (each change is a history entry). */
export function useRunFilters(): [RunFilters, (next: RunFilters) => void] {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const filters = filtersFromParams(params);
  const setFilters = (next: RunFilters) => {
    const page = new URLSearchParams();
    for (const key of PAGE_PARAMS) {
      const value = params.get(key);
      if (value) page.set(key, value);
    }
    const search = [filtersToSearch(next), page.toString().replace(/%2C/gi, ',')].filter(Boolean).join('&');
    void navigate({ pathname, search: search ? `?${search}` : '' });
  };
  return [filters, setFilters];
}
