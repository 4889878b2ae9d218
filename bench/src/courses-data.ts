import { BEST_SCORE, routeDistanceKm } from '@erun/contracts';
import type { Database } from '../../apps/server/src/db/client.ts';
import { type Exec, inTransaction, insertRows } from '../../apps/server/src/seed/bulk.ts';
import { pickAnchor, walk } from '../../apps/server/src/seed/generator.ts';
import { Random } from '../../apps/server/src/seed/random.ts';
import { SEED_EMAIL_DOMAIN } from '../../apps/server/src/seed/seed.ts';

export interface CourseVolumes {
  courses: number;
  ratings: number;
  comments: number;
}

export interface CourseCounts extends CourseVolumes {
  replies: number;
  runComments: number;
}

const DAY = 86_400_000;
const BATCH = 1000;

/**
 * Issue 4's benchmark data on the bench database: `courses` courses by the seed users (routes along the same
 * real spots as the runs, one to three photos each), `ratings` ratings skewed towards popular courses, and
 * `comments` comments and replies under runs and courses — the hottest run gets thousands. Counters (rating
 * sum and count, comment and reply counts) and the best score are computed from the rows, so the data is as
 * consistent as the app keeps it. Courses come from the seed generator in batches; ratings and comments are
 * set-based `insert … select` over `generate_series`. Rebuilt when the volumes differ or the runs were reseeded.
 */
export async function ensureCourseData(
  database: Database,
  wanted: CourseVolumes,
  force: boolean,
  log: (message: string) => void,
): Promise<CourseCounts> {
  const current = await countCourseData(database);
  const same =
    current.courses === wanted.courses &&
    current.comments === wanted.comments &&
    current.ratings >= wanted.ratings * 0.99 &&
    current.ratings <= wanted.ratings;
  if (same && !force) {
    for (const table of ['courses', 'course_ratings', 'comments'])
      await database.executeSql(`analyze ${table}`);
    return current;
  }
  log(
    `seeding courses: ${wanted.courses} courses, ${wanted.ratings} ratings, ${wanted.comments} comments (once)`,
  );
  const started = performance.now();
  await inTransaction(database, async (exec) => {
    await clear(exec);
    const users = await seedUserIds(exec);
    await insertCourses(exec, users, wanted.courses);
    log(`  courses and photos: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await insertRatings(exec, wanted.ratings);
    log(`  ratings: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await insertComments(exec, wanted.comments);
    log(`  comments: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await recount(exec);
  });
  // Outside the transaction: the counter updates left dead rows behind, and the planner needs fresh figures.
  for (const table of ['courses', 'course_photos', 'course_ratings', 'comments', 'runs', 'uploads']) {
    await database.executeSql(`vacuum analyze ${table}`);
  }
  log(`  seeded courses in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return countCourseData(database);
}

export async function countCourseData(database: Database): Promise<CourseCounts> {
  const { rows } = await database.executeSql(
    `select (select count(*)::int from courses) as courses,
            (select count(*)::int from course_ratings) as ratings,
            (select count(*)::int from comments) as comments,
            (select count(*)::int from comments where parent_id is not null) as replies,
            (select count(*)::int from comments where run_id is not null) as "runComments"`,
  );
  return rows[0] as CourseCounts;
}

/** The course the BEST strip puts first: what most course pages opened from the feed show. */
export async function sampleCourseId(database: Database): Promise<string> {
  const { rows } = await database.executeSql(
    'select id from courses order by best_score desc, id desc limit 1',
  );
  const row = rows[0] as { id: string } | undefined;
  if (!row) throw new Error('the benchmark database has no course');
  return row.id;
}

/** The run with the most comments: a busy Q&A, whose first page is full. */
export async function sampleCommentedRunId(database: Database): Promise<string> {
  const { rows } = await database.executeSql(
    'select id from runs where cancelled_at is null order by comment_count desc, id limit 1',
  );
  const row = rows[0] as { id: string } | undefined;
  if (!row) throw new Error('the benchmark database has no run');
  return row.id;
}

async function clear(exec: Exec): Promise<void> {
  await exec('delete from uploads where id in (select upload_id from course_photos)');
  // Cascades to photos, ratings, bookmarks, views and course comments.
  await exec('truncate courses, comments cascade');
  await exec('update runs set comment_count = 0 where comment_count <> 0');
}

async function seedUserIds(exec: Exec): Promise<string[]> {
  const { rows } = await exec('select id from users where email like $1 order by email', [
    `%@${SEED_EMAIL_DOMAIN}`,
  ]);
  const ids = (rows as { id: string }[]).map((r) => r.id);
  if (ids.length < 10) throw new Error('seed the runs first: the courses need seed users');
  return ids;
}

const COURSE_TITLES = [
  '{place} {km}km 코스',
  '{place} 한 바퀴 {km}km',
  '초보 추천! {place} 평지 코스',
  '{place} 야경 러닝 코스',
  '{place} 아침 조깅 코스 {km}km',
  '그늘 많은 {place} 코스',
  '{place} LSD 추천 코스',
  '{place} 인터벌 하기 좋은 코스',
];

const COURSE_DESCRIPTIONS = [
  '노면이 고르고 신호가 거의 없어서 페이스 유지하기 좋아요.',
  '해 질 녘에 달리면 풍경이 정말 예뻐요. 주말 오전엔 산책하는 분들이 많으니 조심하세요.',
  '중간에 편의점과 음수대가 있어서 장거리 연습에 좋아요.',
  '완만한 오르막이 두 번 있어요. 업힐 연습하기 좋습니다.',
  '',
];

const NOTES = {
  parking: ['공영주차장 (30분 1,000원)', '공원 제2주차장', '주차 공간이 좁아요. 대중교통 추천!'],
  toilets: ['출발점 옆 공중화장실', '1.5km 지점과 반환점', '공원 안내센터 건물'],
  water: ['음수대 2곳', '편의점 1곳 (반환점 근처)', '급수대 없음, 물 챙겨 오세요'],
};

const COURSE_COLUMNS: [string, string, string?][] = [
  ['id', 'uuid'],
  ['author_id', 'uuid'],
  ['title', 'text'],
  ['description', 'text'],
  ['route', 'text', 'jsonb'],
  ['distance_km', 'float8'],
  ['region', 'text'],
  ['theme', 'text'],
  ['start_name', 'text'],
  ['start_lat', 'float8'],
  ['start_lng', 'float8'],
  ['pace_sec_per_km', 'int'],
  ['parking', 'text'],
  ['toilets', 'text'],
  ['water', 'text'],
  ['views', 'int'],
  ['best_score', 'float8'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

async function insertCourses(exec: Exec, users: string[], count: number): Promise<void> {
  const rng = new Random(4004);
  const now = Date.now();
  for (let start = 0; start < count; start += BATCH) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const anchor = pickAnchor(rng);
      const route = walk(rng, anchor.path, rng.between(2, 15));
      const km = routeDistanceKm(route);
      const [lat, lng] = route[0] ?? [37.5665, 126.978];
      const title = rng
        .pick(COURSE_TITLES)
        .replace('{place}', anchor.name)
        .replace('{km}', String(Math.max(1, Math.round(km))));
      const createdAt = new Date(now - rng.between(1, 400) * DAY).toISOString();
      const start = rng.chance(0.7);
      rows.push([
        rng.uuid(),
        users[Math.floor(rng.next() ** 2 * users.length)],
        title.slice(0, 40),
        rng.pick(COURSE_DESCRIPTIONS),
        JSON.stringify(route),
        km,
        anchor.region,
        rng.pick(anchor.themes),
        start ? rng.pick(anchor.meets) : null,
        start ? lat : null,
        start ? lng : null,
        rng.chance(0.6) ? rng.int(60, 84) * 5 : null,
        rng.chance(0.5) ? rng.pick(NOTES.parking) : null,
        rng.chance(0.6) ? rng.pick(NOTES.toilets) : null,
        rng.chance(0.6) ? rng.pick(NOTES.water) : null,
        // A few courses are seen by thousands, most by a handful.
        Math.floor(rng.next() ** 4 * 5000),
        0,
        createdAt,
        createdAt,
      ]);
    }
    await insertRows(exec, 'courses', COURSE_COLUMNS, rows);
  }
  // One to three photos a course, as uploads of the author.
  await exec(`create temp table bench_photos on commit drop as
    select c.id as course_id, c.author_id, c.created_at, p.position, gen_random_uuid() as upload_id
    from courses c cross join lateral generate_series(0, abs(hashtext(c.id::text)) % 3) as p(position)`);
  await exec(`insert into uploads (id, owner_id, purpose, width, height, bytes, created_at)
    select upload_id, author_id, 'photo', 1600, 1200, 240000 + position * 1000, created_at from bench_photos`);
  await exec(`insert into course_photos (course_id, upload_id, position)
    select course_id, upload_id, position from bench_photos`);
}

/**
 * Ratings skewed towards the first courses (the top one gets over a thousand); each course's raters are
 * distinct users, stepping through them by a stride coprime with their number, and never its author.
 */
async function insertRatings(exec: Exec, count: number): Promise<void> {
  await exec('select setseed(0.4004)');
  await exec(`create temp table bench_courses on commit drop as
    select (row_number() over (order by created_at, id) - 1)::int as n, id, author_id,
      random() as quality from courses`);
  await exec(
    `create temp table bench_users on commit drop as
    select (row_number() over (order by email) - 1)::int as n, id from users where email like $1`,
    [`%@${SEED_EMAIL_DOMAIN}`],
  );
  await exec(
    `insert into course_ratings (course_id, user_id, stars, updated_at)
     with picks as (
       select floor((select count(*) from bench_courses) * power(random(), 2))::int as n
       from generate_series(1, $1)
     ), numbered as (
       select n, row_number() over (partition by n) as k from picks
     ), pairs as (
       select c.id as course_id, c.author_id, c.quality,
         ((c.n * 37 + k * 101) % (select count(*) from bench_users))::int as u
       from numbered join bench_courses c using (n)
     )
     select p.course_id,
       -- Never the author: the next user instead.
       case when u.id = p.author_id then v.id else u.id end,
       least(5, greatest(1, round(1.2 + 3.8 * p.quality + (random() - 0.5) * 2.2)))::int,
       now() - random() * interval '300 days'
     from pairs p
     join bench_users u on u.n = p.u
     join bench_users v on v.n = (p.u + 1) % (select count(*) from bench_users)
     on conflict do nothing`,
    [count],
  );
  await exec(`update courses c set rating_sum = r.s, rating_count = r.n
    from (select course_id, sum(stars)::int as s, count(*)::int as n from course_ratings group by course_id) r
    where r.course_id = c.id`);
  const { prior, priorWeight, bookmarkWeight, viewWeight } = BEST_SCORE;
  // The same formula as the app's (bestScore in the contracts, CoursesRepository's SQL).
  await exec(
    `update courses set best_score =
       ($1::float8 * $2::float8 + rating_sum) / ($2::float8 + rating_count)
       + $3::float8 * log((1 + bookmark_count)::float8) + $4::float8 * log((1 + views)::float8)`,
    [prior, priorWeight, bookmarkWeight, viewWeight],
  );
}

const COMMENT_TEXTS = [
  '짐 보관 가능한가요?',
  '초보인데 따라갈 수 있을까요? 페이스가 궁금해요.',
  '주차는 어디에 하면 되나요?',
  '비 오면 취소인가요?',
  '지난번에 너무 즐거웠어요! 이번에도 갈게요 🏃',
  '모이는 곳에서 어떻게 알아볼 수 있을까요?',
  '야경이 정말 멋진 코스예요. 추천합니다!',
  '노면이 고르고 신호가 없어서 좋았어요.',
  '중간에 화장실이 있어서 장거리 연습하기 좋아요.',
  '주말 오전에는 사람이 많아서 조금 붐벼요.',
  '업힐 구간이 생각보다 길어요. 참고하세요!',
  '처음 뛰어봤는데 그늘이 많아서 여름에도 괜찮겠어요.',
];

/**
 * Comments under runs (60%) and courses (40%), a quarter of them replies. Runs are picked with a strong
 * skew over the busiest ones, so the top run's Q&A runs to thousands; replies follow their parent.
 */
async function insertComments(exec: Exec, count: number): Promise<void> {
  const runTop = Math.round(count * 0.45);
  const runReplies = Math.round(count * 0.15);
  const courseTop = Math.round(count * 0.3);
  const courseReplies = count - runTop - runReplies - courseTop;
  const texts = `(array[${COMMENT_TEXTS.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ')}])`;
  const text = `${texts}[1 + floor(random() * ${COMMENT_TEXTS.length})::int]`;
  await exec(`create temp table bench_runs on commit drop as
    select (row_number() over (order by participant_count desc, id) - 1)::int as n, id, created_at
    from runs where cancelled_at is null`);
  await exec('create unique index on bench_runs (n)');
  await exec('create unique index on bench_courses (n)');
  await exec('create unique index on bench_users (n)');
  await exec('analyze bench_runs; analyze bench_courses; analyze bench_users');
  // The picks draw their random numbers in a subquery: an uncorrelated subquery per row would run only once.
  await exec(
    `insert into comments (run_id, author_id, content, created_at)
     select r.id, u.id, ${text}, r.created_at + random() * (now() - r.created_at)
     from (select floor((select count(*) from bench_runs) * power(random(), 3))::int as n,
             floor(random() * (select count(*) from bench_users))::int as un
           from generate_series(1, $1)) p
     join bench_runs r using (n) join bench_users u on u.n = p.un`,
    [runTop],
  );
  await exec(
    `insert into comments (course_id, author_id, content, created_at)
     select c.id, u.id, ${text}, cc.created_at + random() * (now() - cc.created_at)
     from (select floor((select count(*) from bench_courses) * power(random(), 2))::int as n,
             floor(random() * (select count(*) from bench_users))::int as un
           from generate_series(1, $1)) p
     join bench_courses c using (n) join courses cc on cc.id = c.id join bench_users u on u.n = p.un`,
    [courseTop],
  );
  for (const [column, replies] of [
    ['run_id', runReplies],
    ['course_id', courseReplies],
  ] as const) {
    await exec(
      `insert into comments (${column}, parent_id, author_id, content, created_at)
       select p.${column}, p.id, u.id, ${text}, least(now(), p.created_at + random() * interval '3 days')
       from (select id, ${column}, created_at,
               floor(random() * (select count(*) from bench_users))::int as un
             from comments where ${column} is not null and parent_id is null
             order by random() limit $1) p
       join bench_users u on u.n = p.un`,
      [replies],
    );
  }
}

async function recount(exec: Exec): Promise<void> {
  await exec(`update comments p set reply_count = r.n
    from (select parent_id, count(*)::int as n from comments where parent_id is not null group by parent_id) r
    where p.id = r.parent_id`);
  await exec(`update runs r set comment_count = c.n
    from (select run_id, count(*)::int as n from comments
          where run_id is not null and deleted_at is null group by run_id) c
    where r.id = c.run_id`);
  await exec(`update courses s set comment_count = c.n
    from (select course_id, count(*)::int as n from comments
          where course_id is not null and deleted_at is null group by course_id) c
    where s.id = c.course_id`);
}
