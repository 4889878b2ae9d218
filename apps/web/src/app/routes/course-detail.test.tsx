import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { AUTHOR_ID, COURSE_ID, courseFixture, onboardedMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

// Leaflet is exercised in the browser journeys; here the page around the map is under test.
vi.mock('../../components/map/lazy.tsx', () => ({ RouteMap: () => null, RouteEditor: () => null }));

const noComments = () => jsonResponse(200, { items: [], nextCursor: null });

describe('/courses/:courseId', () => {
  it('shows the rating summary with its histogram, the logistics and the GPX link', async () => {
    mockApi({
      [`GET /api/courses/${COURSE_ID}`]: () => jsonResponse(200, courseFixture()),
      [`GET /api/courses/${COURSE_ID}/comments*`]: noComments,
    });
    renderApp(`/courses/${COURSE_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: '반포 달빛 한강 코스' })).toBeTruthy();
    const rating = screen.getByRole('region', { name: '코스 별점' });
    expect(rating.textContent).toContain('4.3/ 5');
    expect(rating.textContent).toContain('4명 참여');
    const bars = within(rating).getByRole('list', { name: '별점 분포' });
    expect(
      within(bars)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['5점2명2', '4점1명1', '3점1명1', '2점0명0', '1점0명0']);
    expect(screen.getByText('1시간 12분 · 6\'00"/km 기준')).toBeTruthy();
    const logistics = screen.getByRole('region', { name: '코스 안내' });
    expect(logistics.textContent).toContain('반포 1주차장');
    expect(logistics.textContent).toContain('안내 없음');
    expect(screen.getByRole('link', { name: 'GPX로 내려받기' }).getAttribute('href')).toBe(
      `/api/courses/${COURSE_ID}/gpx`,
    );
    expect(screen.queryByRole('group', { name: '작성자 메뉴' })).toBeNull();
  });

  it('opens the run form with the route, meeting point, region and pace of the course filled in', async () => {
    window.sessionStorage.clear();
    mockApi({
      [`GET /api/courses/${COURSE_ID}`]: () => jsonResponse(200, courseFixture()),
      [`GET /api/courses/${COURSE_ID}/comments*`]: noComments,
    });
    const { events, router } = renderApp(`/courses/${COURSE_ID}`, { user: onboardedMe() });

    await events.click(await screen.findByRole('button', { name: '이 코스로 그룹 러닝 만들기' }));
    expect(router.state.location.pathname).toBe('/runs/new');
    expect(
      await screen.findByText('"반포 달빛 한강 코스" 코스를 불러왔어요. 날짜와 시간을 정해 주세요.'),
    ).toBeTruthy();
    expect(screen.getByLabelText('모이는 곳 이름')).toHaveProperty('value', '반포한강공원 달빛광장');
    expect(screen.getByLabelText('지역')).toHaveProperty('value', 'seoul');
    expect(screen.getByText(/^총 \d+\.\d+km$/).textContent).not.toBe('총 0.00km');
    expect(screen.getByText('지점 3개')).toBeTruthy();

    const draft = JSON.parse(window.sessionStorage.getItem('erun.runDraft') ?? 'null') as {
      values: Record<string, unknown>;
    };
    expect(draft.values).toMatchObject({
      route: courseFixture().route,
      meetingPoint: [37.5105, 126.996],
      theme: 'riverside',
      paceMin: '6',
      paceSec: '0',
      parking: '반포 1주차장',
      photos: [],
    });
    window.sessionStorage.clear();
  });

  it('gives the author edit and delete (asked first), and no stars for their own course', async () => {
    const author = onboardedMe({ id: AUTHOR_ID, nickname: '코스장인' });
    const { calls } = mockApi({
      [`GET /api/courses/${COURSE_ID}`]: () => jsonResponse(200, courseFixture()),
      [`GET /api/courses/${COURSE_ID}/comments*`]: noComments,
      [`DELETE /api/courses/${COURSE_ID}`]: () => new Response(null, { status: 204 }),
      'GET /api/courses*': noComments,
    });
    const { events, router } = renderApp(`/courses/${COURSE_ID}`, { user: author });

    const actions = await screen.findByRole('group', { name: '작성자 메뉴' });
    expect(within(actions).getByRole('link', { name: '수정' }).getAttribute('href')).toBe(
      `/courses/${COURSE_ID}/edit`,
    );
    expect(screen.getByText('내가 등록한 코스에는 별점을 줄 수 없어요.')).toBeTruthy();

    await events.click(within(actions).getByRole('button', { name: '삭제' }));
    const dialog = screen.getByRole('dialog', { name: '코스를 삭제할까요?' });
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await events.click(within(dialog).getByRole('button', { name: '코스 삭제' }));
    expect(await screen.findByText('코스를 삭제했어요.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/courses');
  });

  it('answers an unknown course with a friendly not-found state', async () => {
    mockApi({});
    renderApp(`/courses/${COURSE_ID}`);
    expect(await screen.findByText('코스를 찾을 수 없어요')).toBeTruthy();
    expect(screen.getByRole('link', { name: '추천 코스 목록으로' }).getAttribute('href')).toBe('/courses');
  });
});
