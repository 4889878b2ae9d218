import { type Crew, type CrewRole, crewNameKey } from '@erun/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { crewSearchText } from '../lib/search-text.ts';
import { crewMembers, crews, runs } from '../db/tables.ts';
import { bearer, type TestUser } from './factories.ts';
import type { TestApp } from './test-app.ts';

/**
 * The one place tests make crews and memberships (issue 16). `newCrew` goes through the API, as a user would;
 * the row helpers write straight into the crews tables for states the API cannot reach quickly (a member
 * count to check, pending or banned rows, a deleted crew, join rules changed under a member's feet).
 */

let counter = 0;
const uniqueSuffix = () => `${Date.now().toString(36)}${process.pid % 1000}${++counter}`;

/** A valid crew body with a name no other test uses (names are unique). */
export function crewBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `반포 러닝크루 ${uniqueSuffix()}`,
    description: '매주 화요일과 목요일 저녁에 반포한강공원에서 함께 달려요.',
    regions: ['seoul'],
    homeSpot: { name: '반포한강공원 달빛광장', lat: 37.5104, lng: 126.9961 },
    days: ['TU', 'TH'],
    time: '19:30',
    paceRange: { min: 330, max: 420 },
    level: '초보 환영',
    beginnerFriendly: true,
    joinPolicy: 'open',
    ...overrides,
  };
}

/** A crew made through POST /api/crews; its owner is `owner`. */
export async function newCrew(
  app: FastifyInstance,
  owner: { accessToken: string },
  overrides: Record<string, unknown> = {},
): Promise<Crew> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/crews',
    headers: bearer(owner),
    payload: crewBody(overrides),
  });
  if (response.statusCode !== 201)
    throw new Error(`create crew failed: ${response.statusCode} ${response.body}`);
  return response.json<Crew>();
}

export interface CrewRules {
  joinPolicy?: 'open' | 'approval' | 'invite';
  questions?: string[];
  autoMemberAfter?: number | null;
}

export interface CrewRowOptions extends CrewRules {
  name?: string;
  staff?: TestUser[];
  members?: TestUser[];
}

/**
 * A crew row with its owner's membership (and `staff` and `members`, joined), written straight to the
 * database; the stored member count counts them all.
 */
export async function crewRows(
  t: TestApp,
  owner: TestUser,
  options: CrewRowOptions = {},
): Promise<{ id: string; name: string }> {
  const { staff = [], members = [] } = options;
  const now = new Date();
  const name = options.name ?? `테스트크루 ${uniqueSuffix()}`;
  const [crew] = await t.database.db
    .insert(crews)
    .values({
      name,
      nameKey: crewNameKey(name),
      regions: ['seoul'],
      homeSpotName: '반포 한강공원',
      homeLat: 37.5097,
      homeLng: 126.9959,
      joinPolicy: options.joinPolicy ?? 'open',
      questions: options.questions ?? [],
      autoMemberAfter: options.autoMemberAfter ?? null,
      memberCount: 1 + staff.length + members.length,
      searchText: crewSearchText({ name, homeSpot: '반포 한강공원', level: '', description: '' }),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: crews.id, name: crews.name });
  if (!crew) throw new Error('no crew inserted');
  await t.database.db.insert(crewMembers).values([
    { crewId: crew.id, userId: owner.user.id, status: 'member', role: 'owner', createdAt: now },
    ...staff.map((u) => ({
      crewId: crew.id,
      userId: u.user.id,
      status: 'member',
      role: 'staff',
      createdAt: now,
    })),
    ...members.map((u) => ({
      crewId: crew.id,
      userId: u.user.id,
      status: 'member',
      role: 'member',
      createdAt: now,
    })),
  ]);
  return crew;
}

/**
 * A membership row (a member with a role, or `pending` / `banned`: not members), replacing the user's row if
 * there is one. The crew's member count is left as it is.
 */
export async function addMember(
  t: TestApp,
  crewId: string,
  user: TestUser,
  role: CrewRole = 'member',
  status: 'member' | 'pending' | 'banned' = 'member',
): Promise<void> {
  await t.database.db
    .insert(crewMembers)
    .values({ crewId, userId: user.user.id, status, role, createdAt: new Date() })
    .onConflictDoUpdate({ target: [crewMembers.crewId, crewMembers.userId], set: { status, role } });
}

/** A member leaves or is removed: their row goes (DOMAIN.md: removed users have no row). */
export async function removeMember(t: TestApp, crewId: string, user: TestUser): Promise<void> {
  await t.database.db
    .delete(crewMembers)
    .where(and(eq(crewMembers.crewId, crewId), eq(crewMembers.userId, user.user.id)));
}

/** The crew is deleted as the crews module does it (its name freed). */
export async function deleteCrew(t: TestApp, crewId: string): Promise<void> {
  await t.database.db.update(crews).set({ deletedAt: new Date(), nameKey: null }).where(eq(crews.id, crewId));
  t.wrote();
}

/** Changes a crew's join rules behind the API's back. */
export async function setCrewRules(t: TestApp, crewId: string, rules: CrewRules): Promise<void> {
  const set = {
    ...(rules.joinPolicy ? { joinPolicy: rules.joinPolicy } : {}),
    ...(rules.questions ? { questions: rules.questions } : {}),
    ...(rules.autoMemberAfter !== undefined ? { autoMemberAfter: rules.autoMemberAfter } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await t.database.db.update(crews).set(set).where(eq(crews.id, crewId));
  t.wrote();
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

/** The crew's member counter as stored. */
export async function memberCountOf(t: TestApp, crewId: string): Promise<number> {
  const [row] = await t.database.db.select({ n: crews.memberCount }).from(crews).where(eq(crews.id, crewId));
  return row?.n ?? -1;
}

/** The rows of a crew, to compare the counter with what it counts. */
export async function membersOf(t: TestApp, crewId: string) {
  return t.database.db
    .select({ userId: crewMembers.userId, status: crewMembers.status, role: crewMembers.role })
    .from(crewMembers)
    .where(eq(crewMembers.crewId, crewId));
}

export async function crewRow(t: TestApp, crewId: string) {
  const [row] = await t.database.db.select().from(crews).where(eq(crews.id, crewId));
  return row;
}
