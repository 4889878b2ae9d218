import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crewMembers, crews } from '../../db/tables.ts';
import type { CrewMembership } from './crews.types.ts';

/** Reads of crew membership that other modules' permission checks need (one round trip each). */
export class CrewAccessRepository {
  constructor(private readonly db: Db) {}

  /** The caller's row in a live crew, or undefined (not in it, or the crew is gone). */
  async membership(crewId: string, userId: string): Promise<CrewMembership | undefined> {
    const [row] = await this.db
      .select({ status: crewMembers.status, role: crewMembers.role })
      .from(crewMembers)
      .innerJoin(crews, eq(crews.id, crewMembers.crewId))
      .where(and(eq(crewMembers.crewId, crewId), eq(crewMembers.userId, userId), isNull(crews.deletedAt)));
    return row as CrewMembership | undefined;
  }

  /** Ids of the live crews the user is a member of (any role). */
  async memberCrewIds(userId: string): Promise<string[]> {
    const rows = await this.db
      .select({ crewId: crewMembers.crewId })
      .from(crewMembers)
      .innerJoin(crews, eq(crews.id, crewMembers.crewId))
      .where(and(eq(crewMembers.userId, userId), eq(crewMembers.status, 'member'), isNull(crews.deletedAt)));
    return rows.map((r) => r.crewId);
  }
}
