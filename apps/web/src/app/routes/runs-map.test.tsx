import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ClusterMapProps } from '../../components/map/cluster-map.tsx';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { runFixture } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

// Leaflet does not run in jsdom: a stand-in map lists its pins as buttons and can be "moved" to Busan.
const BUSAN = { south: 35.05, west: 128.95, north: 35.25, east: 129.2 };
vi.mock('../../components/map/lazy.tsx', () => ({
  RouteMap: () => null,
  RouteEditor: () => null,
  ClusterMap: ({ points, onSelect, onMove, label, view }: ClusterMapProps) => (
    <div role="region" aria-label={label} data-view={JSON.stringify(view)}>
      {points.map((p) => (
        <button key={p.id} type="button" onClick={() => onSelect([p.id])}>
          {`핀 ${p.label}`}
        </button>
      ))}
      <button type="button" onClick={() => onMove(BUSAN)}>
        부산으로 이동
      </button>
    </div>
  ),
}));

const page = (items: unknown[]) => jsonResponse(200, { items, nextCursor: null });
const seoulRun = runFixture({ id: '11111111-1111-4111-8111-111111111111', title: '여의도 한강 10K' });
const busanRun = runFixture({
  id: '22222222-2222-4222-8222-222222222222',
  title: '광안리 해변 5K',
  region: 'busan',
  meetingPlace: { name: '광안리 해수욕장', lat: 35.1532, lng: 129.1187 },
});

describe('/runs 목록 ⇄ 지도', () => {
  it('switches with an accessible segmented control, keeping the filters, and back returns to the list', async () => {
    const { calls } = mockApi({ 'GET /api/runs*': () => page([seoulRun]) });
    const { events, router } = renderApp('/runs?region=seoul');

    const switcher = screen.getByRole('tablist', { name: '보기 방식' });
    const list = within(switcher).getByRole('tab', { name: '목록' });
    const map = within(switcher).getByRole('tab', { name: '지도' });
    expect(list.getAttribute('aria-selected')).toBe('true');
    expect(map.getAttribute('tabindex')).toBe('-1');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(list.id);

    // Arrow keys move and choose, like tabs.
    list.focus();
    await events.keyboard('{ArrowRight}');
    expect(router.state.location.search).toBe('?region=seoul&view=map');
    expect(map.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(map);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(map.id);
    expect(await screen.findByRole('region', { name: /러닝 지도/ })).toBeTruthy();

    // The map asks for all of Korea first, with the list's filters and a map's worth of pins.
    await screen.findByRole('heading', { name: '이 지역의 러닝 1개' });
    expect(calls.map((c) => c.path)).toContain('/api/runs?region=seoul&bbox=33,124.6,38.7,131&limit=200');

    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?region=seoul');
    await waitFor(() => expect(screen.queryByRole('region', { name: /러닝 지도/ })).toBeNull());
  });

  it('asks by the visible box after a move, keeps it in the URL, and the list follows the map', async () => {
    const { calls } = mockApi({
      'GET /api/runs*': (call) => page(call.path.includes('bbox=35.05') ? [busanRun] : [seoulRun, busanRun]),
    });
    const { events, router } = renderApp('/runs?view=map');
    await screen.findByRole('heading', { name: '이 지역의 러닝 2개' });

    await events.click(screen.getByRole('button', { name: '부산으로 이동' }));
    expect(router.state.location.search).toBe('?view=map&bbox=35.05,128.95,35.25,129.2');
    await screen.findByRole('heading', { name: '이 지역의 러닝 1개' });
    expect(calls.at(-1)?.path).toBe('/api/runs?bbox=35.05,128.95,35.25,129.2&limit=200');
    const list = screen.getByRole('list', { name: '지도에 보이는 러닝' });
    expect(within(list).getByRole('link', { name: '광안리 해변 5K' })).toBeTruthy();
    expect(within(list).queryByRole('link', { name: '여의도 한강 10K' })).toBeNull();

    // A filter changed on the map keeps the map and its box.
    const regions = screen.getByRole('group', { name: '지역' });
    await events.click(within(regions).getByRole('checkbox', { name: '부산' }));
    expect(router.state.location.search).toBe('?region=busan&view=map&bbox=35.05,128.95,35.25,129.2');

    // A tapped pin shows its run's card on the map, with a link to the run.
    await events.click(screen.getByRole('button', { name: '핀 광안리 해변 5K' }));
    const chosen = screen.getByRole('region', { name: '선택한 러닝' });
    expect(within(chosen).getByRole('link', { name: '광안리 해변 5K' }).getAttribute('href')).toBe(
      `/runs/${busanRun.id}`,
    );
    expect(chosen.textContent).toContain('광안리 해수욕장');
    expect(document.activeElement).toBe(chosen);
    await events.click(within(chosen).getByRole('button', { name: '닫기' }));
    expect(screen.queryByRole('region', { name: '선택한 러닝' })).toBeNull();
  });

  it('opens on the box of a shared link', async () => {
    mockApi({ 'GET /api/runs*': () => page([busanRun]) });
    renderApp('/runs?view=map&bbox=35.05,128.95,35.25,129.2');
    const map = await screen.findByRole('region', { name: /러닝 지도/ });
    expect(JSON.parse(map.getAttribute('data-view') ?? '')).toEqual(BUSAN);
  });

  it('says when it is loading, when the area has no runs, and when loading failed (with a retry)', async () => {
    let answer: () => Response | Promise<Response> = () => new Promise<Response>(() => undefined);
    mockApi({ 'GET /api/runs*': () => answer() });
    const { events } = renderApp('/runs?view=map');
    expect(await screen.findByRole('heading', { name: '러닝을 찾는 중…' })).toBeTruthy();

    answer = () => jsonResponse(500, { code: 'INTERNAL', message: 'boom' });
    await events.click(screen.getByRole('button', { name: '부산으로 이동' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('러닝을 불러오지 못했어요.')).toBeTruthy();

    answer = () => page([]);
    const [retry] = screen.getAllByRole('button', { name: '다시 시도' });
    await events.click(retry as HTMLElement);
    expect(await screen.findByText('지도를 옮기거나 축소해 보세요. 필터를 바꿔 봐도 좋아요.')).toBeTruthy();
    expect(screen.getAllByText('이 지역에는 러닝이 없어요').length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { name: '이 지역의 러닝 0개' })).toBeTruthy();
  });
});
