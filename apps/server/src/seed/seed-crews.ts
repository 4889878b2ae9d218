import { crewNameKey, type Region, REGIONS, type Weekday, WEEKDAYS } from '@erun/contracts';
import { crewSearchText } from '../lib/search-text.ts';
import { ANCHORS } from './anchors.ts';
import { type Exec, insertRows } from './bulk.ts';
import type { Random } from './random.ts';
import { insertSeedSeries, removeSeedSeries, type SeedCrew } from './seed-series.ts';

const NAME_HEADS = [
  '달빛',
  '새벽',
  '노을',
  '바람',
  '한강',
  '도시',
  '주말',
  '퇴근길',
  '아침',
  '별빛',
  '산들',
  '파도',
];
const NAME_TAILS = ['러너스', '러닝크루', '질주단', 'RC', '런클럽', '달리기모임', '페이서스', '러닝메이트'];
const LEVELS = [
  '초보 환영',
  '서브4 목표',
  '누구나',
  '10km 완주',
  '하프 준비',
  '천천히 꾸준히',
  '인터벌 위주',
];
const TIMES = ['06:00', '06:30', '07:00', '19:00', '19:30', '20:00', '20:30', '21:00'];

/**
 * Crews for the sample data: one per ~150 users (at least 5), each at a real running spot, owned by a seed
 * user, with a staff member or two and members sampled from the seed users. Some of the owner's runs become
 * the crew's runs, and the activity score is counted from them like the hourly job would. Three crews in five
 * have a weekly 정기런 on their rhythm with its next four weeks open (seed-series.ts).
 */
export async function insertSeedCrews(
  exec: Exec,
  rng: Random,
  userIds: string[],
  now: Date,
): Promise<{ crews: number; series: number; occurrences: number }> {
  const count = Math.max(5, Math.min(300, Math.floor(userIds.length / 150)));
  const crews: unknown[][] = [];
  const members: unknown[][] = [];
  const names = new Set<string>();
  const made: SeedCrew[] = [];
  for (let i = 0; i < count; i++) {
    const anchor = rng.pick(ANCHORS);
    let name = `${anchor.name.split(' ')[0]} ${rng.pick(NAME_HEADS)}${rng.pick(NAME_TAILS)}`;
    if (names.has(crewNameKey(name))) name = `${name} ${i + 1}`;
    names.add(crewNameKey(name));
    const id = rng.uuid();
    const ownerId = userIds[Math.floor(rng.next() ** 2 * userIds.length)] ?? '';
    const others = rng.sample(userIds, rng.int(2, 40)).filter((u) => u !== ownerId);
    const staff = others.slice(0, rng.int(1, 2));
    const createdAt = new Date(now.getTime() - rng.between(30, 400) * 86_400_000);
    const paceMin = 270 + rng.int(0, 8) * 15;
    const beginner = paceMin >= 360 || rng.chance(0.3);
    const level = beginner ? '초보 환영' : rng.pick(LEVELS);
    const description = `${anchor.name}에서 함께 달리는 크루예요. ${level}, 처음 오셔도 편하게 인사해 주세요.`;
    const spot = {
      name: rng.pick(anchor.meets),
      lat: anchor.path[0]?.[0] ?? 37.5,
      lng: anchor.path[0]?.[1] ?? 127,
    };
    const nearby = REGIONS.filter((r) => r !== anchor.region);
    const regions: Region[] = rng.chance(0.3) ? [anchor.region, rng.pick(nearby)] : [anchor.region];
    const policy = rng.pick(['open', 'open', 'approval', 'invite'] as const);
    const picked = WEEKDAYS.filter(() => rng.chance(0.3));
    const days: Weekday[] = picked.length ? picked : ['SA'];
    const time = rng.pick(TIMES);
    crews.push([
      id,
      name,
      crewNameKey(name),
      description,
      JSON.stringify(regions),
      spot.name,
      spot.lat,
      spot.lng,
      JSON.stringify(days),
      time,
      paceMin,
      paceMin + rng.int(2, 6) * 15,
      level,
      beginner,
      policy,
      JSON.stringify(policy === 'approval' ? ['러닝 경력을 알려 주세요.'] : []),
      rng.chance(0.3) ? rng.int(3, 10) : null,
      1 + others.length,
      crewSearchText({ name, description, homeSpot: spot.name, level }),
      createdAt.toISOString(),
      createdAt.toISOString(),
    ]);
    const at = createdAt.toISOString();
    members.push([id, ownerId, 'member', 'owner', at, at]);
    for (const userId of others)
      members.push([id, userId, 'member', staff.includes(userId) ? 'staff' : 'member', at, at]);
    made.push({ id, name, ownerId, memberIds: others, days, time, spot, anchor, paceMin });
  }
  await insertRows(exec, 'crews', CREW_COLUMNS, crews);
  await insertRows(exec, 'crew_members', MEMBER_COLUMNS, members);
  // A third of each owner's public runs become runs of their crew; activity counted as the job does.
  await exec(
    `update runs r set crew_id = m.crew_id from crew_members m
     where m.role = 'owner' and m.user_id = r.host_id and m.crew_id = any($1::uuid[]) and r.crew_id is null
       and (hashtext(r.id::text) % 3) = 0`,
    [crews.map((c) => c[0])],
  );
  await exec(
    `update crews c set activity_score = (select count(*)::int from runs r where r.crew_id = c.id
       and r.cancelled_at is null and r.starts_at >= $2::timestamptz - interval '30 days' and r.starts_at <= $2)
     where c.id = any($1::uuid[])`,
    [crews.map((c) => c[0]), now.toISOString()],
  );
  return { crews: count, ...(await insertSeedSeries(exec, rng, made, now)) };
}

/**
 * Crews owned by seed users go with them (their members' rows cascade; runs keep no crew), and the seed users'
 * 정기런 with their occurrences.
 */
export async function removeSeedCrews(exec: Exec, seedEmails: string): Promise<void> {
  await removeSeedSeries(exec, seedEmails);
  await exec(
    `delete from crews where id in (select m.crew_id from crew_members m join users u on u.id = m.user_id
       where m.role = 'owner' and u.email like $1)`,
    [seedEmails],
  );
}

const CREW_COLUMNS: [string, string, string?][] = [
  ['id', 'uuid'],
  ['name', 'text'],
  ['name_key', 'text'],
  ['description', 'text'],
  ['regions', 'text', 'jsonb'],
  ['home_spot_name', 'text'],
  ['home_lat', 'float8'],
  ['home_lng', 'float8'],
  ['days', 'text', 'jsonb'],
  ['usual_time', 'text'],
  ['pace_min', 'int4'],
  ['pace_max', 'int4'],
  ['level', 'text'],
  ['beginner_friendly', 'bool'],
  ['join_policy', 'text'],
  ['questions', 'text', 'jsonb'],
  ['auto_member_after', 'int4'],
  ['member_count', 'int4'],
  ['search_text', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

const MEMBER_COLUMNS: [string, string, string?][] = [
  ['crew_id', 'uuid'],
  ['user_id', 'uuid'],
  ['status', 'text'],
  ['role', 'text'],
  ['created_at', 'timestamptz'],
  ['decided_at', 'timestamptz'],
];
