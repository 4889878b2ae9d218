import type { SeriesPage } from '@erun/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { HOST_ID, onboardedMe } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/render.tsx';

const SERIES_ID = '7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a';
const host = onboardedMe({ id: HOST_ID, nickname: '한강크루장' });

function seriesPage(womenOnly: boolean): SeriesPage {
  return {
    series: {
      id: SERIES_ID,
      host: { id: HOST_ID, nickname: '한강크루장', avatar: null },
      crewId: null,
      crew: null,
      schedule: {
        freq: 'weekly',
        interval: 1,
        byDay: ['TU'],
        setPos: null,
        time: '19:30',
        from: '2026-12-08',
        until: null,
        count: null,
      },
      template: {
        title: '화요일 저녁 반포',
        description: '',
        placeName: '반포 한강공원',
        capacity: 10,
        theme: 'river',
        region: 'seoul',
        paceSecPerKm: null,
        durationMinutes: 60,
        visibility: 'public',
        womenOnly,
        paceGroups: [],
      },
      ended: false,
      endedAt: null,
      canManage: true,
      createdAt: '2026-12-01T10:00:00+09:00',
    },
    upcoming: [],
  };
}

describe('여성 전용 정기런 (series page)', () => {
  it('is labelled, and "이후 일정 수정" turns 여성 전용 on with the run form’s words', async () => {
    let page = seriesPage(false);
    const { calls } = mockApi({
      [`GET /api/series/${SERIES_ID}`]: () => jsonResponse(200, page),
      [`PATCH /api/series/${SERIES_ID}`]: () => {
        page = seriesPage(true);
        return jsonResponse(200, page);
      },
    });
    const { events } = renderApp(`/series/${SERIES_ID}`, { user: host });
    expect(await screen.findByRole('heading', { name: '화요일 저녁 반포' })).toBeTruthy();
    expect(screen.queryByText('여성 전용')).toBeNull();

    await events.click(screen.getByRole('button', { name: '이후 일정 수정' }));
    const dialog = await screen.findByRole('dialog');
    const box = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: '여성 전용' });
    expect(box.checked).toBe(false);
    await events.click(box);
    await events.click(within(dialog).getByRole('button', { name: '이후 일정 바꾸기' }));

    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toBeTruthy());
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toMatchObject({ changes: { womenOnly: true } });
    expect(await screen.findByText('여성 전용')).toBeTruthy();
  });

  it('leaves 여성 전용 out of the changes when it was not touched', async () => {
    const { calls } = mockApi({
      [`GET /api/series/${SERIES_ID}`]: () => jsonResponse(200, seriesPage(true)),
      [`PATCH /api/series/${SERIES_ID}`]: () => jsonResponse(200, seriesPage(true)),
    });
    const { events } = renderApp(`/series/${SERIES_ID}`, { user: host });
    expect(await screen.findByText('여성 전용')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '이후 일정 수정' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: '여성 전용' }).checked).toBe(true);
    await events.click(within(dialog).getByRole('button', { name: '이후 일정 바꾸기' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({ changes: {} });
    expect((calls.find((c) => c.method === 'PATCH')?.body as { changes: object }).changes).not.toHaveProperty(
      'womenOnly',
    );
  });
});
