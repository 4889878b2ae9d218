import { screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { courseFixture, onboardedMe, RUN_ID, runFixture } from '../../test/fixtures.ts';
import { ensureBadgeNames } from '../../test/badge-names.ts';
import { renderApp } from '../../test/render.tsx';

const me = onboardedMe();

describe('/me tabs', () => {
  it('shows bookmarked runs and courses in sub-tabs, my courses, and keeps the profile form reachable', async () => {
    const { calls } = mockApi({
      'GET /api/runs?bookmarked=true&includeClosed=true': () =>
        jsonResponse(200, { items: [], nextCursor: null }),
      'GET /api/courses?bookmarked=true&sort=newest': () =>
        jsonResponse(200, { items: [courseFixture({ bookmarked: true })], nextCursor: null }),
      [`GET /api/courses?authorId=${me.id}&sort=newest`]: () =>
        jsonResponse(200, { items: [], nextCursor: null }),
    });
    const { events, router } = renderApp('/me?tab=bookmarks', { user: me });

    const tabs = screen.getByRole('tablist', { name: '마이페이지 메뉴' });
    expect(within(tabs).getByRole('tab', { name: '북마크' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('북마크한 그룹 러닝이 없어요')).toBeTruthy();

    await events.click(screen.getByRole('tab', { name: '코스' }));
    expect(router.state.location.search).toBe('?tab=bookmarks&saved=courses');
    expect(await screen.findByRole('link', { name: '반포 달빛 한강 코스' })).toBeTruthy();

    // Arrow keys move between the main tabs, as in any tab list.
    within(tabs).getByRole('tab', { name: '북마크' }).focus();
    await events.keyboard('{ArrowRight}');
    expect(router.state.location.search).toBe('?tab=courses');
    expect(document.activeElement).toBe(within(tabs).getByRole('tab', { name: '내 코스' }));
    expect(await screen.findByText('아직 등록한 코스가 없어요')).toBeTruthy();

    await events.click(within(tabs).getByRole('tab', { name: '프로필 수정' }));
    expect(router.state.location.search).toBe('?tab=profile');
    expect(screen.getByRole('button', { name: '저장하기' })).toBeTruthy();
    expect(calls.map((c) => c.path)).toEqual(
      expect.arrayContaining([
        '/api/runs?bookmarked=true&includeClosed=true',
        '/api/courses?bookmarked=true&sort=newest',
        `/api/courses?authorId=${me.id}&sort=newest`,
      ]),
    );
  });
});

describe('/me schedule, badges, score history and reviews', () => {
  beforeAll(ensureBadgeNames);
  afterEach(() => vi.useRealTimers());

  it('shows my runs on a Sunday-first month, the score history, badges and both sides of my reviews', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-25T12:00:00+09:00'));
    const {
      route: _r,
      participants: _p,
      ...summary
    } = runFixture({
      startsAt: '2026-11-28T07:00:00+09:00',
      endsAt: '2026-11-28T08:30:00+09:00',
    });
    const { calls } = mockApi({
      'GET /api/me/runs?from=2026-11-01&to=2026-12-05&order=asc&limit=100': () =>
        jsonResponse(200, {
          items: [{ ...summary, role: 'participant', attended: null, reviewed: false }],
          nextCursor: null,
        }),
      'GET /api/me/score-history': () =>
        jsonResponse(200, {
          score: 51,
          items: [
            {
              delta: 1,
              reason: 'present',
              runId: RUN_ID,
              runTitle: '지난 주 러닝',
              at: '2026-11-20T10:00:00+09:00',
            },
          ],
        }),
      'GET /api/me/badges': () =>
        jsonResponse(200, {
          items: [
            { code: 'first_run', awardedAt: '2026-11-20T10:00:00+09:00', progress: null },
            { code: 'runs_5', awardedAt: null, progress: { current: 1, target: 5 } },
          ],
        }),
      [`GET /api/users/${me.id}`]: () =>
        jsonResponse(200, {
          id: me.id,
          nickname: me.nickname,
          bio: '',
          runningLevel: '5to10',
          avatar: null,
          goodRunnerScore: 51,
          runsHosted: 1,
          reviewCounts: { led_well: 2, late: 1 },
          badges: [{ code: 'first_run', awardedAt: '2026-11-20T10:00:00+09:00' }],
          createdAt: me.createdAt,
        }),
    });
    const { events, router } = renderApp('/me', { user: me });

    const grid = await screen.findByRole('grid', { name: '2026년 11월' });
    expect(
      await within(grid).findByRole('gridcell', { name: '28, 2026년 11월 28일 토요일, 참여한 러닝 1개' }),
    ).toBeTruthy();
    await events.click(within(grid).getByRole('gridcell', { name: /11월 28일/ }));
    expect(screen.getByRole('link', { name: '토요일 아침 한강 10K' })).toBeTruthy();

    await events.click(screen.getByText('굿러너 레벨 기록'));
    expect(await screen.findByText('그룹 러닝 출석')).toBeTruthy();
    expect(screen.getByText('+1 km')).toBeTruthy();
    expect(screen.getByRole('button', { name: /, 획득$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /, 1\/5$/ })).toBeTruthy();

    await events.click(screen.getByRole('tab', { name: '받은 평가' }));
    expect(router.state.location.search).toBe('?tab=reviews');
    expect(await screen.findByRole('region', { name: '아쉬웠어요' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: '좋았어요' })).getByText('2회')).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain(
      '/api/me/runs?from=2026-11-01&to=2026-12-05&order=asc&limit=100',
    );
  });
});
