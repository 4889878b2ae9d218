import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { filtersFromParams, filtersToSearch, type RunFilters } from '../utils/run-filters.ts';

/** The runs list's filters, read from and written to the URL (each change is a history entry). */
export function useRunFilters(): [RunFilters, (next: RunFilters) => void] {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const filters = filtersFromParams(params);
  const setFilters = (next: RunFilters) => {
    const search = filtersToSearch(next);
    void navigate({ pathname, search: search ? `?${search}` : '' });
  };
  return [filters, setFilters];
}
