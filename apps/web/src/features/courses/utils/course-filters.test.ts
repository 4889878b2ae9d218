import { describe, expect, it } from 'vitest';
import {
  countCourseFilters,
  courseFiltersFromParams,
  courseFiltersToQuery,
  courseFiltersToSearch,
  EMPTY_COURSE_FILTERS,
} from './course-filters.ts';

describe('course filters ⇄ URL', () => {
  it('round-trips regions, themes and sort through the query string', () => {
    const filters = courseFiltersFromParams(new URLSearchParams('region=busan,seoul&theme=park&sort=views'));
    expect(filters).toEqual({ region: ['seoul', 'busan'], theme: ['park'], sort: 'views' });
    expect(courseFiltersToSearch(filters)).toBe('region=seoul,busan&theme=park&sort=views');
    expect(courseFiltersToQuery(filters)).toEqual({ region: 'seoul,busan', theme: 'park', sort: 'views' });
    expect(countCourseFilters(filters)).toBe(3);
  });

  it('leaves the defaults out, so the plain feed is plain /courses', () => {
    expect(courseFiltersToSearch(EMPTY_COURSE_FILTERS)).toBe('');
    expect(courseFiltersToQuery(EMPTY_COURSE_FILTERS)).toEqual({
      region: undefined,
      theme: undefined,
      sort: undefined,
    });
  });

  it('ignores unknown values instead of failing the page', () => {
    expect(courseFiltersFromParams(new URLSearchParams('region=mars,jeju,jeju&theme=&sort=random'))).toEqual({
      region: ['jeju'],
      theme: [],
      sort: 'best',
    });
  });
});
