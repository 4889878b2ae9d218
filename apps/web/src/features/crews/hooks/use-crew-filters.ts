import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { crewFiltersFromParams, crewFiltersToSearch, type CrewFilters } from '../utils/crew-filters.ts';

/** The crew finder's filters, read from and written to the URL (each change is a history entry). */
export function useCrewFilters(): [CrewFilters, (next: CrewFilters) => void] {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const filters = crewFiltersFromParams(params);
  const setFilters = (next: CrewFilters) => {
    const search = crewFiltersToSearch(next);
    void navigate({ pathname, search: search ? `?${search}` : '' }, { preventScrollReset: true });
  };
  return [filters, setFilters];
}
