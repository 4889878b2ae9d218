import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { onboardedMe, runFixture } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

const emptyPage = () => jsonResponse(200, { items: [], nextCursor: null });

describe('/runs filters ⇄ URL', () => {
  it('puts the chosen filters in the URL and asks the API for them', async () => {
    const { calls } = mockApi({ 'GET /api/runs*': emptyPage });
    const { events, router } = renderApp('/runs');

    const regions = screen.getByRole('group', { name: '지역' });
    await events.click(within(regions).getByRole('checkbox', { name: '서울' }));
    await events.click(within(regions).getByRole('checkbox', { name: '부산' }));
    await events.click(
      within(screen.getByRole('group', { name: '거리' })).getByRole('checkbox', { name: '5km 미만' }),
    );

    expect(router.state.location.search).toBe('?region=seoul,busan&distance=lt5');
    await screen.findByText('조건에 맞는 그룹 러닝이 없어요');
    expect(calls.map((c) => c.path)).toContain('/api/runs?region=seoul,busan&distance=lt5');

    // Back goes to the previous filters.
    await router.navigate(-1);
    expect(router.state.location.search).toBe('?region=seoul,busan');
  });

  it('preselects the filters of a shared URL, and offers to reset them when nothing matches', async () => {
    const { calls } = mockApi({ 'GET /api/runs*': emptyPage });
    const { events, router } = renderApp('/runs?region=seoul,busan&distance=5to10&sort=popular', {
      user: onboardedMe(),
    });

    const regions = screen.getByRole('group', { name: '지역' });
    expect(within(regions).getByRole('checkbox', { name: '서울' })).toHaveProperty('checked', true);
    expect(within(regions).getByRole('checkbox', { name: '부산' })).toHaveProperty('checked', true);
    expect(within(regions).getByRole('checkbox', { name: '제주' })).toHaveProperty('checked', false);
    const distance = screen.getByRole('group', { name: '거리' });
    expect(within(distance).getByRole('checkbox', { name: '5–10km' })).toHaveProperty('checked', true);
    expect(screen.getByRole('combobox', { name: '정렬' })).toHaveProperty('value', 'popular');

    expect(await screen.findByText('조건에 맞는 그룹 러닝이 없어요')).toBeTruthy();
    // An explicit region and distance win over 내 조건 on the server; the chip stays on.
    expect(calls.map((c) => c.path)).toContain(
      '/api/runs?region=seoul,busan&distance=5to10&forMe=true&sort=popular',
    );
    expect(screen.getAllByRole('link', { name: /러닝 만들기/ })[0]?.getAttribute('href')).toBe('/runs/new');

    const empty = screen.getByText('조건에 맞는 그룹 러닝이 없어요').parentElement as HTMLElement;
    await events.click(within(empty).getByRole('button', { name: '필터 초기화' }));
    expect(router.state.location.search).toBe('?sort=popular');
  });

  it('shows cards with date, place, distance, pace, seats and comments', async () => {
    const run = runFixture({ participantCount: 10, joinState: 'full', waitlistCount: 2, commentCount: 7 });
    mockApi({ 'GET /api/runs': () => jsonResponse(200, { items: [run], nextCursor: null }) });
    renderApp('/runs');

    const card = (await screen.findByRole('link', { name: '토요일 아침 한강 10K' })).closest('article');
    if (!card) throw new Error('no card');
    const text = card.textContent ?? '';
    for (const part of [
      '12.05 (토) 07:00',
      '여의나루역 2번 출구',
      '10.2km',
      `5'30"/km`,
      '10/10명',
      '대기 2명',
      '정원마감',
      '댓글 7',
    ])
      expect(text).toContain(part);
    expect(
      within(card).getByRole('button', { name: '토요일 아침 한강 10K 북마크' }).getAttribute('aria-pressed'),
    ).toBe('false');
  });
});
