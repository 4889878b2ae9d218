import type { Comment, ErrorBody, NotificationPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let host: TestUser;
let runner: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [host, runner] = [await newUser(t.app, { nickname: '크루장' }), await newUser(t.app, { nickname: '러너' })];
});
afterAll(() => t.close());

const list = async (who: TestUser, query = '') =>
  (
    await t.app.inject({ method: 'GET', url: `/api/notifications${query}`, headers: bearer(who) })
  ).json<NotificationPage>();
const read = (who: TestUser, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/notifications/read',
    headers: bearer(who),
    payload: payload as object,
  });

describe('notifications', () => {
  it('lists newest first with who did what, counts unread, and marks read one by one or all', async () => {
    const run = await newRun(t.app, host, { title: '잠실 새벽 러닝' });
    for (const text of ['첫 질문', '둘째 질문', '셋째 질문']) {
      await t.app.inject({
        method: 'POST',
        url: `/api/runs/${run.id}/comments`,
        headers: bearer(runner),
        payload: { content: text },
      });
    }
    const page = await list(host);
    expect(page.unreadCount).toBe(3);
    expect(page.items).toHaveLength(3);
    expect(page.items[0]).toMatchObject({
      category: 'comment',
      actor: { id: runner.user.id, nickname: '러너' },
      data: { title: '잠실 새벽 러닝' },
      link: `/runs/${run.id}`,
      read: false,
    });
    const firstId = page.items[0]?.id ?? '';
    expect((await read(host, { ids: [firstId] })).statusCode).toBe(204);
    expect((await list(host)).unreadCount).toBe(2);
    expect((await read(host, { all: true })).statusCode).toBe(204);
    const after = await list(host);
    expect(after.unreadCount).toBe(0);
    expect(after.items.every((n) => n.read)).toBe(true);
  });

  it('pages with a cursor', async () => {
    const run = await newRun(t.app, host);
    const c = (
      await t.app.inject({
        method: 'POST',
        url: `/api/runs/${run.id}/comments`,
        headers: bearer(host),
        payload: { content: '공지' },
      })
    ).json<Comment>();
    for (let i = 0; i < 3; i++) {
      await t.app.inject({
        method: 'POST',
        url: `/api/comments/${c.id}/replies`,
        headers: bearer(runner),
        payload: { content: `답 ${i}` },
      });
    }
    const first = await list(host, '?limit=2');
    const second = await list(host, `?limit=2&cursor=${first.nextCursor ?? ''}`);
    const ids = [...first.items, ...second.items].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cannot mark someone else’s notifications, refuses bad bodies (400) and guests (401)', async () => {
    const run = await newRun(t.app, runner);
    await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/comments`,
      headers: bearer(host),
      payload: { content: '안녕하세요' },
    });
    const theirs = (await list(runner)).items[0]?.id ?? '';
    const before = (await list(runner)).unreadCount;
    expect((await read(host, { ids: [theirs] })).statusCode).toBe(204);
    expect((await list(runner)).unreadCount).toBe(before);
    for (const body of [{}, { ids: [] }, { ids: ['nope'] }, { all: false }]) {
      const response = await read(host, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});
