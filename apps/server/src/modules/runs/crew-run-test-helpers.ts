import type { CrewRole } from '@erun/contracts';
import type { Database } from '../../db/client.ts';

/**
 * Crews for the crew-run tests, written straight into `crews` and `crew_members` (the crews module's own
 * API is not needed to test what runs do with a crew). Test code only.
 */
export async function newCrew(
  database: Database,
  owner: { id: string },
  name = `크루${Math.random().toString(36).slice(2, 8)}`,
): Promise<string> {
  const now = new Date().toISOString();
  const result = await database.executeSql(
    `insert into crews (name, name_key, regions, home_spot_name, home_lat, home_lng, join_policy, search_text,
       created_at, updated_at)
     values ($1, $2, '["seoul"]'::jsonb, '반포 한강공원', 37.51, 126.99, 'open', $1, $3, $3) returning id`,
    [name, name.toLowerCase().replace(/\s+/g, ''), now],
  );
  const crewId = (result.rows as { id: string }[])[0]?.id;
  if (!crewId) throw new Error('no crew');
  await addMember(database, crewId, owner, 'owner');
  return crewId;
}

/** A membership row: a member with a role, or `pending` / `banned` (not members). */
export async function addMember(
  database: Database,
  crewId: string,
  user: { id: string },
  role: CrewRole = 'member',
  status: 'member' | 'pending' | 'banned' = 'member',
): Promise<void> {
  await database.executeSql(
    `insert into crew_members (crew_id, user_id, status, role, created_at) values ($1, $2, $3, $4, $5)
     on conflict (crew_id, user_id) do update set status = excluded.status, role = excluded.role`,
    [crewId, user.id, status, role, new Date().toISOString()],
  );
}

export async function removeMember(database: Database, crewId: string, user: { id: string }): Promise<void> {
  await database.executeSql('delete from crew_members where crew_id = $1 and user_id = $2', [
    crewId,
    user.id,
  ]);
}
