import type { CrewMember, MyCrewMembership } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { onboardedMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

const CREW_ID = '5c1f0c7e-4a1b-4c2d-9e3f-0a1b2c3d4e5f';
const me = onboardedMe();

const mine = (role: 'owner' | 'staff' | 'member'): MyCrewMembership => ({
  crew: {
    id: CREW_ID,
    name: '반포 달빛러너스',
    joinPolicy: 'approval',
    questions: ['평소 페이스는?'],
    autoMemberAfter: null,
    memberCount: 2,
  },
  status: 'member',
  role,
  attendedRuns: 0,
  runsToMember: null,
  pendingCount: role === 'member' ? null : 1,
});

function person(id: string, nickname: string, extra: Partial<CrewMember> = {}): CrewMember {
  return {
    user: { id, nickname, bio: '', runningLevel: null, avatar: null, goodRunnerScore: 50 },
    role: 'member',
    status: 'member',
    answers: null,
    reason: null,
    joinedAt: '2026-11-01T10:00:00.000Z',
    ...extra,
  };
}

const applicant = person('7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a', '초보러너', {
  status: 'pending',
  answers: ['6분 30초'],
});
const page = (items: CrewMember[]) => jsonResponse(200, { items, nextCursor: null });
const common = {
  'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
};

describe('/crews/:crewId/members', () => {
  it('staff: the requests tab shows the answers and approves', async () => {
    const { calls } = mockApi({
      ...common,
      [`GET /api/crews/${CREW_ID}/members/me`]: () => jsonResponse(200, mine('staff')),
      [`GET /api/crews/${CREW_ID}/members?status=pending*`]: () => page([applicant]),
      [`GET /api/crews/${CREW_ID}/members?status=member*`]: () =>
        page([person(me.id, me.nickname, { role: 'staff' })]),
      [`PATCH /api/crews/${CREW_ID}/members/${applicant.user.id}`]: () =>
        jsonResponse(200, { ...applicant, status: 'member' }),
    });
    const { events } = renderApp(`/crews/${CREW_ID}/members?tab=pending`, { user: me });
    const panel = await screen.findByRole('tabpanel');
    expect(await within(panel).findByText('6분 30초')).toBeTruthy();
    expect(within(panel).getByText('평소 페이스는?')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '가입 신청 1' }).getAttribute('aria-selected')).toBe('true');
    await events.click(within(panel).getByRole('button', { name: '승인' }));
    expect(await screen.findByText('가입을 승인했어요.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'member' });
  });

  it('a member sees the members with roles, no tabs and no actions', async () => {
    mockApi({
      ...common,
      [`GET /api/crews/${CREW_ID}/members/me`]: () => jsonResponse(200, mine('member')),
      [`GET /api/crews/${CREW_ID}/members?status=member*`]: () =>
        page([
          person('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', '달빛크루장', { role: 'owner' }),
          person(me.id, me.nickname),
        ]),
    });
    renderApp(`/crews/${CREW_ID}/members?tab=pending`, { user: me });
    expect(await screen.findByText('달빛크루장')).toBeTruthy();
    expect(screen.getByText('크루장')).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.queryByRole('button', { name: '내보내기' })).toBeNull();
  });
});
