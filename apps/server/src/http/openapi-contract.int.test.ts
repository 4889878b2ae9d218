import { defaultNotificationPreferences, type Run } from '@erun/contracts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  courseBody,
  newCourse,
  newUser,
  runBody,
  SIGNUP_CONSENTS,
  type TestUser,
  uniqueEmail,
  verifiedUser,
} from '../test/factories.ts';
import { FakeOAuthProvider } from '../test/fake-oauth-provider.ts';
import { FakePushService } from '../test/fake-push-service.ts';
import { multipart, png } from '../test/images.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { crewBody, crewRows, newCrew } from '../test/crew-fixtures.ts';

/**
 * The OpenAPI document is true: every operation it lists is called (its success case at least) on the real app,
 * and each response has a documented status, a documented media type and a body that Ajv (JSON Schema 2020-12,
 * OpenAPI 3.1's dialect) finds valid against the documented schema. A route added to the app without a call
 * here fails "covers every operation of the document".
 */

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

const PUBLIC_URL = 'http://localhost:3000';
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
const kakao = new FakeOAuthProvider('kakao', 'kakao-client', 'kakao-secret');
const push = new FakePushService();
const texts: { to: string; text: string }[] = [];
let t: TestApp;
let doc: Document;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

let host: TestUser;
let runner: TestUser;
let run: Run;
let courseId: string;
let commentId: string;

beforeAll(async () => {
  const [k] = await Promise.all([kakao.start(), push.start()]);
  t = await createTestApp({
    clock,
    sms: { send: async (to, text) => void texts.push({ to, text }) },
    env: {
      PUBLIC_URL,
      TEST_PUSH_LOOPBACK: 'on',
      KAKAO_CLIENT_ID: kakao.clientId,
      KAKAO_CLIENT_SECRET: kakao.clientSecret,
      KAKAO_AUTHORIZE_URL: `${k}/authorize`,
      KAKAO_TOKEN_URL: `${k}/token`,
      KAKAO_USERINFO_URL: `${k}/me`,
    },
  });
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Document>();
  ajv.addSchema(doc, 'openapi');
  host = await newUser(t.app, { nickname: '계약호스트' });
  runner = await newUser(t.app, { nickname: '계약러너' });
  run = await newRunOf(host);
  await call(runner, 'POST', `/api/runs/${run.id}/participants`);
  courseId = (await newCourse(t.app, host)).id;
  commentId = (await call(runner, 'POST', `/api/runs/${run.id}/comments`, { content: '같이 뛰어요!' })).json<{
    id: string;
  }>().id;
});
afterAll(async () => {
  await t.close();
  await Promise.all([kakao.stop(), push.stop()]);
});

type Who = { accessToken: string } | null;

function call(
  who: Who,
  method: string,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: { origin: PUBLIC_URL, ...(who ? bearer(who) : {}), ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function newRunOf(who: TestUser, hoursAhead = 48): Promise<Run> {
  const response = await call(who, 'POST', '/api/runs', runBody({}, hoursAhead));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Run>();
}

async function joined(hoursAhead = 48) {
  const owner = await newUser(t.app);
  const guest = await newUser(t.app);
  const made = await newRunOf(owner, hoursAhead);
  expect((await call(guest, 'POST', `/api/runs/${made.id}/participants`)).statusCode).toBe(201);
  return { owner, guest, run: made };
}

async function upload(who: TestUser) {
  const body = multipart(await png(120, 80), 'photo.png', 'image/png');
  return call(who, 'POST', '/api/uploads?purpose=photo', body.payload, body.headers);
}

/** The sign-in flow through the fake provider: start → provider → callback (302 to the web app). */
async function oauthSignIn() {
  const start = await call(null, 'GET', '/api/auth/kakao/start');
  const state = start.cookies.find((c) => c.name === 'erun_oauth');
  const atProvider = await fetch(String(start.headers.location), { redirect: 'manual' });
  const callback = new URL(atProvider.headers.get('location') ?? '');
  return call(null, 'GET', callback.pathname + callback.search, undefined, {
    cookie: `erun_oauth=${state?.value}`,
  });
}

/** Links the fake provider to `who` (POST connections → provider → callback). */
async function link(who: TestUser) {
  kakao.nextUser = { id: `linked-${who.user.id}` };
  const start = await call(who, 'POST', '/api/me/connections/kakao');
  const state = start.cookies.find((c) => c.name === 'erun_oauth');
  const atProvider = await fetch(start.json<{ url: string }>().url, { redirect: 'manual' });
  const callback = new URL(atProvider.headers.get('location') ?? '');
  await call(null, 'GET', callback.pathname + callback.search, undefined, {
    cookie: `erun_oauth=${state?.value}`,
  });
}

async function verifiedPhone(who: TestUser) {
  const phone = `010${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const sent = await call(who, 'POST', '/api/me/phone/verification', { phone });
  const code = /\d{6}/.exec(texts.findLast((m) => m.to === phone)?.text ?? '')?.[0] ?? '';
  return { phone, code, sent };
}

/** Runs `body` with the clock just after the run ended (attendance open, reviews allowed), signed in there. */
async function afterTheRun<T>(
  made: Run,
  users: TestUser[],
  body: (tokens: { accessToken: string }[]) => Promise<T>,
) {
  clock.offsetMs = new Date(made.endsAt).getTime() + 10 * 60_000 - Date.now();
  try {
    const tokens = await Promise.all(
      users.map(async (u) =>
        (await call(null, 'POST', '/api/auth/login', { email: u.email, password: u.password })).json<{
          accessToken: string;
        }>(),
      ),
    );
    return await body(tokens);
  } finally {
    clock.offsetMs = 0;
  }
}

/** A crew row and its owner (the crew form is another slice's), joined by `members` through the API. */
async function crewOf(
  owner: TestUser,
  joinPolicy: 'open' | 'approval' | 'invite' = 'open',
  members: TestUser[] = [],
): Promise<string> {
  return (await crewRows(t, owner, { joinPolicy, members })).id;
}

/** A crew of `owner` with `member` in it (written straight to its tables: the crews routes are another slice's). */
async function crewWith(owner: TestUser, member: TestUser) {
  return crewRows(t, owner, { members: [member] });
}

async function announcementOf(owner: TestUser, member: TestUser): Promise<string> {
  const crew = await crewWith(owner, member);
  const made = await call(owner, 'POST', `/api/crews/${crew.id}/announcements`, {
    title: '공지',
    content: '내용',
  });
  return made.json<{ id: string }>().id;
}

type Call = () => Promise<LightMyRequestResponse | LightMyRequestResponse[]>;

/** One call (or a few: as a guest and as a user) for every operation, keyed `METHOD /path/{param}`. */
const CALLS: Record<string, Call> = {
  'GET /api/health': () => call(null, 'GET', '/api/health'),
  'GET /api/ready': () => call(null, 'GET', '/api/ready'),
  'POST /api/auth/signup': () =>
    call(null, 'POST', '/api/auth/signup', {
      email: uniqueEmail(),
      password: 'run4fun!2026',
      nickname: '새러너',
      consents: SIGNUP_CONSENTS,
    }),
  'POST /api/auth/login': () =>
    call(null, 'POST', '/api/auth/login', { email: host.email, password: host.password }),
  'POST /api/auth/refresh': async () => {
    const user = await newUser(t.app);
    return call(null, 'POST', '/api/auth/refresh', {}, { cookie: user.cookie });
  },
  'POST /api/auth/logout': async () => {
    const user = await newUser(t.app);
    return call(null, 'POST', '/api/auth/logout', {}, { cookie: user.cookie });
  },
  'POST /api/auth/logout-all': async () => call(await newUser(t.app), 'POST', '/api/auth/logout-all'),
  'GET /api/auth/providers': () => call(null, 'GET', '/api/auth/providers'),
  'GET /api/auth/{provider}/start': () => call(null, 'GET', '/api/auth/kakao/start'),
  'GET /api/auth/{provider}/callback': oauthSignIn,
  'GET /api/users/{userId}': async () => [
    await call(null, 'GET', `/api/users/${host.user.id}`),
    await call(runner, 'GET', `/api/users/${host.user.id}`),
  ],
  'GET /api/me': () => call(runner, 'GET', '/api/me'),
  'PATCH /api/me': async () =>
    call(await newUser(t.app), 'PATCH', '/api/me', { bio: '주말마다 달려요', preferredDistance: null }),
  'DELETE /api/me': async () => {
    const user = await newUser(t.app);
    return call(user, 'DELETE', '/api/me', { password: user.password });
  },
  'GET /api/me/connections': () => call(runner, 'GET', '/api/me/connections'),
  'POST /api/me/connections/{provider}': () => call(runner, 'POST', '/api/me/connections/kakao'),
  'DELETE /api/me/connections/{provider}': async () => {
    const user = await newUser(t.app);
    await link(user);
    return call(user, 'DELETE', '/api/me/connections/kakao');
  },
  'GET /api/me/runs': async () => [
    await call(runner, 'GET', '/api/me/runs'),
    await call(host, 'GET', '/api/me/runs?role=host'),
  ],
  'GET /api/me/stats': () => call(runner, 'GET', '/api/me/stats'),
  'GET /api/me/badges': () => call(runner, 'GET', '/api/me/badges'),
  'GET /api/me/export': () => call(runner, 'GET', '/api/me/export'),
  'POST /api/uploads': () => upload(runner),
  'POST /api/runs': () => call(host, 'POST', '/api/runs', runBody()),
  'GET /api/runs': async () => [
    await call(null, 'GET', '/api/runs?limit=5'),
    await call(runner, 'GET', '/api/runs?limit=5'),
  ],
  'GET /api/runs/{runId}/weather': async () => [
    await call(null, 'GET', `/api/runs/${run.id}/weather`),
    await call(host, 'GET', `/api/runs/${run.id}/weather`),
  ],
  'GET /api/runs/{runId}': async () => [
    await call(null, 'GET', `/api/runs/${run.id}`),
    await call(runner, 'GET', `/api/runs/${run.id}`),
    await call(host, 'GET', `/api/runs/${run.id}`),
    // With the caller's seat offer (issue 17).
    await offered().then(({ runId, waiting }) => call(waiting, 'GET', `/api/runs/${runId}`)),
  ],
  'PATCH /api/runs/{runId}': async () => {
    const made = await newRunOf(host);
    return call(host, 'PATCH', `/api/runs/${made.id}`, { title: '제목을 바꾼 러닝' });
  },
  'DELETE /api/runs/{runId}': async () => [
    await call(host, 'DELETE', `/api/runs/${(await newRunOf(host)).id}`),
    await call(host, 'DELETE', `/api/runs/${(await newRunOf(host)).id}`, { reason: '비 예보' }),
  ],
  'POST /api/runs/{runId}/participants': async () =>
    call(runner, 'POST', `/api/runs/${(await newRunOf(host)).id}/participants`),
  'DELETE /api/runs/{runId}/participants/me': async () => {
    const { guest, run: made } = await joined();
    return call(guest, 'DELETE', `/api/runs/${made.id}/participants/me`);
  },
  'DELETE /api/runs/{runId}/participants/{userId}': async () => {
    const { owner, guest, run: made } = await joined();
    return call(owner, 'DELETE', `/api/runs/${made.id}/participants/${guest.user.id}`, {
      reason: '연락이 없어요',
    });
  },
  'PUT /api/runs/{runId}/participants/{userId}/pace-group': async () => {
    const groups = {
      capacity: 8,
      paceGroups: [
        { paceSecPerKm: 300, capacity: 4 },
        { paceSecPerKm: 360, capacity: 4 },
      ],
    };
    const made = (await call(host, 'POST', '/api/runs', runBody(groups))).json<Run>();
    const [fast, slow] = made.paceGroups;
    await call(runner, 'POST', `/api/runs/${made.id}/participants`, { paceGroupId: fast?.id });
    return call(host, 'PUT', `/api/runs/${made.id}/participants/${runner.user.id}/pace-group`, {
      paceGroupId: slow?.id,
    });
  },
  'PUT /api/runs/{runId}/bookmark': () => call(runner, 'PUT', `/api/runs/${run.id}/bookmark`),
  'DELETE /api/runs/{runId}/bookmark': () => call(runner, 'DELETE', `/api/runs/${run.id}/bookmark`),
  'GET /api/runs/{runId}/gpx': () => call(null, 'GET', `/api/runs/${run.id}/gpx`),
  'POST /api/courses': async () => call(host, 'POST', '/api/courses', await courseBody(t.app, host)),
  'GET /api/courses': async () => [
    await call(null, 'GET', '/api/courses?limit=5'),
    await call(runner, 'GET', '/api/courses?limit=5'),
  ],
  'GET /api/courses/{courseId}': async () => [
    await call(null, 'GET', `/api/courses/${courseId}`),
    await call(runner, 'GET', `/api/courses/${courseId}`),
  ],
  'PATCH /api/courses/{courseId}': () =>
    call(host, 'PATCH', `/api/courses/${courseId}`, { title: '새 이름의 코스' }),
  'DELETE /api/courses/{courseId}': async () =>
    call(host, 'DELETE', `/api/courses/${(await newCourse(t.app, host)).id}`),
  'PUT /api/courses/{courseId}/rating': () =>
    call(runner, 'PUT', `/api/courses/${courseId}/rating`, { stars: 5 }),
  'PUT /api/courses/{courseId}/bookmark': () => call(runner, 'PUT', `/api/courses/${courseId}/bookmark`),
  'DELETE /api/courses/{courseId}/bookmark': () =>
    call(runner, 'DELETE', `/api/courses/${courseId}/bookmark`),
  'GET /api/courses/{courseId}/gpx': () => call(null, 'GET', `/api/courses/${courseId}/gpx`),
  'GET /api/runs/{id}/comments': () => call(null, 'GET', `/api/runs/${run.id}/comments`),
  'POST /api/runs/{id}/comments': () =>
    call(host, 'POST', `/api/runs/${run.id}/comments`, { content: '환영해요' }),
  'GET /api/courses/{id}/comments': async () => {
    await call(runner, 'POST', `/api/courses/${courseId}/comments`, { content: '좋은 코스네요' });
    return call(null, 'GET', `/api/courses/${courseId}/comments`);
  },
  'POST /api/courses/{id}/comments': () =>
    call(runner, 'POST', `/api/courses/${courseId}/comments`, { content: '다음에 달려볼게요' }),
  'PATCH /api/comments/{commentId}': () =>
    call(runner, 'PATCH', `/api/comments/${commentId}`, { content: '수정했어요' }),
  'DELETE /api/comments/{commentId}': async () => {
    const made = await call(runner, 'POST', `/api/runs/${run.id}/comments`, { content: '지울 댓글' });
    return call(runner, 'DELETE', `/api/comments/${made.json<{ id: string }>().id}`);
  },
  'GET /api/comments/{commentId}/replies': async () => {
    await call(host, 'POST', `/api/comments/${commentId}/replies`, { content: '네 좋아요' });
    return call(null, 'GET', `/api/comments/${commentId}/replies`);
  },
  'POST /api/comments/{commentId}/replies': () =>
    call(host, 'POST', `/api/comments/${commentId}/replies`, { content: '답글이에요' }),
  'GET /api/notifications': async () => [
    await call(host, 'GET', '/api/notifications'),
    await call(runner, 'GET', '/api/notifications'),
  ],
  'POST /api/notifications/read': () => call(host, 'POST', '/api/notifications/read', { all: true }),
  'GET /api/runs/{runId}/attendance': () => call(host, 'GET', `/api/runs/${run.id}/attendance`),
  'PUT /api/runs/{runId}/attendance': async () => {
    const { owner, guest, run: made } = await joined(2);
    return afterTheRun(made, [owner], ([token]) =>
      call(token as { accessToken: string }, 'PUT', `/api/runs/${made.id}/attendance`, {
        present: [guest.user.id],
        absent: [],
      }),
    );
  },
  'POST /api/runs/{runId}/host-review': async () => {
    const { owner, guest, run: made } = await joined(2);
    return afterTheRun(made, [owner, guest], async ([ownerToken, guestToken]) => {
      const marked = await call(
        ownerToken as { accessToken: string },
        'PUT',
        `/api/runs/${made.id}/attendance`,
        {
          present: [guest.user.id],
          absent: [],
        },
      );
      expect(marked.statusCode, marked.body).toBe(200);
      return call(guestToken as { accessToken: string }, 'POST', `/api/runs/${made.id}/host-review`, {
        positive: true,
        categories: ['led_well'],
      });
    });
  },
  'GET /api/me/score-history': () => call(host, 'GET', '/api/me/score-history'),
  'GET /api/me/crews': () => call(host, 'GET', '/api/me/crews'),
  'POST /api/crews': () => call(host, 'POST', '/api/crews', crewBody()),
  'GET /api/crews': async () => {
    await newCrew(t.app, host);
    return [await call(null, 'GET', '/api/crews'), await call(runner, 'GET', '/api/crews?region=seoul')];
  },
  'GET /api/crews/{crewId}': async () => call(runner, 'GET', `/api/crews/${(await newCrew(t.app, host)).id}`),
  'PATCH /api/crews/{crewId}': async () =>
    call(host, 'PATCH', `/api/crews/${(await newCrew(t.app, host)).id}`, { level: '서브4 목표' }),
  'DELETE /api/crews/{crewId}': async () =>
    call(host, 'DELETE', `/api/crews/${(await newCrew(t.app, host)).id}`),
  'GET /api/runs/{runId}/ics': () => call(null, 'GET', `/api/runs/${run.id}/ics`),
  'GET /api/calendar/{file}': async () => {
    const { url } = (await call(runner, 'GET', '/api/me/calendar')).json<{ url: string }>();
    return call(null, 'GET', new URL(url).pathname);
  },
  'POST /api/crews/{crewId}/announcements': async () =>
    call(host, 'POST', `/api/crews/${(await crewWith(host, runner)).id}/announcements`, {
      title: '이번 주 공지',
      content: '목요일은 잠실에서 만나요.',
      pinned: true,
    }),
  'GET /api/crews/{crewId}/announcements': async () => {
    const crew = await crewWith(host, runner);
    await call(host, 'POST', `/api/crews/${crew.id}/announcements`, { title: '공지', content: '내용' });
    return call(runner, 'GET', `/api/crews/${crew.id}/announcements`);
  },
  'GET /api/announcements/{announcementId}': async () =>
    call(runner, 'GET', `/api/announcements/${await announcementOf(host, runner)}`),
  'PATCH /api/announcements/{announcementId}': async () =>
    call(host, 'PATCH', `/api/announcements/${await announcementOf(host, runner)}`, { pinned: true }),
  'DELETE /api/announcements/{announcementId}': async () =>
    call(host, 'DELETE', `/api/announcements/${await announcementOf(host, runner)}`),
  'GET /api/announcements/{id}/comments': async () => {
    const id = await announcementOf(host, runner);
    await call(runner, 'POST', `/api/announcements/${id}/comments`, { content: '확인했어요' });
    return call(host, 'GET', `/api/announcements/${id}/comments`);
  },
  'POST /api/announcements/{id}/comments': async () =>
    call(runner, 'POST', `/api/announcements/${await announcementOf(host, runner)}/comments`, {
      content: '참석할게요',
    }),
  'GET /api/crews/{crewId}/calendar': async () =>
    call(runner, 'GET', `/api/crews/${(await crewWith(host, runner)).id}/calendar`),
  'POST /api/crews/{crewId}/calendar/rotate': async () =>
    call(host, 'POST', `/api/crews/${(await crewWith(host, runner)).id}/calendar/rotate`),
  'GET /api/calendar/crews/{file}': async () => {
    const crew = await crewWith(host, runner);
    const { url } = (await call(runner, 'GET', `/api/crews/${crew.id}/calendar`)).json<{ url: string }>();
    return call(null, 'GET', new URL(url).pathname);
  },
  'GET /api/me/calendar': () => call(runner, 'GET', '/api/me/calendar'),
  'POST /api/me/calendar/rotate': async () => call(await newUser(t.app), 'POST', '/api/me/calendar/rotate'),
  'GET /api/runs/{runId}/messages': async () => {
    await call(host, 'POST', `/api/runs/${run.id}/messages`, { content: '내일 봬요' });
    return call(runner, 'GET', `/api/runs/${run.id}/messages`);
  },
  'POST /api/runs/{runId}/messages': () =>
    call(runner, 'POST', `/api/runs/${run.id}/messages`, { content: '네!' }),
  'POST /api/runs/{runId}/messages/read': () => call(runner, 'POST', `/api/runs/${run.id}/messages/read`),
  'GET /api/me/chats': () => call(runner, 'GET', '/api/me/chats'),
  ...crewChatCalls(),
  ...seatOfferCalls(),
  'POST /api/me/phone/verification': async () => (await verifiedPhone(await newUser(t.app))).sent,
  'POST /api/me/phone/verification/confirm': async () => {
    const user = await newUser(t.app);
    const { phone, code } = await verifiedPhone(user);
    return call(user, 'POST', '/api/me/phone/verification/confirm', { phone, code });
  },
  'DELETE /api/me/phone': async () => {
    const user = await newUser(t.app);
    const { phone, code } = await verifiedPhone(user);
    await call(user, 'POST', '/api/me/phone/verification/confirm', { phone, code });
    return call(user, 'DELETE', '/api/me/phone');
  },
  'PUT /api/me/sms-consent': async () => {
    const user = await newUser(t.app);
    const { phone, code } = await verifiedPhone(user);
    await call(user, 'POST', '/api/me/phone/verification/confirm', { phone, code });
    return call(user, 'PUT', '/api/me/sms-consent', { consent: true });
  },
  'GET /api/push/public-key': () => call(null, 'GET', '/api/push/public-key'),
  'GET /api/me/notification-preferences': () => call(runner, 'GET', '/api/me/notification-preferences'),
  'PUT /api/me/notification-preferences': () =>
    call(runner, 'PUT', '/api/me/notification-preferences', defaultNotificationPreferences()),
  'POST /api/me/push-subscriptions': () =>
    call(runner, 'POST', '/api/me/push-subscriptions', push.subscription('contract')),
  'DELETE /api/me/push-subscriptions': async () => {
    const subscription = push.subscription('contract-gone');
    await call(runner, 'POST', '/api/me/push-subscriptions', subscription);
    return call(runner, 'DELETE', '/api/me/push-subscriptions', { endpoint: subscription.endpoint });
  },
  'GET /api/config': () => call(null, 'GET', '/api/config'),
  'GET /api/places': () => call(null, 'GET', `/api/places?q=${encodeURIComponent('반포')}`),
  'POST /api/auth/email-verification': async () => {
    const user = await newUser(t.app);
    clock.offsetMs += 2 * 60_000;
    try {
      const fresh = await call(null, 'POST', '/api/auth/login', {
        email: user.email,
        password: user.password,
      });
      return await call(fresh.json<{ accessToken: string }>(), 'POST', '/api/auth/email-verification');
    } finally {
      clock.offsetMs -= 2 * 60_000;
    }
  },
  'POST /api/auth/email-verification/confirm': async () => {
    const user = await newUser(t.app);
    await t.services.mail.idle();
    const token = t.mailbox.linkTo(user.email, '/verify-email').searchParams.get('token');
    return call(null, 'POST', '/api/auth/email-verification/confirm', { token });
  },
  'GET /api/auth/email-availability': () =>
    call(null, 'GET', `/api/auth/email-availability?email=${uniqueEmail()}`),
  'PUT /api/me/email': async () => {
    const user = await newUser(t.app);
    return call(user, 'PUT', '/api/me/email', { email: uniqueEmail(), currentPassword: user.password });
  },
  'GET /api/me/consents': () => call(runner, 'GET', '/api/me/consents'),
  'POST /api/me/consents': () =>
    call(runner, 'POST', '/api/me/consents', { accept: ['terms'], marketingEmail: true }),
  'POST /api/auth/password-reset': async () => [
    await call(null, 'POST', '/api/auth/password-reset', { email: (await verifiedUser(t)).email }),
    await call(null, 'POST', '/api/auth/password-reset', { email: uniqueEmail() }),
  ],
  'POST /api/auth/password-reset/confirm': async () => {
    const user = await verifiedUser(t);
    await call(null, 'POST', '/api/auth/password-reset', { email: user.email });
    await t.services.mail.idle();
    const token = t.mailbox.linkTo(user.email, '/reset-password').searchParams.get('token');
    return call(null, 'POST', '/api/auth/password-reset/confirm', { token, password: 'fresh2run!now' });
  },
  'POST /api/auth/password-reset/phone': async () => {
    const phone = `010${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    return call(null, 'POST', '/api/auth/password-reset/phone', { phone });
  },
  'POST /api/auth/password-reset/phone/confirm': async () => {
    const user = await newUser(t.app);
    const phone = `010${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    // An address of its own: the texts' per-IP limit is not shared with the other operations'.
    const send = (url: string, payload: object, who: Who = null) =>
      t.app.inject({
        method: 'POST',
        url,
        remoteAddress: '10.77.0.1',
        headers: who ? bearer(who) : {},
        payload,
      });
    const codeOf = () => /\d{6}/.exec(texts.findLast((m) => m.to === phone)?.text ?? '')?.[0] ?? '';
    await send('/api/me/phone/verification', { phone }, user);
    await send('/api/me/phone/verification/confirm', { phone, code: codeOf() }, user);
    clock.offsetMs = 61_000; // past the pause between two codes
    try {
      await send('/api/auth/password-reset/phone', { phone });
      return await call(null, 'POST', '/api/auth/password-reset/phone/confirm', {
        phone,
        code: codeOf(),
        password: 'fresh2run!now',
      });
    } finally {
      clock.offsetMs = 0;
    }
  },
  'PUT /api/me/password': async () => {
    const user = await newUser(t.app);
    return call(user, 'PUT', '/api/me/password', {
      currentPassword: user.password,
      password: 'fresh2run!now',
    });
  },
  'GET /api/me/sessions': () => call(runner, 'GET', '/api/me/sessions'),
  'DELETE /api/me/sessions/{sessionId}': async () => {
    const user = await newUser(t.app);
    await call(null, 'POST', '/api/auth/login', { email: user.email, password: user.password });
    const { items } = (await call(user, 'GET', '/api/me/sessions')).json<{
      items: { id: string; current: boolean }[];
    }>();
    const other = items.find((s) => !s.current);
    return call(user, 'DELETE', `/api/me/sessions/${other?.id}`);
  },
  'DELETE /api/me/sessions': async () => call(await newUser(t.app), 'DELETE', '/api/me/sessions'),
  'POST /api/crews/{crewId}/members': async () => {
    const [open, approval] = await Promise.all([crewOf(host), crewOf(host, 'approval')]);
    const user = await newUser(t.app);
    return [
      await call(user, 'POST', `/api/crews/${open}/members`, {}),
      await call(user, 'POST', `/api/crews/${approval}/members`, {}),
    ];
  },
  'GET /api/crews/{crewId}/members': async () => {
    const crewId = await crewOf(host, 'approval', [runner]);
    await call(await newUser(t.app), 'POST', `/api/crews/${crewId}/members`, {});
    return [
      await call(runner, 'GET', `/api/crews/${crewId}/members`),
      await call(host, 'GET', `/api/crews/${crewId}/members?status=pending&limit=1`),
    ];
  },
  'GET /api/crews/{crewId}/members/me': async () => {
    const crewId = await crewOf(host);
    return [
      await call(host, 'GET', `/api/crews/${crewId}/members/me`),
      await call(runner, 'GET', `/api/crews/${crewId}/members/me`),
    ];
  },
  'DELETE /api/crews/{crewId}/members/me': async () => {
    const user = await newUser(t.app);
    return call(user, 'DELETE', `/api/crews/${await crewOf(host, 'open', [user])}/members/me`);
  },
  'PATCH /api/crews/{crewId}/members/{userId}': async () => {
    const user = await newUser(t.app);
    const crewId = await crewOf(host, 'open', [user]);
    return call(host, 'PATCH', `/api/crews/${crewId}/members/${user.user.id}`, { role: 'staff' });
  },
  'DELETE /api/crews/{crewId}/members/{userId}': async () => {
    const user = await newUser(t.app);
    const crewId = await crewOf(host, 'open', [user]);
    return call(host, 'DELETE', `/api/crews/${crewId}/members/${user.user.id}`, {
      reason: '노쇼',
      ban: true,
    });
  },
  'POST /api/crews/{crewId}/invite': async () =>
    call(host, 'POST', `/api/crews/${await crewOf(host, 'invite')}/invite`),
  'POST /api/series': () => newSeries(),
  'GET /api/series/{seriesId}': async () => {
    const id = (await newSeries()).json<{ series: { id: string } }>().series.id;
    return [await call(null, 'GET', `/api/series/${id}`), await call(host, 'GET', `/api/series/${id}`)];
  },
  'PATCH /api/series/{seriesId}': async () => {
    const id = (await newSeries()).json<{ series: { id: string } }>().series.id;
    return call(host, 'PATCH', `/api/series/${id}`, { from: seoulDay(1), changes: { title: '바뀐 정기런' } });
  },
  'DELETE /api/series/{seriesId}': async () => {
    const id = (await newSeries()).json<{ series: { id: string } }>().series.id;
    return call(host, 'DELETE', `/api/series/${id}`);
  },
  'POST /api/reports': async () =>
    call(await newUser(t.app), 'POST', '/api/reports', {
      targetType: 'run',
      targetId: run.id,
      reason: 'other',
      note: '연락처를 요구해요',
    }),
  'GET /api/me/blocks': async () => {
    await call(host, 'PUT', `/api/me/blocks/${(await newUser(t.app)).user.id}`);
    return call(host, 'GET', '/api/me/blocks');
  },
  'GET /api/me/blocks/{userId}': () => call(host, 'GET', `/api/me/blocks/${runner.user.id}`),
  'PUT /api/me/blocks/{userId}': async () =>
    call(host, 'PUT', `/api/me/blocks/${(await newUser(t.app)).user.id}`),
  'DELETE /api/me/blocks/{userId}': async () =>
    call(host, 'DELETE', `/api/me/blocks/${(await newUser(t.app)).user.id}`),
  'GET /api/me/saved-searches': () => call(host, 'GET', '/api/me/saved-searches'),
  'POST /api/me/saved-searches': () =>
    call(host, 'POST', '/api/me/saved-searches', { filters: { region: ['seoul'], q: '한강' } }),
  'DELETE /api/me/saved-searches/{savedSearchId}': async () => {
    const saved = await call(runner, 'POST', '/api/me/saved-searches', { filters: { theme: ['park'] } });
    return call(runner, 'DELETE', `/api/me/saved-searches/${saved.json<{ id: string }>().id}`);
  },
  ...disputeCalls(),
  ...moderationCalls(),
};

/** Fair attendance and the reliability record (issue 17): a guest marked absent disputes, the owner decides. */
function disputeCalls(): Record<string, Call> {
  const absentAndDisputed = async (decide: boolean) => {
    const { owner, guest, run: made } = await joined(2);
    return afterTheRun(made, [owner, guest], async ([o, g]) => {
      const [ownerToken, guestToken] = [o, g] as [{ accessToken: string }, { accessToken: string }];
      const marked = await call(ownerToken, 'PUT', `/api/runs/${made.id}/attendance`, {
        present: [],
        absent: [guest.user.id],
      });
      expect(marked.statusCode, marked.body).toBe(200);
      const opened = await call(guestToken, 'POST', `/api/runs/${made.id}/attendance/disputes`, {
        note: '함께 달렸어요',
      });
      if (!decide) return [opened, await call(guestToken, 'GET', `/api/runs/${made.id}/attendance/me`)];
      return [
        await call(ownerToken, 'GET', `/api/runs/${made.id}/attendance/disputes`),
        await call(ownerToken, 'PATCH', `/api/runs/${made.id}/attendance/disputes/${guest.user.id}`, {
          decision: 'accept',
        }),
      ];
    });
  };
  /** A dispute the host left for 72 h (escalated in the table), listed and decided by a moderator. */
  const escalatedAndDecided = async () => {
    const { owner, guest, run: made } = await joined(2);
    const moderator = await newUser(t.app);
    await t.database.executeSql(`update users set role = 'moderator' where id = $1`, [moderator.user.id]);
    return afterTheRun(made, [owner, guest, moderator], async ([o, g, m]) => {
      const [ownerToken, guestToken, modToken] = [o, g, m] as { accessToken: string }[] as [
        { accessToken: string },
        { accessToken: string },
        { accessToken: string },
      ];
      await call(ownerToken, 'PUT', `/api/runs/${made.id}/attendance`, {
        present: [],
        absent: [guest.user.id],
      });
      await call(guestToken, 'POST', `/api/runs/${made.id}/attendance/disputes`, { note: '함께 달렸어요' });
      await t.database.executeSql(
        `update attendance_disputes set status = 'escalated' where run_id = $1 and user_id = $2`,
        [made.id, guest.user.id],
      );
      return [
        await call(modToken, 'GET', '/api/admin/disputes'),
        await call(modToken, 'POST', `/api/admin/disputes/${made.id}/${guest.user.id}`, {
          decision: 'accept',
        }),
      ];
    });
  };
  return {
    'POST /api/runs/{runId}/attendance/disputes': async () => (await absentAndDisputed(false)).slice(0, 1),
    'GET /api/runs/{runId}/attendance/me': async () => (await absentAndDisputed(false)).slice(1),
    'GET /api/runs/{runId}/attendance/disputes': async () => (await absentAndDisputed(true)).slice(0, 1),
    'PATCH /api/runs/{runId}/attendance/disputes/{userId}': async () =>
      (await absentAndDisputed(true)).slice(1),
    'GET /api/admin/disputes': async () => (await escalatedAndDecided()).slice(0, 1),
    'POST /api/admin/disputes/{runId}/{userId}': async () => (await escalatedAndDecided()).slice(1),
    'GET /api/users/{userId}/reliability': () =>
      call(runner, 'GET', `/api/users/${runner.user.id}/reliability`),
    'GET /api/runs/{runId}/reliability': () => call(host, 'GET', `/api/runs/${run.id}/reliability`),
  };
}

/** Moderation of accounts (issue 17): a moderator and an admin made by setting the role in the database. */
function moderationCalls(): Record<string, Call> {
  const staff = async (role: 'moderator' | 'admin') => {
    const user = await newUser(t.app);
    await t.database.executeSql(`update users set role = '${role}' where id = '${user.user.id}'`);
    return user;
  };
  return {
    'POST /api/admin/users/{userId}/actions': async () => {
      const target = await newUser(t.app);
      return call(await staff('moderator'), 'POST', `/api/admin/users/${target.user.id}/actions`, {
        action: 'suspend',
        reason: '반복된 욕설',
        days: 7,
      });
    },
    'POST /api/admin/users/{userId}/role': async () => {
      const target = await newUser(t.app);
      return call(await staff('admin'), 'POST', `/api/admin/users/${target.user.id}/role`, {
        role: 'moderator',
      });
    },
    'GET /api/admin/users/{userId}/history': async () => {
      const moderator = await staff('moderator');
      await call(moderator, 'POST', `/api/admin/users/${runner.user.id}/actions`, {
        action: 'warn',
        reason: '채팅 예절',
      });
      return call(moderator, 'GET', `/api/admin/users/${runner.user.id}/history`);
    },
    'GET /api/admin/users': async () =>
      call(await staff('moderator'), 'GET', `/api/admin/users?email=${encodeURIComponent(runner.email)}`),
    'GET /api/admin/audit': async () => call(await staff('admin'), 'GET', '/api/admin/audit?limit=5'),
    'GET /api/admin/reports': async () => {
      const author = await newUser(t.app);
      const course = await call(author, 'POST', '/api/courses', await courseBody(t.app, author));
      await call(runner, 'POST', '/api/reports', {
        targetType: 'course',
        targetId: course.json<{ id: string }>().id,
        reason: 'spam',
      });
      return call(await staff('moderator'), 'GET', '/api/admin/reports?status=open&limit=5');
    },
    'POST /api/admin/reports/{reportId}/actions': async () => {
      const author = await newUser(t.app);
      const course = await call(author, 'POST', '/api/courses', await courseBody(t.app, author));
      const made = await call(runner, 'POST', '/api/reports', {
        targetType: 'course',
        targetId: course.json<{ id: string }>().id,
        reason: 'spam',
      });
      return call(
        await staff('moderator'),
        'POST',
        `/api/admin/reports/${made.json<{ id: string }>().id}/actions`,
        {
          action: 'hide',
          reason: '광고',
        },
      );
    },
  };
}

/** `YYYY-MM-DD` in Asia/Seoul, `days` from today. */
function seoulDay(days = 0) {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

function newSeries() {
  const { startsAt: _s, endsAt: _e, ...fields } = runBody();
  return call(host, 'POST', '/api/series', {
    template: { ...fields, durationMinutes: 90 },
    schedule: { freq: 'weekly', byDay: ['TU', 'TH'], time: '19:30', from: seoulDay(), count: 8 },
  });
}

/** `/api/runs/{runId}` → `openapi#/paths/~1api~1runs~1{runId}` (JSON pointer escaping). */
const pointer = (...parts: string[]) =>
  `openapi#/${parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;

function checkAgainstDocument(key: string, response: LightMyRequestResponse) {
  const [method, path] = key.split(' ') as [string, string];
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${key} is not in the document`);
  const status = String(response.statusCode);
  const documented = operation.responses[status];
  expect(
    documented,
    `${key} answered ${status} (${response.body.slice(0, 200)}), which is not documented`,
  ).toBeDefined();
  const mediaType = String(response.headers['content-type'] ?? '')
    .replace(/;.*$/, '')
    .trim();
  if (!documented?.content) {
    expect(response.body, `${key} ${status} is documented without a body`).toBe('');
    return;
  }
  const media = documented.content[mediaType];
  expect(
    media,
    `${key} ${status} sent ${mediaType}, documented: ${Object.keys(documented.content).join(', ')}`,
  ).toBeDefined();
  if (!mediaType.endsWith('json')) {
    expect(response.body.length).toBeGreaterThan(0);
    return;
  }
  const validate = ajv.compile({
    $ref: pointer('paths', path, method.toLowerCase(), 'responses', status, 'content', mediaType, 'schema'),
  });
  const valid = validate(response.json());
  expect(
    valid ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n'),
    `${key} ${status}`,
  ).toEqual([]);
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 (JSON Schema 2020-12: null is a type)', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('covers every operation of the document, and only those', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...documented].sort()).toEqual(Object.keys(CALLS).sort());
  });

  it('says which operations need the bearer token: exactly those that answer 401 without one', async () => {
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const needsToken = operation.security?.some(
          (s) => 'bearerAuth' in s && !operation.security?.some((o) => Object.keys(o).length === 0),
        );
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        if (!needsToken) continue;
        const response = await call(null, method.toUpperCase(), url);
        expect(response.statusCode, `${method.toUpperCase()} ${path}`).toBe(401);
      }
    }
  });

  for (const [key, make] of Object.entries(CALLS)) {
    it(`${key}: the real response matches the documented one`, async () => {
      const [method, path] = key.split(' ') as [string, string];
      const success = Object.keys(doc.paths[path]?.[method.toLowerCase()]?.responses ?? {}).find((s) =>
        /^[23]/.test(s),
      );
      const responses = [await make()].flat();
      for (const response of responses) {
        expect(String(response.statusCode), `${key}: ${response.body.slice(0, 300)}`).toBe(success);
        checkAgainstDocument(key, response);
      }
    });
  }
});

/** The crew chat, mute, members and pin operations (a crew written straight into its tables). */
function crewChatCalls(): Record<string, Call> {
  let crew: Promise<string> | undefined;
  const crewId = () => (crew ??= crewRows(t, host, { members: [runner] }).then((c) => c.id));
  const message = async () =>
    (await call(host, 'POST', `/api/runs/${run.id}/messages`, { content: '공지: 반포 7시' })).json<{
      id: string;
    }>().id;
  return {
    'GET /api/crews/{crewId}/chat/messages': async () =>
      call(runner, 'GET', `/api/crews/${await crewId()}/chat/messages`),
    'POST /api/crews/{crewId}/chat/messages': async () =>
      call(runner, 'POST', `/api/crews/${await crewId()}/chat/messages`, { content: '안녕하세요' }),
    'POST /api/crews/{crewId}/chat/read': async () =>
      call(runner, 'POST', `/api/crews/${await crewId()}/chat/read`),
    'PUT /api/chats/{kind}/{id}/mute': () =>
      call(runner, 'PUT', `/api/chats/run/${run.id}/mute`, { muted: true }),
    'GET /api/chats/{kind}/{id}/members': () => call(runner, 'GET', `/api/chats/run/${run.id}/members`),
    'PUT /api/chats/{kind}/{id}/messages/{messageId}/pin': async () =>
      call(host, 'PUT', `/api/chats/run/${run.id}/messages/${await message()}/pin`),
    'DELETE /api/chats/{kind}/{id}/messages/{messageId}/pin': async () =>
      call(host, 'DELETE', `/api/chats/run/${run.id}/messages/${await message()}/pin`),
  };
}

/** Seat offers (issue 17): a full run starting in 5 hours; its seated runner leaves, the waiting one is offered the seat. */
async function offered() {
  const owner = await newUser(t.app);
  const [seated, waiting] = [await newUser(t.app), await newUser(t.app)];
  const made = await call(owner, 'POST', '/api/runs', runBody({ capacity: 2 }, 5));
  const runId = made.json<Run>().id;
  for (const who of [seated, waiting])
    expect((await call(who, 'POST', `/api/runs/${runId}/participants`)).statusCode).toBe(201);
  expect((await call(seated, 'DELETE', `/api/runs/${runId}/participants/me`)).statusCode).toBe(204);
  return { runId, waiting };
}

function seatOfferCalls(): Record<string, Call> {
  return {
    'POST /api/runs/{runId}/seat-offer/claim': async () => {
      const { runId, waiting } = await offered();
      return call(waiting, 'POST', `/api/runs/${runId}/seat-offer/claim`);
    },
    'DELETE /api/runs/{runId}/seat-offer': async () => {
      const { runId, waiting } = await offered();
      return call(waiting, 'DELETE', `/api/runs/${runId}/seat-offer`);
    },
  };
}
