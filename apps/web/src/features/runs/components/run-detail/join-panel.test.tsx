import type { Run } from '@erun/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../../test/api.ts';
import { HOST_ID, onboardedMe, RUN_ID, runFixture } from '../../../../test/fixtures.ts';
import { renderWithProviders } from '../../../../test/render.tsx';
import { JoinPanel } from './join-panel.tsx';

const me = onboardedMe();

function renderPanel(overrides: Partial<Run>, { signedIn = true, viewerId = me.id } = {}) {
  const run = runFixture(overrides);
  return renderWithProviders(<JoinPanel run={run} viewerId={signedIn ? viewerId : null} />, {
    user: signedIn ? me : undefined,
  });
}

const status = () => screen.getByRole('region', { name: '참여' }).querySelector('p')?.textContent;
const buttons = () => screen.queryAllByRole('button').map((b) => b.textContent);

describe('JoinPanel', () => {
  it('open: seats left and the deadline in Seoul time; joins', async () => {
    const { calls } = mockApi({
      [`POST /api/runs/${RUN_ID}/participants`]: () => jsonResponse(201, { status: 'joined' }),
    });
    const { events } = renderPanel({ participantCount: 7 });
    expect(status()).toBe('3자리 남았어요 · 신청 마감 12.05 (토) 06:00');
    await events.click(screen.getByRole('button', { name: '참여하기' }));
    expect(await screen.findByText('참여했어요! 그날 만나요.')).toBeTruthy();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /api/runs/${RUN_ID}/participants`]);
  });

  it('open, suspended: the join button is disabled and says why (issue 17)', () => {
    const { calls } = mockApi({});
    renderWithProviders(<JoinPanel run={runFixture({})} viewerId={me.id} restricted />, { user: me });
    const button = screen.getByRole('button', { name: '참여하기' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/이용이 제한된 계정이에요/)).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('open, signed out: a link to log in that comes back here', () => {
    mockApi({});
    renderPanel({}, { signedIn: false });
    expect(screen.getByRole('link', { name: '로그인하고 참여하기' }).getAttribute('href')).toBe(
      '/login?next=%2F',
    );
  });

  it('full: explains the waitlist and joins it', async () => {
    mockApi({
      [`POST /api/runs/${RUN_ID}/participants`]: () =>
        jsonResponse(201, { status: 'waitlisted', position: 2 }),
    });
    const { events } = renderPanel({ joinState: 'full', participantCount: 10 });
    expect(status()).toBe('정원이 찼어요 — 대기 신청하면 자리가 나면 자동으로 참여돼요');
    await events.click(screen.getByRole('button', { name: '대기 신청' }));
    expect(await screen.findByText('대기 2번째로 신청했어요. 자리가 나면 자동으로 참여돼요.')).toBeTruthy();
  });

  it('waitlisted: the place in the queue and a way out', () => {
    mockApi({});
    renderPanel({ joinState: 'full', myStatus: 'waitlisted', waitlistPosition: 2 });
    expect(status()).toBe('대기 2번째예요 — 자리가 나면 자동으로 참여돼요');
    expect(buttons()).toEqual(['대기 취소']);
  });

  it('joined: leaving asks first, then leaves', async () => {
    const { calls } = mockApi({
      [`DELETE /api/runs/${RUN_ID}/participants/me`]: () => new Response(null, { status: 204 }),
    });
    const { events } = renderPanel({ myStatus: 'joined', joinState: 'closed' });
    expect(status()).toBe('참여 중이에요 · 12.05 (토) 07:00 출발이에요');
    await events.click(screen.getByRole('button', { name: '참여 취소' }));
    const dialog = screen.getByRole('dialog', { name: '참여를 취소할까요?' });
    expect(dialog.textContent).toContain('내 자리는 대기 중인 다음 러너에게 넘어가요.');
    expect(calls).toHaveLength(0);
    await events.click(screen.getAllByRole('button', { name: '참여 취소' }).at(-1) as HTMLElement);
    expect(await screen.findByText('참여를 취소했어요.')).toBeTruthy();
    expect(calls.map((c) => c.method)).toEqual(['DELETE']);
  });

  it.each([
    [{ joinState: 'closed' }, '모집이 마감됐어요'],
    [{ joinState: 'started', myStatus: 'joined' }, '이미 시작한 러닝이에요'],
    [{ joinState: 'cancelled' }, '취소된 러닝이에요'],
  ] as const)('%o: says so and offers nothing', (overrides, text) => {
    mockApi({});
    renderPanel(overrides);
    expect(status()).toBe(text);
    expect(buttons()).toEqual([]);
  });

  it('host: their own run, no join button', () => {
    mockApi({});
    renderPanel({ participantCount: 7 }, { viewerId: HOST_ID });
    expect(status()).toBe('내가 만든 러닝이에요 · 3자리 남았어요 · 신청 마감 12.05 (토) 06:00');
  });

  it('removed by the host: says so, and offers no join', () => {
    mockApi({});
    renderPanel({ removedByHost: true, myStatus: null });
    expect(status()).toBe(
      '크루장이 이 러닝에서 나를 내보냈어요 — 다시 참여할 수 없어요. 다른 러닝을 찾아보세요.',
    );
    expect(buttons()).toEqual([]);
  });

  it('host of a full run: says it is full', () => {
    mockApi({});
    renderPanel({ participantCount: 10, joinState: 'full' }, { viewerId: HOST_ID });
    expect(status()).toBe('내가 만든 러닝이에요 · 정원이 찼어요');
    expect(buttons()).toEqual([]);
  });

  it('translates a refusal from the server', async () => {
    mockApi({
      [`POST /api/runs/${RUN_ID}/participants`]: () =>
        jsonResponse(409, { code: 'JOIN_CLOSED', message: 'Joining has closed' }),
    });
    const { events } = renderPanel({});
    await events.click(screen.getByRole('button', { name: '참여하기' }));
    expect(await screen.findByText('모집이 마감됐어요.')).toBeTruthy();
  });
});
