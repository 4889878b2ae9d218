import type { Profile } from '@erun/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { AUTHOR_ID, onboardedMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

const profile = (id: string): Profile => ({
  id,
  nickname: '밤러너',
  bio: '',
  runningLevel: null,
  avatar: null,
  goodRunnerScore: 50,
  runsHosted: 3,
  reviewCounts: {},
  badges: [],
  createdAt: '2026-11-01T09:00:00+09:00',
});

describe('/users/:userId and blocking', () => {
  it('offers 차단하기 to a signed-in runner on someone else’s profile', async () => {
    mockApi({
      [`GET /api/users/${AUTHOR_ID}`]: () => jsonResponse(200, profile(AUTHOR_ID)),
      [`GET /api/me/blocks/${AUTHOR_ID}`]: () => jsonResponse(200, { blocked: false, blockedAt: null }),
    });
    renderApp(`/users/${AUTHOR_ID}`, { user: onboardedMe() });
    expect(await screen.findByRole('button', { name: '밤러너 님 차단하기' })).toBeTruthy();
  });

  it('offers nothing to guests', async () => {
    const { calls } = mockApi({
      [`GET /api/users/${AUTHOR_ID}`]: () => jsonResponse(200, profile(AUTHOR_ID)),
    });
    renderApp(`/users/${AUTHOR_ID}`);
    expect(await screen.findByRole('heading', { name: '밤러너' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /차단/ })).toBeNull();
    expect(calls.filter((c) => c.path.startsWith('/api/me/blocks'))).toEqual([]);
  });

  it('offers nothing on my own profile', async () => {
    const me = onboardedMe();
    const { calls } = mockApi({
      [`GET /api/users/${me.id}`]: () => jsonResponse(200, { ...profile(me.id), nickname: '나러너' }),
    });
    renderApp(`/users/${me.id}`, { user: me });
    expect(await screen.findByRole('heading', { name: '나러너' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /차단/ })).toBeNull();
    expect(calls.filter((c) => c.path.startsWith('/api/me/blocks'))).toEqual([]);
  });
});
