import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crewMembers, crews, runs } from '../../db/tables.ts';

export interface CrewRowOptions {
  joinPolicy?: 'open' | 'approval' | 'invite';
  questions?: string[];
  autoMemberAfter?: number | null;
  name?: string;
}

/**
 * A crew row and its owner's membership, written straight to the database: for tests of what happens inside
 * a crew without going through the crew form (POST /api/crews belongs to the crews CRUD).
 */
export async function insertCrew(db: Db, ownerId: string, options: CrewRowOptions = {}): Promise<string> {
  const now = new Date();
  const name = options.name ?? `테스트크루 ${randomUUID().slice(0, 8)}`;
  const [crew] = await db
    .insert(crews)
    .values({
      name,
      nameKey: name.toLowerCase().replace(/\s+/gu, ''),
      regions: ['seoul'],
      homeSpotName: '반포 달빛광장',
      homeLat: 37.5107,
      homeLng: 126.9957,
      joinPolicy: options.joinPolicy ?? 'open',
      questions: options.questions ?? [],
      autoMemberAfter: options.autoMemberAfter ?? null,
      memberCount: 1,
      searchText: name,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: crews.id });
  if (!crew) throw new Error('crew not inserted');
  await db
    .insert(crewMembers)
    .values({ crewId: crew.id, userId: ownerId, status: 'member', role: 'owner', createdAt: now });
  return crew.id;
}

/** The crew's member counter as stored. */
export async function memberCountOf(db: Db, crewId: string): Promise<number> {
  const [row] = await db.select({ n: crews.memberCount }).from(crews).where(eq(crews.id, crewId));
  return row?.n ?? -1;
}

/** The rows of a crew, to compare the counter with what it counts. */
export async function membersOf(db: Db, crewId: string) {
  return db
    .select({ userId: crewMembers.userId, status: crewMembers.status, role: crewMembers.role })
    .from(crewMembers)
    .where(eq(crewMembers.crewId, crewId));
}

export async function crewRow(db: Db, crewId: string) {
  const [row] = await db.select().from(crews).where(eq(crews.id, crewId));
  return row;
}

/** Makes a run belong to a crew (the crew-runs form arrives with another slice). */
export async function setRunCrew(db: Db, runId: string, crewId: string): Promise<void> {
  await db.update(runs).set({ crewId }).where(eq(runs.id, runId));
}

/** Changes a crew's join rules (the crew form belongs to the crews CRUD). */
export async function setCrewRules(db: Db, crewId: string, options: CrewRowOptions): Promise<void> {
  if (Object.keys(options).length === 0) return;
  await db
    .update(crews)
    .set({
      ...(options.joinPolicy ? { joinPolicy: options.joinPolicy } : {}),
      ...(options.questions ? { questions: options.questions } : {}),
      ...(options.autoMemberAfter !== undefined ? { autoMemberAfter: options.autoMemberAfter } : {}),
    })
    .where(eq(crews.id, crewId));
}
