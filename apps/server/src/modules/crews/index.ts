/** What other modules use of crews: who may do what in a crew. */
export type { CrewAccessService } from './crew-access.service.ts';
export { isStaffRole } from './crews.types.ts';
export { memberCrewsOf, staffCrewsOf } from './crew-membership.sql.ts';
