import { sql, type SQL } from 'drizzle-orm';
import { crewMembers, crews } from '../../db/tables.ts';
import { isStaffRole } from './crews.types.ts';

/**
 * Crew membership as SQL subqueries, for reads that must answer in one statement (the run feed and a run's
 * page: members-only runs, who manages a run). The same rule as CrewAccessService: a `member` row of a live
 * crew; staff are its owner and staff.
 */
export function memberCrewsOf(userId: string): SQL {
  return sql`(select cm.crew_id from ${crewMembers} cm join ${crews} cc on cc.id = cm.crew_id
    where cm.user_id = ${userId} and cm.status = 'member' and cc.deleted_at is null)`;
}

const STAFF_ROLES = (['owner', 'staff', 'member'] as const).filter(isStaffRole);

export function staffCrewsOf(userId: string): SQL {
  return sql`(select cm.crew_id from ${crewMembers} cm join ${crews} cc on cc.id = cm.crew_id
    where cm.user_id = ${userId} and cm.status = 'member' and cc.deleted_at is null
    and cm.role in (${sql.join(
      STAFF_ROLES.map((r) => sql`${r}`),
      sql`, `,
    )}))`;
}
