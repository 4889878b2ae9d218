import type { SavedSearch } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { SaveSearchButton } from './save-search-button.tsx';
import { SavedSearchesSettings } from './saved-searches-settings.tsx';

const LIST = 'GET /api/me/saved-searches';
const none: SavedSearch['filters'] = {
  region: [],
  theme: [],
  timeOfDay: [],
  distance: [],
  q: '',
  womenOnly: false,
};
const search = (id: string, filters: Partial<SavedSearch['filters']>): SavedSearch => ({
  id,
  filters: { ...none, ...filters },
  createdAt: '2026-12-01T09:00:00+09:00',
});
const A = search('0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', {
  region: ['seoul'],
  theme: ['riverside'],
  q: '한강',
});
const B = search('1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', { region: ['busan'] });

describe('"이 조건으로 알림 받기" on the runs list', () => {
  it('saves the filters of the list, then says they are saved', async () => {
    let items: SavedSearch[] = [];
    const { calls } = mockApi({
      [LIST]: () => jsonResponse(200, { items }),
      'POST /api/me/saved-searches': () => {
        items = [A];
        return jsonResponse(201, A);
      },
    });
    const { events } = renderWithProviders(
      <SaveSearchButton filters={{ ...none, region: ['seoul'], theme: ['riverside'], q: '한강' }} />,
      { user: onboardedMe() },
    );
    await events.click(await screen.findByRole('button', { name: '이 조건으로 알림 받기' }));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ filters: A.filters });
    expect(await screen.findByText('이 조건으로 알림을 받고 있어요.')).toBeTruthy();
  });

  it('asks for a condition first when none is chosen', async () => {
    mockApi({ [LIST]: () => jsonResponse(200, { items: [] }) });
    renderWithProviders(<SaveSearchButton filters={{ ...none }} />, { user: onboardedMe() });
    const button = await screen.findByRole('button', { name: '이 조건으로 알림 받기' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('지역, 테마, 시간대, 거리나 검색어를 하나 이상 골라 주세요.')).toBeTruthy();
  });

  it('says the cap when the server refuses an eleventh', async () => {
    mockApi({
      [LIST]: () => jsonResponse(200, { items: [] }),
      'POST /api/me/saved-searches': () =>
        jsonResponse(409, { code: 'SAVED_SEARCHES_FULL', message: 'At most 10 saved searches per user' }),
    });
    const { events } = renderWithProviders(<SaveSearchButton filters={{ ...none, region: ['jeju'] }} />, {
      user: onboardedMe(),
    });
    await events.click(await screen.findByRole('button', { name: '이 조건으로 알림 받기' }));
    expect(await screen.findByText(/저장한 검색 조건은 10개까지예요/)).toBeTruthy();
  });
});

describe('saved searches on /me/settings', () => {
  it('lists them in words and deletes one', async () => {
    let items = [A, B];
    const { calls } = mockApi({
      [LIST]: () => jsonResponse(200, { items }),
      [`DELETE /api/me/saved-searches/${A.id}`]: () => {
        items = [B];
        return new Response(null, { status: 204 });
      },
    });
    const { events } = renderWithProviders(<SavedSearchesSettings />, { user: onboardedMe() });
    const list = await screen.findByRole('list', { name: '알림 받는 검색 조건' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((r) => r.firstChild?.textContent),
    ).toEqual(['서울 · 강변 · ‘한강’', '부산']);
    await events.click(screen.getByRole('button', { name: '검색 조건 삭제: 서울 · 강변 · ‘한강’' }));
    expect(await screen.findByText('검색 조건을 지웠어요.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      `/api/me/saved-searches/${A.id}`,
    ]);
    await screen.findByRole('button', { name: '검색 조건 삭제: 부산' });
  });

  it('says so when there are none', async () => {
    mockApi({ [LIST]: () => jsonResponse(200, { items: [] }) });
    renderWithProviders(<SavedSearchesSettings />, { user: onboardedMe() });
    expect(await screen.findByText(/저장한 검색 조건이 없어요/)).toBeTruthy();
  });
});
