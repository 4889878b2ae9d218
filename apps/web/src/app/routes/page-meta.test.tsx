import { act, cleanup, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { COURSE_ID, courseFixture, RUN_ID, runFixture } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

// Leaflet is exercised in the browser journeys; here the page's head is under test.
vi.mock('../../components/map/lazy.tsx', () => ({ RouteMap: () => null, RouteEditor: () => null }));

const description = () =>
  document.head.querySelector<HTMLMetaElement>('meta[name="description"]')?.content ?? null;
const empty = () => jsonResponse(200, { items: [], nextCursor: null });

describe('title and meta description (issue 19)', () => {
  it('each list page has its own title and description', async () => {
    mockApi({ 'GET /api/*': empty });
    const seen = new Map<string, { title: string; description: string | null }>();
    for (const path of ['/', '/runs', '/courses', '/crews']) {
      renderApp(path);
      await waitFor(() => expect(description()).not.toMatch(/함께 뛰면 즐거움이 두배! 우리 동네/));
      seen.set(path, { title: document.title, description: description() });
      cleanup();
    }
    const values = [...seen.values()];
    expect(new Set(values.map((v) => v.title)).size).toBe(4);
    expect(new Set(values.map((v) => v.description)).size).toBe(4);
    expect(seen.get('/runs')?.title).toBe('그룹 러닝 · 이RUN 저RUN');
  });

  it("a run's and a course's page describe the item, and leaving one puts the page's description back", async () => {
    mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, runFixture()),
      [`GET /api/courses/${COURSE_ID}`]: () => jsonResponse(200, courseFixture()),
      'GET /api/*': empty,
    });
    const { router } = renderApp(`/runs/${RUN_ID}`);
    const run = runFixture();
    await waitFor(() => expect(description()).toContain(run.meetingPlace.name));
    expect(description()).toContain(`${run.participantCount}/${run.capacity}명`);
    expect(document.title).toBe(`${run.title} · 이RUN 저RUN`);

    await act(() => router.navigate(`/courses/${COURSE_ID}`));
    await waitFor(() =>
      expect(description()).toBe(
        '12km · 약 72분 · 반포한강공원 달빛광장 출발 · ★ 4.3 (4명) — 이RUN 저RUN 추천 러닝 코스',
      ),
    );

    await act(() => router.navigate('/terms'));
    await waitFor(() => expect(description()).not.toContain('12km'));
  });
});
