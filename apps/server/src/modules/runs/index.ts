/** What other modules use of runs beyond its services: the visibility rule, for their own statements. */
export { visibleTo as runVisibleToSql } from './runs.queries.ts';
export type { RunPlaceTime } from './runs.service.ts';
