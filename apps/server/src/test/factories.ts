import { randomUUID } from 'node:crypto';
import type { AuthResponse, Course, Run } from '@erun/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { MemoryMailSender } from './memory-mail-sender.ts';

export interface TestUser extends AuthResponse {
  email: string;
  password: string;
  /** The refresh cookie as a `Cookie` header value. */
  cookie: string;
}

/** What every sign-up must agree to (issue 15): terms, privacy policy and age 14+; no marketing. */
export const SIGNUP_CONSENTS = { terms: true, privacy: true, age14: true } as const;

export function uniqueEmail(): string {
  return `runner-${randomUUID().slice(0, 8)}@example.com`;
}

export function refreshCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === 'erun_refresh');
  return cookie && cookie.value !== '' ? `erun_refresh=${cookie.value}` : undefined;
}

export async function newUser(
  app: FastifyInstance,
  overrides: Partial<{ email: string; nickname: string }> = {},
) {
  const email = overrides.email ?? uniqueEmail();
  const password = 'run4fun!2026';
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    payload: { email, password, nickname: overrides.nickname ?? '테스트러너', consents: SIGNUP_CONSENTS },
  });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  const cookie = refreshCookieOf(response);
  if (!cookie) throw new Error('signup set no refresh cookie');
  return { ...response.json<AuthResponse>(), email, password, cookie } satisfies TestUser;
}

/**
 * `n` new users, signed up ten at a time: a test's subject is what they do at once, not a burst of sign-ups (which
 * hash passwords and hold pooled connections, and on a loaded 2-core CI machine outwait the pool's 5 s).
 */
export async function newUsers(app: FastifyInstance, n: number): Promise<TestUser[]> {
  const users: TestUser[] = [];
  while (users.length < n) {
    const batch = Math.min(10, n - users.length);
    users.push(...(await Promise.all(Array.from({ length: batch }, () => newUser(app)))));
  }
  return users;
}

/** What a Kakao/Naver newcomer does before anything else: accepts the required documents (issue 15). */
export async function acceptConsents(app: FastifyInstance, user: { accessToken: string }): Promise<void> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/me/consents',
    headers: bearer(user),
    payload: { accept: ['terms', 'privacy', 'age14'] },
  });
  if (response.statusCode !== 200) throw new Error(`consent failed: ${response.statusCode} ${response.body}`);
}

/** A user whose address is verified (a reset mail goes only to one): it follows the link mailed at sign-up. */
export async function verifiedUser(
  t: { app: FastifyInstance; services: { mail: { idle(): Promise<void> } }; mailbox: MemoryMailSender },
  overrides: Partial<{ email: string; nickname: string }> = {},
) {
  const user = await newUser(t.app, overrides);
  await t.services.mail.idle();
  const token = t.mailbox.linkTo(user.email, '/verify-email').searchParams.get('token');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/email-verification/confirm',
    payload: { token },
  });
  if (response.statusCode !== 204)
    throw new Error(`verification failed: ${response.statusCode} ${response.body}`);
  return user;
}

export function bearer(user: { accessToken: string }) {
  return { authorization: `Bearer ${user.accessToken}` };
}

export const HAN_RIVER_ROUTE: [number, number][] = [
  [37.5283, 126.9326],
  [37.5262, 126.9382],
  [37.5235, 126.9441],
  [37.5208, 126.9503],
];

/** A valid run body starting `hoursAhead` from now (Asia/Seoul offset, like the web app sends). */
export function runBody(overrides: Record<string, unknown> = {}, hoursAhead = 48) {
  const start = new Date(Date.now() + hoursAhead * 3_600_000);
  start.setUTCSeconds(0, 0);
  const end = new Date(start.getTime() + 90 * 60_000);
  return {
    title: '여의도 한강 야간 러닝',
    description: '여의나루역 2번 출구에서 만나 한강을 따라 달려요.',
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    meetingPlace: { name: '여의나루역 2번 출구', lat: 37.5271, lng: 126.9326 },
    route: HAN_RIVER_ROUTE,
    capacity: 10,
    theme: 'riverside',
    region: 'seoul',
    paceSecPerKm: 330,
    ...overrides,
  };
}

export async function newRun(
  app: FastifyInstance,
  host: { accessToken: string },
  overrides: Record<string, unknown> = {},
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/runs',
    headers: bearer(host),
    payload: runBody(overrides),
  });
  if (response.statusCode !== 201)
    throw new Error(`create run failed: ${response.statusCode} ${response.body}`);
  return response.json<Run>();
}

/** Uploads a small photo for `who` and returns its id. */
export async function newPhoto(app: FastifyInstance, who: { accessToken: string }): Promise<string> {
  const { png, multipart } = await import('./images.ts');
  const body = multipart(await png(120, 80), 'photo.png', 'image/png');
  const response = await app.inject({
    method: 'POST',
    url: '/api/uploads?purpose=photo',
    payload: body.payload,
    headers: { ...body.headers, ...bearer(who) },
  });
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

export async function courseBody(
  app: FastifyInstance,
  author: { accessToken: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    title: '반포 달빛무지개 코스',
    description: '반포대교 분수를 보며 달리는 평탄한 코스예요.',
    route: HAN_RIVER_ROUTE,
    region: 'seoul',
    theme: 'riverside',
    startPoint: { name: '반포 한강공원 달빛광장', lat: 37.5112, lng: 126.9959 },
    paceSecPerKm: 360,
    toilets: '광장 옆 화장실',
    photoIds: [await newPhoto(app, author)],
    ...overrides,
  };
}

export async function newCourse(
  app: FastifyInstance,
  author: { accessToken: string },
  overrides: Record<string, unknown> = {},
) {
  const payload = await courseBody(app, author, overrides);
  const response = await app.inject({
    method: 'POST',
    url: '/api/courses',
    headers: bearer(author),
    payload,
  });
  if (response.statusCode !== 201)
    throw new Error(`create course failed: ${response.statusCode} ${response.body}`);
  return response.json<Course>();
}

/** A clock a test moves: `offsetMs` from the real time. */
export interface MovableClock {
  offsetMs: number;
  now(): Date;
}

export function movableClock(): MovableClock {
  const clock: MovableClock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
  return clock;
}

/** Moves `clock` to `time` and signs the users in there (access tokens live 15 minutes), in their order. */
export async function signInAt<const U extends TestUser[]>(
  app: FastifyInstance,
  clock: MovableClock,
  time: number,
  ...users: U
): Promise<{ [K in keyof U]: { accessToken: string } }> {
  clock.offsetMs = time - Date.now();
  const tokens = await Promise.all(
    users.map(async (u) => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: u.email, password: u.password },
      });
      return r.json<{ accessToken: string }>();
    }),
  );
  return tokens as { [K in keyof U]: { accessToken: string } };
}

/** `DELETE /api/me` with the user's own password, as the settings page sends it. */
export function deleteAccount(app: FastifyInstance, user: TestUser) {
  return app.inject({
    method: 'DELETE',
    url: '/api/me',
    headers: bearer(user),
    payload: { password: user.password },
  });
}
