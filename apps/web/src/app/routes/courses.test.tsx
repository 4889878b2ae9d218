import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { courseFixture, onboardedMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

const emptyPage = () => jsonResponse(200, { items: [], nextCursor: null });

describe('/courses', () => {
  it('puts region and theme filters and the sort in the URL, and asks the API for them', async () => {
    const { calls } = mockApi({ 'GET /api/courses*': emptyPage });
    const { events, router } = renderApp('/courses');

    const regions = screen.getByRole('group', { name: '지역' });
    await events.click(within(regions).getByRole('checkbox', { name: '부산' }));
    await events.click(within(regions).getByRole('checkbox', { name: '서울' }));
    await events.click(
      within(screen.getByRole('group', { name: '테마' })).getByRole('checkbox', { name: '공원' }),
    );
    await events.selectOptions(screen.getByRole('combobox', { name: '정렬' }), '조회순');

    expect(router.state.location.search).toBe('?region=seoul,busan&theme=park&sort=views');
    expect(await screen.findByText('조건에 맞는 코스가 없어요')).toBeTruthy();
    const paths = calls.map((c) => c.path);
    expect(paths).toContain('/api/courses?region=seoul,busan&theme=park&sort=views');
    // The BEST strip ranks within the same regions and themes.
    expect(paths).toContain('/api/courses?region=seoul,busan&theme=park&sort=best&limit=5');

    await router.navigate(-1);
    expect(router.state.location.search).toBe('?region=seoul,busan&theme=park');
  });

  it('preselects a shared URL’s filters and offers to reset them when nothing matches', async () => {
    mockApi({ 'GET /api/courses*': emptyPage });
    const { events, router } = renderApp('/courses?region=jeju&sort=newest', { user: onboardedMe() });
    const regions = screen.getByRole('group', { name: '지역' });
    expect(within(regions).getByRole('checkbox', { name: '제주' })).toHaveProperty('checked', true);
    expect(screen.getByRole('combobox', { name: '정렬' })).toHaveProperty('value', 'newest');

    const empty = (await screen.findByText('조건에 맞는 코스가 없어요')).parentElement as HTMLElement;
    expect(within(empty).getByRole('link', { name: '코스 등록' }).getAttribute('href')).toBe('/courses/new');
    await events.click(within(empty).getByRole('button', { name: '필터 초기화' }));
    expect(router.state.location.search).toBe('?sort=newest');
  });

  it('shows the BEST strip with ranks and cards with distance, time, rating and reviews', async () => {
    const course = courseFixture();
    const page = () => jsonResponse(200, { items: [course], nextCursor: null });
    mockApi({ 'GET /api/courses?sort=best&limit=5': page, 'GET /api/courses': page });
    renderApp('/courses');

    const best = await screen.findByRole('region', { name: 'BEST 코스' });
    expect(within(best).getByText('1위')).toBeTruthy();
    const card = (await screen.findByRole('list', { name: '추천 코스 목록' })).querySelector('article');
    if (!card) throw new Error('no card');
    const text = card.textContent ?? '';
    for (const part of [
      '서울 · 강변',
      '반포 달빛 한강 코스',
      '12km',
      '1시간 12분',
      '4.3',
      '(4)',
      '별점 4.3점, 4명 참여',
    ])
      expect(text).toContain(part);
    expect(within(card).getByRole('link', { name: '반포 달빛 한강 코스' }).getAttribute('href')).toBe(
      `/courses/${course.id}`,
    );
    expect(
      within(card).getByRole('button', { name: '반포 달빛 한강 코스 북마크' }).getAttribute('aria-pressed'),
    ).toBe('false');
    expect(screen.queryByRole('link', { name: /코스 등록/ })).toBeNull();
  });
});
