import { crewNameKey } from '@erun/contracts';
import { and, eq } from 'drizzle-orm';
import { crewMembers, crews, runs } from '../../db/tables.ts';
import type { TestApp } from '../../test/test-app.ts';

/**
 * Crews and memberships written straight into their tables, for tests of modules that only read them
 * (announcements, crew calendar feeds) while the crews module's own routes are built elsewhere.
 */
let counter = 0;

export async function testCrew(
  t: TestApp,
  ownerId: string,
  members: { userId: string; role?: 'staff' | 'member'; status?: 'member' | 'pending' | 'banned' }[] = [],
): Promise<{ id: string; name: string }> {
  const now = new Date();
  const name = `테스트크루${process.pid % 1000}-${++counter}-${Math.random().toString(36).slice(2, 6)}`;
  const [crew] = await t.database.db
    .insert(crews)
    .values({
      name,
      nameKey: crewNameKey(name),
      regions: ['seoul'],
      homeSpotName: '반포 한강공원',
      homeLat: 37.5097,
      homeLng: 126.9959,
      joinPolicy: 'open',
      memberCount: 1 + members.length,
      searchText: name,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: crews.id, name: crews.name });
  if (!crew) throw new Error('no crew inserted');
  await t.database.db.insert(crewMembers).values([
    { crewId: crew.id, userId: ownerId, status: 'member', role: 'owner', createdAt: now },
    ...members.map((m) => ({
      crewId: crew.id,
      userId: m.userId,
      status: m.status ?? 'member',
      role: m.role ?? 'member',
      createdAt: now,
    })),
  ]);
  return crew;
}

/** A member leaves or is removed: their row goes (DOMAIN.md: removed users have no row). */
export async function removeMember(t: TestApp, crewId: string, userId: string): Promise<void> {
  await t.database.db
    .delete(crewMembers)
    .where(and(eq(crewMembers.crewId, crewId), eq(crewMembers.userId, userId)));
}

export async function addMember(
  t: TestApp,
  crewId: string,
  userId: string,
  role: 'staff' | 'member' = 'member',
): Promise<void> {
  await t.database.db
    .insert(crewMembers)
    .values({ crewId, userId, status: 'member', role, createdAt: new Date() });
}

export async function deleteCrew(t: TestApp, crewId: string): Promise<void> {
  await t.database.db.update(crews).set({ deletedAt: new Date(), nameKey: null }).where(eq(crews.id, crewId));
}

/** Makes an existing run a run of the crew (public, or members only). */
export async function makeCrewRun(
  t: TestApp,
  runId: string,
  crewId: string,
  visibility: 'public' | 'crew' = 'public',
): Promise<void> {
  await t.database.db.update(runs).set({ crewId, visibility }).where(eq(runs.id, runId));
}
