import type pg from 'pg';
import { acceptCurrentConsents } from '../seed/seed.ts';
import { timeOfDayOf } from '../modules/runs/run-rules.ts';

/**
 * Many users and runs at once with plain SQL, for tests and benchmarks that need thousands of rows that the
 * API would take minutes to create (signup hashes a password). PostgreSQL only; the rows are what the API
 * writes (a run's host is its participant #1, counts kept).
 */
export async function insertUsers(client: pg.Client, count: number, tag: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `insert into users (nickname, email)
     select $1 || '-' || g, $1 || '-' || g || '@example.com' from generate_series(1, $2::int) g
     returning id`,
    [tag, count],
  );
  const ids = rows.map((r) => r.id);
  await acceptCurrentConsents((text, values) => client.query(text, values), ids);
  return ids;
}

export interface RunRows {
  hostId: string;
  startsAt: Date;
  endsAt: Date;
  /** Joined runners besides the host. */
  participantIds: string[];
}

const ROUTE = JSON.stringify([
  [37.5283, 126.9326],
  [37.5262, 126.9382],
  [37.5235, 126.9441],
]);

export async function insertRuns(
  client: pg.Client,
  runs: RunRows[],
  title = '부하 시험 러닝',
): Promise<string[]> {
  if (runs.length === 0) return [];
  const { rows } = await client.query<{ id: string }>(
    `insert into runs (host_id, title, starts_at, ends_at, join_deadline, place_name, place_lat, place_lng,
       route, distance_km, capacity, theme, region, time_of_day, participant_count, search_text,
       created_at, updated_at)
     select h, $5, s, e, s, '여의나루역', 37.5271, 126.9326, $6::jsonb, 1.2, greatest(2, n), 'riverside',
       'seoul', t, n, $5, now(), now()
     from unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::int[], $7::text[])
       with ordinality as x(h, s, e, n, t, i)
     order by i
     returning id`,
    [
      runs.map((r) => r.hostId),
      runs.map((r) => r.startsAt.toISOString()),
      runs.map((r) => r.endsAt.toISOString()),
      runs.map((r) => 1 + r.participantIds.length),
      title,
      ROUTE,
      runs.map((r) => timeOfDayOf(r.startsAt)),
    ],
  );
  const ids = rows.map((r) => r.id);
  const pairs = runs.flatMap((r, i) => [r.hostId, ...r.participantIds].map((u) => [ids[i], u]));
  await client.query(
    `insert into run_participants (run_id, user_id, status, created_at)
     select r, u, 'joined', now() from unnest($1::uuid[], $2::uuid[]) as x(r, u)`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return ids;
}
