import type { ErrorBody, Me } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET/PATCH /api/me', () => {
  it('onboarding stores the running style and marks the user onboarded', async () => {
    const user = await newUser(t.app);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(user),
      payload: {
        nickname: '  한강달리기 ',
        runningLevel: '5to10',
        preferredRegions: ['seoul', 'gyeonggi'],
        preferredDistance: '5to10',
        bio: '주말마다 한강을 달려요',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Me>()).toMatchObject({
      nickname: '한강달리기',
      runningLevel: '5to10',
      preferredRegions: ['seoul', 'gyeonggi'],
      preferredDistance: '5to10',
      onboarded: true,
    });
    const again = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(user) });
    expect(again.json<Me>().bio).toBe('주말마다 한강을 달려요');
  });

  it('a partial update changes only what was sent; preferredDistance may be cleared', async () => {
    const user = await newUser(t.app, { nickname: '그대로' });
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(user),
      payload: { preferredDistance: 'gte15' },
    });
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(user),
      payload: { preferredDistance: null },
    });
    expect(response.json<Me>()).toMatchObject({ nickname: '그대로', preferredDistance: null });
  });

  it('refuses duplicate regions and an empty nickname', async () => {
    const user = await newUser(t.app);
    for (const payload of [{ preferredRegions: ['seoul', 'seoul'] }, { nickname: '   ' }]) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: bearer(user),
        payload,
      });
      expect(response.statusCode).toBe(400);
    }
  });

  it('cannot take an avatar upload that is not the caller’s own (404)', async () => {
    const user = await newUser(t.app);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(user),
      payload: { avatarId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorBody>().code).toBe('UPLOAD_NOT_FOUND');
  });

  it('answers 401 without a token', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: '/api/me', payload: { bio: 'x' } });
    expect(response.statusCode).toBe(401);
  });
});
