import type { Announcement } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { HOST_ID, onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { CrewAnnouncements } from './crew-announcements.tsx';

const CREW_ID = '7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9';
const LIST = `GET /api/crews/${CREW_ID}/announcements?limit=4`;
const me = onboardedMe();

let n = 0;
function announcement(overrides: Partial<Announcement> = {}): Announcement {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    crewId: CREW_ID,
    crewName: '반포런',
    author: {
      id: HOST_ID,
      nickname: '크루장',
      bio: '',
      runningLevel: null,
      avatar: null,
      goodRunnerScore: 0,
    },
    title: `공지 ${n}`,
    content: '내용',
    pinned: false,
    commentCount: 0,
    canEdit: false,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

const render = (canWrite: boolean, member = true) =>
  renderWithProviders(<CrewAnnouncements crewId={CREW_ID} canWrite={canWrite} member={member} />, {
    user: me,
  });

describe('CrewAnnouncements', () => {
  it('shows pinned ones first with a pin and "공지", links to all, and 공지 쓰기 for staff only', async () => {
    const items = [
      announcement({ title: '정기런 안내', pinned: true, commentCount: 2 }),
      announcement({ title: '송년런 신청' }),
    ];
    mockApi({ [LIST]: () => jsonResponse(200, { items, nextCursor: null, canWrite: true }) });
    render(true);

    const list = await screen.findByRole('list', { name: '공지' });
    const rows = within(list).getAllByRole('link');
    expect(rows.map((r) => r.getAttribute('href'))).toEqual(items.map((a) => `/announcements/${a.id}`));
    expect(rows[0]?.textContent).toContain('공지정기런 안내');
    expect(rows[0]?.textContent).toContain('댓글 2');
    expect(rows[1]?.textContent).not.toContain('공지송년런');
    expect(screen.getByRole('link', { name: '공지 모두 보기' }).getAttribute('href')).toBe(
      `/crews/${CREW_ID}/announcements`,
    );
    expect(screen.getByRole('link', { name: '공지 쓰기' }).getAttribute('href')).toBe(
      `/crews/${CREW_ID}/announcements/new`,
    );
    expect(screen.getByRole('button', { name: /캘린더에 추가/ })).toBeTruthy();
  });

  it('hides 공지 쓰기 from members and says when the viewer is not one', async () => {
    mockApi({
      [LIST]: () => jsonResponse(403, { code: 'NOT_CREW_MEMBER', message: 'members only' }),
    });
    render(false);
    expect(await screen.findByText(/공지는 크루원에게만 보여요/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: '공지 쓰기' })).toBeNull();
    expect(screen.queryByRole('button', { name: /캘린더에 추가/ })).toBeNull();
  });

  it('does not ask for a guest or an outsider, who may not read them (no failed request on a public page)', async () => {
    const { calls } = mockApi({});
    render(false, false);
    expect(await screen.findByText(/공지는 크루원에게만 보여요/)).toBeTruthy();
    expect(calls.filter((call) => call.path.includes('/announcements'))).toEqual([]);
  });

  it('offers the crew feed to copy or open as webcal', async () => {
    mockApi({
      [LIST]: () => jsonResponse(200, { items: [], nextCursor: null, canWrite: false }),
      [`GET /api/crews/${CREW_ID}/calendar`]: () =>
        jsonResponse(200, {
          url: 'https://erun.example/api/calendar/crews/abcdefghijklmnopqrstuvwxyz012345.ics',
        }),
    });
    const { events } = render(false);
    expect(await screen.findByText('아직 올라온 공지가 없어요.')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: /캘린더에 추가/ }));
    const open = await screen.findByRole('link', { name: '캘린더 앱에서 열기' });
    expect(open.getAttribute('href')).toBe(
      'webcal://erun.example/api/calendar/crews/abcdefghijklmnopqrstuvwxyz012345.ics',
    );
    expect(screen.queryByRole('button', { name: '주소 새로 만들기' })).toBeNull();
  });
});
