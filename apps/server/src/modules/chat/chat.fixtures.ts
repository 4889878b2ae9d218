import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';

/**
 * For tests of crew chats: a crew and its members written straight into the crews tables (the crews module
 * owns them; its API is not what these tests are about). `members` are plain members, `staff` staff.
 */
export async function newCrewRows(
  database: Database,
  owner: { user: { id: string } },
  others: { members?: { user: { id: string } }[]; staff?: { user: { id: string } }[] } = {},
): Promise<{ id: string; name: string }> {
  const id = randomUUID();
  const name = `채팅크루 ${id.slice(0, 8)}`;
  await database.executeSql(
    `insert into crews (id, name, name_key, regions, home_spot_name, home_lat, home_lng, join_policy, search_text,
       member_count, created_at, updated_at)
     values ($1, $2, $3, '["seoul-seocho"]'::jsonb, '반포 한강공원', 37.51, 126.99, 'open', $2, $4, now(), now())`,
    [id, name, id, 1 + (others.members?.length ?? 0) + (others.staff?.length ?? 0)],
  );
  const rows: [string, string][] = [
    [owner.user.id, 'owner'],
    ...(others.staff ?? []).map((u): [string, string] => [u.user.id, 'staff']),
    ...(others.members ?? []).map((u): [string, string] => [u.user.id, 'member']),
  ];
  for (const [userId, role] of rows) await addCrewMemberRow(database, id, userId, role);
  return { id, name };
}

/** A crew_members row: `status` member (default), pending or banned. */
export async function addCrewMemberRow(
  database: Database,
  crewId: string,
  userId: string,
  role = 'member',
  status = 'member',
): Promise<void> {
  await database.executeSql(
    `insert into crew_members (crew_id, user_id, status, role, created_at) values ($1, $2, $3, $4, now())`,
    [crewId, userId, status, role],
  );
}

export async function removeCrewMemberRow(database: Database, crewId: string, userId: string): Promise<void> {
  await database.executeSql(`delete from crew_members where crew_id = $1 and user_id = $2`, [crewId, userId]);
}
