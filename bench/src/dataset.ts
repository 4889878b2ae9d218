import pg from 'pg';
import { openDatabase, type Database } from '../../apps/server/src/db/client.ts';
import { countSeedUsers, seedDatabase } from '../../apps/server/src/seed/seed.ts';

export interface Dataset {
  database: Database;
  url: string;
  runs: number;
  participations: number;
  crews: number;
  crewMembers: number;
  /** Runs that belong to a crew. */
  crewRuns: number;
  /** The runs were seeded now: data that hangs off them (courses' comments) must be rebuilt too. */
  reseeded: boolean;
}

/**
 * The benchmark's own PostgreSQL database, created and seeded on first use and reused afterwards (seeding
 * 100k runs takes about half a minute). Re-seeded when its size differs from the one asked for, or when it
 * has aged so that far fewer runs are still upcoming than in a fresh one.
 */
export async function benchDataset(url: string, users: number, runs: number): Promise<Dataset> {
  await createDatabaseIfMissing(url);
  const database = await openDatabase({ url, dataDir: undefined, poolSize: 4 });
  await database.migrate();
  const seedUsers = await countSeedUsers(database);
  const { rows } = await database.executeSql(
    `select count(*)::int as runs, coalesce(max(starts_at) > now() + interval '80 days', false) as fresh
     from runs`,
  );
  const current = rows[0] as { runs: number; fresh: boolean };
  // A database seeded before crews existed has none: seeded again, so the crew scenarios have data.
  const crewRows = await database.executeSql('select count(*)::int as n from crews');
  const noCrews = (crewRows.rows[0] as { n: number }).n === 0;
  const reseeded = seedUsers !== users || current.runs < runs || !current.fresh || noCrews;
  if (reseeded) {
    console.log(`seeding the benchmark database: ${users} users, ${runs} runs (once; reused by later runs)`);
    const summary = await seedDatabase(database, {
      users,
      runs,
      seed: 2026,
      reset: seedUsers > 0,
      log: (m) => console.log(`  ${m}`),
    });
    console.log(`  seeded in ${summary.seconds.toFixed(1)} s`);
  } else {
    for (const table of ['runs', 'crews', 'crew_members']) await database.executeSql(`analyze ${table}`);
  }
  const counts = await database.executeSql(
    `select (select count(*)::int from runs) as runs, (select count(*)::int from run_participants) as parts,
       (select count(*)::int from crews where deleted_at is null) as crews,
       (select count(*)::int from crew_members where status = 'member') as members,
       (select count(*)::int from runs where crew_id is not null) as "crewRuns"`,
  );
  const c = counts.rows[0] as {
    runs: number;
    parts: number;
    crews: number;
    members: number;
    crewRuns: number;
  };
  return {
    database,
    url,
    runs: c.runs,
    participations: c.parts,
    crews: c.crews,
    crewMembers: c.members,
    crewRuns: c.crewRuns,
    reseeded,
  };
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** An upcoming, well-attended run: what a shared link usually points at. */
export async function sampleRunId(database: Database): Promise<string> {
  const { rows } = await database.executeSql(
    `select id from runs where cancelled_at is null and starts_at > now() + interval '1 day'
     and region = 'seoul' order by participant_count desc, id limit 1`,
  );
  const row = rows[0] as { id: string } | undefined;
  if (!row) throw new Error('the benchmark database has no upcoming run');
  return row.id;
}

/** The crew with the most members among those with runs: the busiest crew page. */
export async function sampleCrewId(database: Database): Promise<string> {
  const { rows } = await database.executeSql(
    `select c.id from crews c where c.deleted_at is null
     and exists (select 1 from runs r where r.crew_id = c.id)
     order by c.member_count desc, c.id limit 1`,
  );
  const row = rows[0] as { id: string } | undefined;
  if (!row) throw new Error('the benchmark database has no crew with runs');
  return row.id;
}
