import type { CrewSummary } from '@erun/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { runFixture } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

/** Crews found by the runs page's keyword: a "크루" section above the runs, with a link to the rest. */

function crew(n: number, overrides: Partial<CrewSummary> = {}): CrewSummary {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `달빛러너스 ${n}`,
    regions: ['seoul'],
    homeSpot: { name: '반포한강공원', lat: 37.5104, lng: 126.9961 },
    days: ['TU', 'TH'],
    time: '19:30',
    paceRange: { min: 330, max: 420 },
    level: '초보 환영',
    beginnerFriendly: true,
    joinPolicy: 'open',
    logo: null,
    memberCount: 20 + n,
    runsLast30Days: 4,
    viewer: { status: null, role: null },
    womenOnly: false,
    ...overrides,
  };
}

const page =
  (items: unknown[], nextCursor: string | null = null) =>
  () =>
    jsonResponse(200, { items, nextCursor });
const runsPage = page([runFixture()]);
const crewsSection = () => screen.queryByRole('region', { name: '크루' });

describe('/runs?q=: crews in the search results', () => {
  it('shows up to three matching crews above the runs, and links to the rest on /crews', async () => {
    const logo = {
      id: '00000000-0000-4000-8000-0000000000aa',
      urls: { small: '/logo-s.webp', medium: '/logo-m.webp', large: '/logo-l.webp' },
    };
    const found = [
      crew(1, { name: '반포 달빛러너스', logo, memberCount: 24 }),
      crew(2),
      crew(3),
      crew(4),
      crew(5),
    ];
    const { calls } = mockApi({ 'GET /api/runs*': runsPage, 'GET /api/crews*': page(found) });
    const { events, router } = renderApp(`/runs?q=${encodeURIComponent('달빛')}&region=seoul,busan`);

    const section = await screen.findByRole('region', { name: '크루' });
    expect(within(section).getByRole('heading', { level: 2, name: '크루' })).toBeTruthy();
    const list = within(section).getByRole('list', { name: '크루' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    const first = items[0] as HTMLElement;
    const link = within(first).getByRole('link', { name: '반포 달빛러너스' });
    expect(link.getAttribute('href')).toBe('/crews/00000000-0000-4000-8000-000000000001');
    expect(within(first).getByRole('heading', { level: 3, name: '반포 달빛러너스' })).toBeTruthy();
    for (const part of ['서울', '크루원 24명', '매주 화·목 19:30']) expect(first.textContent).toContain(part);
    expect(first.querySelector('img')?.getAttribute('src')).toBe('/logo-s.webp');
    // The runs are still there, after the crews.
    const run = await screen.findByRole('link', { name: '토요일 아침 한강 10K' });
    expect(section.compareDocumentPosition(run) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // The keyword and the regions are passed on to the crew search and to /crews.
    expect(calls.map((c) => c.path)).toContain(
      `/api/crews?q=${encodeURIComponent('달빛')}&region=seoul,busan&limit=20`,
    );
    const more = within(section).getByRole('link', { name: '크루 2개 더 보기' });
    expect(more.getAttribute('href')).toBe(`/crews?region=seoul,busan&q=${encodeURIComponent('달빛')}`);

    await events.click(more);
    expect(router.state.location.pathname).toBe('/crews');
    expect(await screen.findByRole('searchbox', { name: '크루 이름으로 찾기' })).toHaveProperty(
      'value',
      '달빛',
    );
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(
        `/api/crews?region=seoul,busan&q=${encodeURIComponent('달빛')}&limit=20`,
      ),
    );
  });

  it('says "or more" when the crew search has further pages', async () => {
    const many = Array.from({ length: 20 }, (_, i) => crew(i + 1));
    mockApi({ 'GET /api/runs*': runsPage, 'GET /api/crews*': page(many, 'next') });
    renderApp('/runs?q=run');
    const section = await screen.findByRole('region', { name: '크루' });
    expect(within(section).getByRole('link', { name: '크루 17개 이상 더 보기' })).toBeTruthy();
  });

  it('shows the crews without a "more" link when three or fewer match', async () => {
    mockApi({ 'GET /api/runs*': runsPage, 'GET /api/crews*': page([crew(1), crew(2)]) });
    renderApp('/runs?q=run');
    const section = await screen.findByRole('region', { name: '크루' });
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
    expect(within(section).queryByRole('link', { name: /더 보기/ })).toBeNull();
  });

  it('asks nothing of the crews and shows no section without a keyword', async () => {
    const { calls } = mockApi({ 'GET /api/runs*': runsPage, 'GET /api/crews*': page([crew(1)]) });
    renderApp('/runs?region=seoul');
    await screen.findByRole('link', { name: '토요일 아침 한강 10K' });
    expect(crewsSection()).toBeNull();
    expect(calls.some((c) => c.path.startsWith('/api/crews'))).toBe(false);
  });

  it('shows no section when no crew matches', async () => {
    const { calls } = mockApi({ 'GET /api/runs*': runsPage, 'GET /api/crews*': page([]) });
    renderApp('/runs?q=zzz');
    await screen.findByRole('link', { name: '토요일 아침 한강 10K' });
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/api/crews?q=zzz'))).toBe(true));
    expect(crewsSection()).toBeNull();
  });

  it('keeps the runs when the crew search fails', async () => {
    const { calls } = mockApi({
      'GET /api/runs*': runsPage,
      'GET /api/crews*': () => jsonResponse(500, { code: 'INTERNAL', message: 'boom' }),
    });
    renderApp('/runs?q=run');
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/api/crews?q=run'))).toBe(true));
    expect(await screen.findByRole('link', { name: '토요일 아침 한강 10K' })).toBeTruthy();
    expect(crewsSection()).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('searches crews for a keyword typed on the page', async () => {
    const { calls } = mockApi({ 'GET /api/runs*': runsPage, 'GET /api/crews*': page([crew(1)]) });
    const { events } = renderApp('/runs');
    await screen.findByRole('link', { name: '토요일 아침 한강 10K' });
    await events.type(screen.getByRole('searchbox'), '달빛');
    await events.click(screen.getByRole('button', { name: '검색' }));
    const section = await screen.findByRole('region', { name: '크루' });
    expect(within(section).getByRole('link', { name: '달빛러너스 1' })).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain(`/api/crews?q=${encodeURIComponent('달빛')}&limit=20`);
  });
});
