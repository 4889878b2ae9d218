import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { courseFixture, onboardedMe } from '../../test/fixtures.ts';
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
    const { events, router } = renderApp('/me', { user: me });

    const tabs = screen.getByRole('tablist', { name: '마이페이지 메뉴' });
    expect(within(tabs).getByRole('tab', { name: '북마크' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('북마크한 그룹 러닝이 없어요')).toBeTruthy();

    await events.click(screen.getByRole('tab', { name: '코스' }));
    expect(router.state.location.search).toBe('?saved=courses');
    expect(await screen.findByRole('link', { name: '반포 달빛 한강 코스' })).toBeTruthy();

    // Arrow keys move between the main tabs, as in any tab list.
    within(tabs).getByRole('tab', { name: '북마크' }).focus();
    await events.keyboard('{ArrowRight}');
    expect(router.state.location.search).toBe('?tab=courses');
    expect(document.activeElement).toBe(within(tabs).getByRole('tab', { name: '내 코스' }));
    expect(await screen.findByText('아직 등록한 코스가 없어요')).toBeTruthy();

    await events.click(within(tabs).getByRole('tab', { name: '프로필 수정' }));
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
