import { randomBytes } from 'node:crypto';
import { type CreateRunParsed, REGIONS, type Region, type RunningLevel } from '@erun/contracts';
import type { Logger } from 'pino';
import type { Services } from '../app.ts';
import { ConflictError } from '../lib/errors.ts';
import { demoCourses } from './demo-courses.ts';
import { demoCrews } from './demo-crews.ts';
import { demoSeries } from './demo-series.ts';
import { pickAnchor, type RunDraft, runDraft } from './generator.ts';
import { Random } from './random.ts';

/** Demo accounts for trying the app locally (embedded mode only; README lists them). */
export const DEMO_USERS = [
  { email: 'demo@erun.run', nickname: '한강러너', runningLevel: '10to15', regions: ['seoul'] },
  { email: 'crew@erun.run', nickname: '부산갈매기', runningLevel: 'lt5', regions: ['busan'] },
] as const;

/** Hosts of the demo runs (they sign in with the same password). */
const DEMO_HOSTS: { nickname: string; runningLevel: RunningLevel; regions: Region[] }[] = [
  { nickname: '새벽페이서', runningLevel: 'gte15', regions: ['seoul', 'gyeonggi'] },
  { nickname: '노을러닝크루', runningLevel: '10to15', regions: ['seoul', 'incheon'] },
  { nickname: '바다거북이', runningLevel: '5to10', regions: ['busan', 'ulsan', 'gyeongnam'] },
  { nickname: '호수한바퀴', runningLevel: 'lt5', regions: ['daegu', 'gyeongbuk', 'daejeon', 'sejong'] },
  { nickname: '강변치타', runningLevel: 'gte15', regions: ['gwangju', 'jeonbuk', 'jeonnam', 'jeju'] },
  { nickname: '산들바람', runningLevel: '5to10', regions: ['gangwon', 'chungbuk', 'chungnam'] },
];
const DEMO_RUNS = 60;

/**
 * A new embedded install is not an empty site: the two demo accounts, a few hosts, and ~60 upcoming runs in
 * every region with some runners in them, and a dozen recommended courses (with a generated photo each, and a
 * few ratings), made through the services like any user's. Runs only
 * on the first start: when the demo hosts exist already, nothing more is added.
 */
export async function seedDemoData(services: Services, log: Logger, chosenPassword?: string): Promise<void> {
  // No published password: anyone who can reach the server could sign in with it. One is made here, kept only
  // as the accounts' hashes, and shown once, in this start's log.
  const password = chosenPassword ?? randomBytes(12).toString('base64url');
  const accounts = await Promise.all(DEMO_USERS.map((demo) => account(services, { ...demo, password })));
  const hosts = await Promise.all(
    DEMO_HOSTS.map((h, i) => account(services, { ...h, email: `host${i + 1}@demo.erun.run`, password })),
  );
  if (accounts.some((a) => a.created)) {
    const emails = DEMO_USERS.map((u) => u.email);
    if (chosenPassword) log.info({ accounts: emails }, 'demo accounts created with DEMO_PASSWORD');
    else
      log.warn(
        { accounts: emails, password },
        'demo accounts created; their password is shown here once and kept nowhere (set DEMO_PASSWORD to choose it)',
      );
  }
  const hostIds = hosts.flatMap((h) => (h.id ? [h.id] : []));
  if (hostIds.length < hosts.length) return;
  const runnerIds = [...hosts, ...accounts].flatMap((a) => (a.id ? [a.id] : []));
  const started = performance.now();
  const runs = await demoRuns(services, hostIds, runnerIds);
  log.info({ runs, ms: Math.round(performance.now() - started) }, 'demo runs created');
  const courses = await demoCourses(services, new Random(2027), hostIds, runnerIds);
  log.info({ courses }, 'demo courses created');
  const crews = await demoCrews(services, hostIds, accounts);
  log.info({ crews: crews.length }, 'demo crews created');
  log.info({ series: await demoSeries(services, crews, hostIds) }, 'demo 정기런 created');
}

interface Account {
  email: string;
  password: string;
  nickname: string;
  runningLevel: RunningLevel;
  regions: readonly Region[];
}

/** The new account's id and whether it was made now; an existing one is left as it is (id null). */
async function account(services: Services, demo: Account): Promise<{ id: string | null; created: boolean }> {
  try {
    // The demo's addresses are ours: verified, and no link is mailed to them; the documents in force are
    // accepted (and no marketing). Seeded from no device: the session has no address, browser or device cookie.
    const consents = { terms: true, privacy: true, age14: true } as const;
    const { user } = await services.auth.signup(
      { ...demo, consents },
      { ip: null, userAgent: '', deviceId: null },
      { emailVerified: true },
    );
    await services.users.updateMe(user.id, {
      runningLevel: demo.runningLevel,
      preferredRegions: [...demo.regions],
      bio: '이RUN 저RUN 데모 계정입니다.',
    });
    return { id: user.id, created: true };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return { id: null, created: false };
  }
}

async function demoRuns(services: Services, hostIds: string[], runnerIds: string[]): Promise<number> {
  const rng = new Random(2026);
  const now = new Date();
  for (let i = 0; i < DEMO_RUNS; i++) {
    // Every region first, then more where most runners are.
    const region =
      i < REGIONS.length ? REGIONS[i] : rng.pick(['seoul', 'seoul', 'gyeonggi', 'busan'] as const);
    const draft = runDraft(rng, { now, days: [0, 21], anchor: pickAnchor(rng, region) });
    const hostId =
      hostIds[DEMO_HOSTS.findIndex((h) => h.regions.includes(draft.region))] ?? rng.pick(hostIds);
    const run = await services.runs.create(hostId, createBody(draft));
    const open = draft.joinDeadline.getTime() > now.getTime() + 60_000;
    const joiners = open
      ? rng.sample(
          runnerIds.filter((id) => id !== hostId),
          rng.int(0, Math.min(draft.capacity + 1, 3)),
        )
      : [];
    for (const userId of joiners) await services.participation.join(run.id, userId);
  }
  return DEMO_RUNS;
}

function createBody(d: RunDraft): CreateRunParsed {
  return {
    title: d.title,
    description: d.description,
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt.toISOString(),
    meetAt: d.meetAt?.toISOString() ?? null,
    joinDeadline: d.joinDeadline.toISOString(),
    meetingPlace: d.meetingPlace,
    route: d.route,
    segmentStarts: [],
    capacity: d.capacity,
    theme: d.theme,
    region: d.region,
    paceSecPerKm: d.paceSecPerKm,
    parking: d.parking,
    baggage: d.baggage,
    photoIds: [],
    crewId: null,
    visibility: 'public',
    guestSeats: null,
    coHostIds: [],
    minAttendanceRate: null,
    womenOnly: false,
    paceGroups: null,
  };
}
