import { useLocation, useNavigate, useSearchParams } from 'react-router';
import {
  courseFiltersFromParams,
  courseFiltersToSearch,
  type CourseFilters,
} from '../utils/course-filters.ts';

/** The course feed's filters, read from and written to the URL (each change is a history entry). */
export function useCourseFilters(): [CourseFilters, (next: CourseFilters) => void] {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const filters = courseFiltersFromParams(params);
  const setFilters = (next: CourseFilters) => {
    const search = courseFiltersToSearch(next);
    void navigate({ pathname, search: search ? `?${search}` : '' }, { preventScrollReset: true });
  };
  return [filters, setFilters];
}
