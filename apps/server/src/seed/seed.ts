import { CONSENT_VERSIONS, REQUIRED_CONSENTS, routeDistanceKm } from '@erun/contracts';
import type { Database } from '../db/client.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { timeOfDayOf } from '../modules/runs/run-rules.ts';
import { runSearchText } from '../lib/search-text.ts';
import { type Exec, inTransaction, insertRows, RUN_FIELD_COLUMNS } from './bulk.ts';
import { type RunDraft, runDraft, userDraft } from './generator.ts';
import { Random } from './random.ts';
import { insertSeedCrews, removeSeedCrews } from './seed-crews.ts';

/** Every seeded account signs in with this password (README, "Sample data"). */
export const SEED_PASSWORD = 'seed-run-2026';
export const SEED_EMAIL_DOMAIN = 'seed.erun.run';
const SEED_EMAILS = `%@${SEED_EMAIL_DOMAIN}`;
const BATCH = 1000;

export interface SeedOptions {
  users: number;
  runs: number;
  /** PRNG seed: the same value gives the same data (relative to `now`). */
  seed: number;
  /** Delete earlier seed data (seed users and everything that cascades from them) first. */
  reset: boolean;
  now?: Date;
  log?: (message: string) => void;
}

export interface SeedSummary {
  users: number;
  runs: number;
  participations: number;
  seconds: number;
}

export class SeedDataExists extends Error {
  constructor(count: number) {
    super(`${count} seed users already exist; run again with --reset to replace the seed data`);
  }
}

export async function countSeedUsers(database: Database): Promise<number> {
  const { rows } = await database.executeSql('select count(*)::int as n from users where email like $1', [
    SEED_EMAILS,
  ]);
  return (rows[0] as { n: number } | undefined)?.n ?? 0;
}

/** Fills the configured database with sample users, runs and participations, in one transaction. */
export async function seedDatabase(database: Database, options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const existing = await countSeedUsers(database);
  if (existing > 0 && !options.reset) throw new SeedDataExists(existing);
  const rng = new Random(options.seed);
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(SEED_PASSWORD);
  const participations = await inTransaction(database, async (exec) => {
    if (existing > 0) await removeSeedData(exec, log);
    const userIds = await insertUsers(exec, rng, options.users, passwordHash, now);
    await acceptCurrentConsents(exec, userIds);
    log(`users: ${userIds.length}`);
    let rows = 0;
    for (let done = 0; done < options.runs; done += BATCH) {
      rows += await insertRunBatch(exec, rng, userIds, Math.min(BATCH, options.runs - done), now);
      if ((done + BATCH) % 10_000 === 0 || done + BATCH >= options.runs) {
        log(`runs: ${Math.min(done + BATCH, options.runs)} / ${options.runs}, participations: ${rows}`);
      }
    }
    const crews = await insertSeedCrews(exec, rng, userIds, now);
    log(`crews: ${crews.crews}, 정기런: ${crews.series} (${crews.occurrences} dates open)`);
    await exec(
      `update users u set runs_hosted = c.n
       from (select host_id, count(*)::int as n from runs where cancelled_at is null group by host_id) c
       where u.id = c.host_id and u.email like $1`,
      [SEED_EMAILS],
    );
    return rows;
  });
  // Fresh statistics, so the planner knows the new data at once (autovacuum would take its time).
  for (const table of ['users', 'runs', 'run_participants']) await database.executeSql(`analyze ${table}`);
  const seconds = (performance.now() - started) / 1000;
  return { users: options.users, runs: options.runs, participations, seconds };
}

/** Seed users cascade to their runs and participations; runs of real users they had joined get recounted. */
async function removeSeedData(exec: Exec, log: (message: string) => void): Promise<void> {
  const { rows } = await exec(
    `select distinct rp.run_id from run_participants rp
     join users u on u.id = rp.user_id join runs r on r.id = rp.run_id join users h on h.id = r.host_id
     where u.email like $1 and h.email not like $1`,
    [SEED_EMAILS],
  );
  const touched = (rows as { run_id: string }[]).map((r) => r.run_id);
  await removeSeedCrews(exec, SEED_EMAILS);
  await exec('delete from users where email like $1', [SEED_EMAILS]);
  if (touched.length > 0) {
    await exec(
      `update runs r set
         participant_count = (select count(*) from run_participants p where p.run_id = r.id and p.status = 'joined'),
         waitlist_count = (select count(*) from run_participants p where p.run_id = r.id and p.status = 'waitlisted')
       where r.id = any($1::uuid[])`,
      [touched],
    );
  }
  log(`removed the previous seed data (${touched.length} other runs recounted)`);
}

/** Seed users accepted the documents in force, like every sign-up (else each write answers CONSENT_REQUIRED). */
export async function acceptCurrentConsents(exec: Exec, userIds: string[]): Promise<void> {
  await exec(
    `insert into user_consents (user_id, document, version, granted)
     select u, d.document, d.version, true from unnest($1::uuid[]) u, unnest($2::text[], $3::text[]) d(document, version)`,
    [userIds, [...REQUIRED_CONSENTS], REQUIRED_CONSENTS.map((d) => CONSENT_VERSIONS[d])],
  );
}

async function insertUsers(exec: Exec, rng: Random, count: number, hash: string, now: Date) {
  const ids: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const u = userDraft(rng);
      const id = rng.uuid();
      const createdAt = new Date(now.getTime() - rng.between(90, 720) * 86_400_000);
      ids.push(id);
      rows.push([
        id,
        `seed${String(i + 1).padStart(4, '0')}@${SEED_EMAIL_DOMAIN}`,
        hash,
        u.nickname,
        u.bio,
        u.runningLevel,
        `{${u.preferredRegions.join(',')}}`,
        u.preferredDistance,
        u.goodRunnerScore,
        createdAt.toISOString(),
        createdAt.toISOString(),
      ]);
    }
    await insertRows(exec, 'users', USER_COLUMNS, rows);
  }
  return ids;
}

const USER_COLUMNS: [string, string, string?][] = [
  ['id', 'uuid'],
  ['email', 'text'],
  ['password_hash', 'text'],
  ['nickname', 'text'],
  ['bio', 'text'],
  ['running_level', 'text'],
  ['preferred_regions', 'text', 'text[]'],
  ['preferred_distance', 'text'],
  ['good_runner_score', 'int'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

const RUN_COLUMNS: [string, string, string?][] = [
  ...RUN_FIELD_COLUMNS,
  ['waitlist_count', 'int'],
  ['search_text', 'text'],
  ['cancelled_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

const PARTICIPANT_COLUMNS: [string, string, string?][] = [
  ['run_id', 'uuid'],
  ['user_id', 'uuid'],
  ['status', 'text'],
  ['created_at', 'timestamptz'],
];

async function insertRunBatch(exec: Exec, rng: Random, userIds: string[], count: number, now: Date) {
  const runs: unknown[][] = [];
  const participants: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const draft = runDraft(rng, { now, days: [-60, 90] });
    const id = rng.uuid();
    // A few keen hosts post many runs: the square skews the pick towards the first users.
    const hostId = userIds[Math.floor(rng.next() ** 2 * userIds.length)] ?? '';
    const crowd = crowdOf(rng, draft, hostId, userIds, now);
    const cancelledAt = rng.chance(0.02) ? cancelTimeOf(rng, draft, now) : null;
    for (const p of crowd.rows) participants.push([id, p.userId, p.status, p.at.toISOString()]);
    runs.push(runRow(id, hostId, draft, crowd.joined, crowd.waiting, cancelledAt));
  }
  await insertRows(exec, 'runs', RUN_COLUMNS, runs);
  await insertRows(exec, 'run_participants', PARTICIPANT_COLUMNS, participants);
  return participants.length;
}

function runRow(
  id: string,
  hostId: string,
  d: RunDraft,
  joined: number,
  waiting: number,
  cancelledAt: Date | null,
) {
  const iso = (t: Date | null) => t?.toISOString() ?? null;
  return [
    id,
    hostId,
    d.title,
    d.description,
    iso(d.startsAt),
    iso(d.endsAt),
    iso(d.meetAt),
    iso(d.joinDeadline),
    d.meetingPlace.name,
    d.meetingPlace.lat,
    d.meetingPlace.lng,
    JSON.stringify(d.route),
    routeDistanceKm(d.route),
    d.capacity,
    d.theme,
    d.region,
    timeOfDayOf(d.startsAt),
    d.paceSecPerKm,
    d.parking,
    d.baggage,
    joined,
    waiting,
    runSearchText({ title: d.title, description: d.description, placeName: d.meetingPlace.name }),
    iso(cancelledAt),
    iso(d.createdAt),
    iso(cancelledAt ?? d.createdAt),
  ];
}

interface Crowd {
  rows: { userId: string; status: 'joined' | 'waitlisted'; at: Date }[];
  joined: number;
  waiting: number;
}

/** The host (participant #1) and the runners who joined or queued, in the order they did it. */
function crowdOf(rng: Random, d: RunDraft, hostId: string, userIds: string[], now: Date): Crowd {
  // About 3 runners a run on average; a small run fills up and some of those keep a waitlist.
  const wanted = 1 + Math.floor(-Math.log(1 - rng.next()) * 2.7);
  const joined = Math.min(d.capacity, wanted);
  const waiting = wanted > d.capacity && rng.chance(0.6) ? Math.min(10, wanted - d.capacity) : 0;
  const others = rng.sample(userIds, joined - 1 + waiting + 1).filter((u) => u !== hostId);
  const opened = d.createdAt.getTime();
  const closes = Math.max(opened + 60_000, Math.min(now.getTime(), d.joinDeadline.getTime()));
  const times = others.map(() => rng.between(opened + 1000, closes)).sort((x, y) => x - y);
  const rows: Crowd['rows'] = [{ userId: hostId, status: 'joined', at: d.createdAt }];
  others.slice(0, joined - 1 + waiting).forEach((userId, i) => {
    rows.push({ userId, status: i < joined - 1 ? 'joined' : 'waitlisted', at: new Date(times[i] ?? opened) });
  });
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return { rows, joined: count('joined'), waiting: count('waitlisted') };
}

function cancelTimeOf(rng: Random, d: RunDraft, now: Date): Date | null {
  const latest = Math.min(d.startsAt.getTime(), now.getTime());
  const at = rng.between(d.createdAt.getTime(), latest);
  return at > d.createdAt.getTime() ? new Date(at) : null;
}
