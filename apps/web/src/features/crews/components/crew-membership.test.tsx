import type { MyCrewMembership } from '@erun/contracts';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { realtime } from '../../../lib/realtime.ts';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe } from '../../../test/fixtures.ts';
import { fakeSockets, realtimeChecks } from '../../../test/realtime.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { CrewMembership } from './crew-membership.tsx';

const CREW_ID = '5c1f0c7e-4a1b-4c2d-9e3f-0a1b2c3d4e5f';
const me = onboardedMe();
const crew = { id: CREW_ID, name: '반포 달빛러너스', joinPolicy: 'open' as const, questions: [] as string[] };

function membership(overrides: Partial<MyCrewMembership> = {}, policy = crew.joinPolicy as string) {
  return {
    crew: {
      ...crew,
      joinPolicy: policy,
      questions: overrides.crew?.questions ?? [],
      autoMemberAfter: null,
      memberCount: 12,
    },
    status: null,
    role: null,
    attendedRuns: 0,
    runsToMember: null,
    pendingCount: null,
    ...overrides,
  } as MyCrewMembership;
}

function renderFor(
  mine: MyCrewMembership,
  props: { joinPolicy?: 'open' | 'approval' | 'invite'; questions?: string[]; invite?: string } = {},
  handlers: Parameters<typeof mockApi>[0] = {},
) {
  const api = mockApi({
    [`GET /api/crews/${CREW_ID}/members/me`]: () => jsonResponse(200, mine),
    ...handlers,
  });
  const view = renderWithProviders(
    <CrewMembership
      crew={{ ...crew, joinPolicy: props.joinPolicy ?? 'open', questions: props.questions ?? [] }}
      invite={props.invite}
    />,
    { user: me },
  );
  return { ...api, ...view };
}

const status = async () =>
  (await screen.findByRole('region', { name: '크루 가입' })).querySelector('p strong')?.textContent;

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('CrewMembership', () => {
  it('signed out: a way to log in that comes back', () => {
    mockApi({});
    renderWithProviders(<CrewMembership crew={crew} />);
    expect(screen.getByRole('link', { name: '로그인하고 가입하기' }).getAttribute('href')).toBe(
      '/login?next=%2F',
    );
  });

  it('open crew: 가입하기 joins at once', async () => {
    const { events, calls } = renderFor(
      membership(),
      {},
      {
        [`POST /api/crews/${CREW_ID}/members`]: () => jsonResponse(201, { status: 'member' }),
      },
    );
    expect(await screen.findByRole('button', { name: '가입하기' })).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '가입하기' }));
    expect(await screen.findByText('‘반포 달빛러너스’ 크루원이 되었어요. 환영해요!')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({});
  });

  it('approval crew: 가입 신청 asks the questions, each required, then sends the answers', async () => {
    const questions = ['평소 페이스는?', '러닝 경력은?'];
    const { events, calls } = renderFor(
      membership({}, 'approval'),
      { joinPolicy: 'approval', questions },
      {
        [`POST /api/crews/${CREW_ID}/members`]: () => jsonResponse(201, { status: 'pending' }),
      },
    );
    await events.click(await screen.findByRole('button', { name: '가입 신청' }));
    const dialog = screen.getByRole('dialog', { name: '‘반포 달빛러너스’ 가입 신청' });
    await events.type(screen.getByRole('textbox', { name: /평소 페이스는\?/ }), '6분 30초');
    const submit = () => events.click(dialog.querySelector('button[type="submit"]') as HTMLElement);
    await submit();
    expect(screen.getByText('답변을 입력해 주세요.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await events.type(screen.getByRole('textbox', { name: /러닝 경력은\?/ }), '1년');
    await submit();
    expect(await screen.findByText('가입을 신청했어요. 운영진이 확인하면 알려 드릴게요.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ answers: ['6분 30초', '1년'] });
  });

  it.each([
    [
      membership({ status: 'pending' }, 'approval'),
      { joinPolicy: 'approval' as const },
      '승인 대기 중',
      ['신청 취소'],
    ],
    [membership({}, 'invite'), { joinPolicy: 'invite' as const }, '초대 링크로만 가입할 수 있어요', []],
    [membership({ status: 'banned' }), {}, '가입할 수 없어요', []],
    [membership({ status: 'member', role: 'member' }), {}, '크루원', ['크루원 ⋯']],
    [
      membership({}, 'invite'),
      { joinPolicy: 'invite' as const, invite: 'secret' },
      '초대받은 크루예요',
      ['가입하기'],
    ],
  ])('%#: explains its state and offers only what fits', async (mine, props, title, buttons) => {
    renderFor(mine, props);
    await screen.findByText(title);
    expect(await status()).toBe(title);
    expect(screen.queryAllByRole('button').map((b) => b.textContent)).toEqual(buttons);
  });

  it('a guest sees how many runs remain to membership', async () => {
    renderFor(
      membership({
        crew: { ...crew, autoMemberAfter: 5, memberCount: 12 },
        attendedRuns: 3,
        runsToMember: 2,
      }),
    );
    expect(await screen.findByText('정회원까지 2회')).toBeTruthy();
  });

  it('staff: a link to member management with the pending count', async () => {
    renderFor(membership({ status: 'member', role: 'staff', pendingCount: 3 }));
    const link = await screen.findByRole('link', { name: '크루원 관리 · 가입 신청 3건' });
    expect(link.getAttribute('href')).toBe(`/crews/${CREW_ID}/members`);
  });

  it('approved while the page is open: turns into a member without a reload', async () => {
    let mine = membership({ status: 'pending' }, 'approval');
    mockApi({ [`GET /api/crews/${CREW_ID}/members/me`]: () => jsonResponse(200, mine) });
    renderWithProviders(<CrewMembership crew={{ ...crew, joinPolicy: 'approval' }} />, { user: me });
    const sockets = fakeSockets();
    stop = realtime.start(sockets.factory, realtimeChecks);
    expect(await screen.findByText('승인 대기 중')).toBeTruthy();
    mine = membership({ status: 'member', role: 'member' }, 'approval');
    act(() => sockets.last()?.serverEmit('crew:membership', { crewId: CREW_ID }));
    expect(await screen.findByText('크루원')).toBeTruthy();
  });
});
