import type { CrewRole } from '@erun/contracts';
import { ForbiddenError } from '../../lib/errors.ts';
import type { CrewAccessRepository } from './crew-access.repository.ts';
import { isStaffRole } from './crews.types.ts';

/**
 * The one place other modules ask what a user may do in a crew: runs (crew runs, members-only visibility),
 * series, chat and announcements. Every answer is read fresh from the database: a removal or ban takes effect
 * on the next request.
 */
export class CrewAccessService {
  constructor(private readonly repo: CrewAccessRepository) {}

  /** The user's role in the crew when a member, else null (pending, banned, not in it, or no such crew). */
  async roleOf(crewId: string, userId: string | null): Promise<CrewRole | null> {
    if (userId === null) return null;
    const row = await this.repo.membership(crewId, userId);
    return row?.status === 'member' ? row.role : null;
  }

  async isMember(crewId: string, userId: string | null): Promise<boolean> {
    return (await this.roleOf(crewId, userId)) !== null;
  }

  async isStaff(crewId: string, userId: string | null): Promise<boolean> {
    const role = await this.roleOf(crewId, userId);
    return role !== null && isStaffRole(role);
  }

  /** 403 NOT_CREW_STAFF unless the user is the crew's owner or staff. */
  async requireStaff(crewId: string, userId: string): Promise<CrewRole> {
    const role = await this.roleOf(crewId, userId);
    if (role === null || !isStaffRole(role))
      throw new ForbiddenError('NOT_CREW_STAFF', 'Only the crew staff can do this');
    return role;
  }

  /** The crews whose members-only runs the user may see (none for guests). */
  async memberCrewIds(userId: string | null): Promise<string[]> {
    return userId === null ? [] : this.repo.memberCrewIds(userId);
  }
}
