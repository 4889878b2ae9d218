import type { Announcement, Crew, CrewViewer, MyCrewMembership } from '@erun/contracts';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { realtime } from '../../lib/realtime.ts';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { HOST_ID, onboardedMe } from '../../test/fixtures.ts';
import { fakeSockets, realtimeChecks } from '../../test/realtime.ts';
import { renderApp } from '../../test/render.tsx';

const me = onboardedMe();
const CREW_ID = '6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d';
const owner = {
  id: HOST_ID,
  nickname: '크루장',
  bio: '',
  runningLevel: null,
  avatar: null,
  goodRunnerScore: 0,
};

function crewOf(viewer: CrewViewer): Crew {
  return {
    id: CREW_ID,
    name: '반포 달빛러너스',
    regions: ['seoul'],
    homeSpot: { name: '반포한강공원 달빛광장', lat: 37.5104, lng: 126.9961 },
    days: ['TU', 'TH'],
    time: '19:30',
    paceRange: null,
    level: '초보 환영',
    womenOnly: false,
    beginnerFriendly: true,
    joinPolicy: 'approval',
    logo: null,
    memberCount: 12,
    runsLast30Days: 4,
    viewer,
    description: '매주 화요일과 목요일 저녁에 달려요.',
    cover: null,
    questions: [],
    autoMemberAfter: null,
    owner,
    staff: [],
    stats: { runsThisMonth: 3, kmThisMonth: 120 },
    createdAt: '2026-11-01T10:00:00.000Z',
  };
}

const pinned: Announcement = {
  id: '00000000-0000-4000-8000-0000000000a1',
  crewId: CREW_ID,
  crewName: '반포 달빛러너스',
  author: owner,
  title: '12월 정기런 안내',
  content: '화·목 19:30 달빛광장',
  pinned: true,
  commentCount: 0,
  canEdit: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

function mine(status: 'pending' | 'member'): MyCrewMembership {
  return {
    crew: {
      id: CREW_ID,
      name: '반포 달빛러너스',
      joinPolicy: 'approval',
      questions: [],
      autoMemberAfter: null,
      memberCount: 12,
    },
    status,
    role: status === 'member' ? 'member' : null,
    attendedRuns: 0,
    runsToMember: null,
    pendingCount: null,
  };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

/** The app's query client keeps data fresh for 30 s (lib/query-client.ts); the test's does too. */
function renderPage() {
  const view = renderApp(`/crews/${CREW_ID}`, { user: me });
  view.queryClient.setDefaultOptions({
    queries: { ...view.queryClient.getDefaultOptions().queries, staleTime: 30_000 },
  });
  const sockets = fakeSockets();
  stop = realtime.start(sockets.factory, realtimeChecks);
  return sockets;
}

describe('/crews/:crewId', () => {
  it('approved while on the page: the pinned announcements, members only, appear without a reload', async () => {
    let member = false;
    const { calls } = mockApi({
      [`GET /api/crews/${CREW_ID}`]: () =>
        jsonResponse(
          200,
          crewOf(member ? { status: 'member', role: 'member' } : { status: 'pending', role: null }),
        ),
      [`GET /api/crews/${CREW_ID}/members/me`]: () => jsonResponse(200, mine(member ? 'member' : 'pending')),
      [`GET /api/crews/${CREW_ID}/announcements*`]: () =>
        member
          ? jsonResponse(200, { items: [pinned], nextCursor: null, canWrite: false })
          : jsonResponse(403, { code: 'NOT_CREW_MEMBER', message: 'members only' }),
      'GET /api/runs*': () => jsonResponse(200, { items: [], nextCursor: null }),
      'GET /api/me/chats': () => jsonResponse(200, { items: [], unreadCount: 0 }),
      'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
    });
    const sockets = renderPage();
    expect(await screen.findByText(/공지는 크루원에게만 보여요/)).toBeTruthy();
    // The membership panel is listening once it has asked for the reader's membership.
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('/members/me'))).toBe(true));

    member = true;
    act(() => sockets.last()?.serverEmit('crew:membership', { crewId: CREW_ID }));
    expect(await screen.findByText('12월 정기런 안내')).toBeTruthy();
    expect(screen.queryByText(/공지는 크루원에게만 보여요/)).toBeNull();
  });

  it('removed while on the page: the announcements go at once, not when the cache ages', async () => {
    let member = true;
    mockApi({
      [`GET /api/crews/${CREW_ID}`]: () =>
        jsonResponse(
          200,
          crewOf(member ? { status: 'member', role: 'member' } : { status: null, role: null }),
        ),
      [`GET /api/crews/${CREW_ID}/members/me`]: () =>
        jsonResponse(200, member ? mine('member') : { ...mine('member'), status: null, role: null }),
      [`GET /api/crews/${CREW_ID}/announcements*`]: () =>
        member
          ? jsonResponse(200, { items: [pinned], nextCursor: null, canWrite: false })
          : jsonResponse(403, { code: 'NOT_CREW_MEMBER', message: 'members only' }),
      'GET /api/runs*': () => jsonResponse(200, { items: [], nextCursor: null }),
      'GET /api/me/chats': () => jsonResponse(200, { items: [], unreadCount: 0 }),
      'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
    });
    const sockets = renderPage();
    expect(await screen.findByText('12월 정기런 안내')).toBeTruthy();

    member = false;
    act(() => sockets.last()?.serverEmit('crew:membership', { crewId: CREW_ID }));
    expect(await screen.findByText(/공지는 크루원에게만 보여요/)).toBeTruthy();
    expect(screen.queryByText('12월 정기런 안내')).toBeNull();
  });
});
