import type { Run } from '@erun/contracts';
import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../../lib/i18n.ts';
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

/** The test's "now" (the fixture's run starts 12.05 07:00, joining closes 06:00). */
function nowIs(iso: string, fake: ('Date' | 'setTimeout' | 'clearTimeout')[] = ['Date']) {
  vi.useFakeTimers({ toFake: fake });
  vi.setSystemTime(new Date(iso));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('JoinPanel', () => {
  // Days ahead of the run: a freed seat goes to the waitlist at once.
  beforeEach(() => nowIs('2026-12-01T12:00:00+09:00'));

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

describe('JoinPanel within 24 h of the start (issue 17: a freed seat is offered, to confirm in 30 minutes)', () => {
  const OFFERED_FULL = '정원이 찼어요 — 대기 신청하면 자리가 날 때 알려드려요. 30분 안에 확정하면 참여돼요';
  const OFFERED_WAITING = '대기 2번째예요 — 자리가 나면 알려드려요. 30분 안에 확정하면 참여돼요';

  it('full: says a seat will be offered to confirm, not given; so does the note after joining the waitlist', async () => {
    nowIs('2026-12-04T20:00:00+09:00');
    mockApi({
      [`POST /api/runs/${RUN_ID}/participants`]: () =>
        jsonResponse(201, { status: 'waitlisted', position: 2 }),
    });
    const { events } = renderPanel({ joinState: 'full', participantCount: 10 });
    expect(status()).toBe(OFFERED_FULL);
    expect(status()).not.toContain('자동으로');
    await events.click(screen.getByRole('button', { name: '대기 신청' }));
    expect(
      await screen.findByText('대기 2번째로 신청했어요. 자리가 나면 알려드릴게요 — 30분 안에 확정하세요.'),
    ).toBeTruthy();
  });

  it('waitlisted: the place in the queue, and that an offered seat must be confirmed', () => {
    nowIs('2026-12-04T20:00:00+09:00');
    mockApi({});
    renderPanel({ joinState: 'full', myStatus: 'waitlisted', waitlistPosition: 2 });
    expect(status()).toBe(OFFERED_WAITING);
    expect(buttons()).toEqual(['대기 취소']);
  });

  it('in English too', async () => {
    nowIs('2026-12-04T20:00:00+09:00');
    mockApi({});
    await i18n.changeLanguage('en');
    try {
      renderPanel({ joinState: 'full', myStatus: 'waitlisted', waitlistPosition: 2 });
      expect(screen.getByRole('region', { name: 'Join' }).querySelector('p')?.textContent).toBe(
        "You're number 2 on the waitlist — We'll tell you when a seat opens up; confirm it within 30 minutes to get it",
      );
    } finally {
      await i18n.changeLanguage('ko');
    }
  });

  it('a seat offered to the caller: the panel says so and confirms it (no 대기 취소 beside it)', async () => {
    nowIs('2026-12-04T20:00:00+09:00');
    const { calls } = mockApi({
      [`POST /api/runs/${RUN_ID}/seat-offer/claim`]: () => jsonResponse(200, { status: 'joined' }),
    });
    const { events } = renderPanel({
      joinState: 'full',
      myStatus: 'waitlisted',
      waitlistPosition: 1,
      myOffer: { status: 'open', expiresAt: '2026-12-04T20:30:00+09:00' },
    });
    expect(status()).toBe('자리가 났어요 — 20:30까지 확정하면 참여돼요');
    expect(buttons()).toEqual(['참여 확정']);
    await events.click(screen.getByRole('button', { name: '참여 확정' }));
    expect(await screen.findByText('참여가 확정됐어요. 러닝에서 만나요!')).toBeTruthy();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toContain(`POST /api/runs/${RUN_ID}/seat-offer/claim`);
  });

  it('an offer past its window reads as the waitlist again, before the page hears from the server', () => {
    nowIs('2026-12-04T20:31:00+09:00');
    mockApi({});
    renderPanel({
      joinState: 'full',
      myStatus: 'waitlisted',
      waitlistPosition: 1,
      myOffer: { status: 'open', expiresAt: '2026-12-04T20:30:00+09:00' },
    });
    expect(status()).toBe('대기 1번째예요 — 자리가 나면 알려드려요. 30분 안에 확정하면 참여돼요');
    expect(buttons()).toEqual(['대기 취소']);
  });

  it('after the join deadline a freed seat is given at once again, and the panel says so', () => {
    nowIs('2026-12-05T06:30:00+09:00');
    mockApi({});
    renderPanel({ joinState: 'closed', myStatus: 'waitlisted', waitlistPosition: 2 });
    expect(status()).toBe('대기 2번째예요 — 자리가 나면 자동으로 참여돼요');
  });

  it('an open page changes its words when the 24 hours begin', () => {
    nowIs('2026-12-04T06:59:58+09:00', ['Date', 'setTimeout', 'clearTimeout']);
    mockApi({});
    renderPanel({ joinState: 'full', myStatus: 'waitlisted', waitlistPosition: 2 });
    expect(status()).toBe('대기 2번째예요 — 자리가 나면 자동으로 참여돼요');
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(status()).toBe(OFFERED_WAITING);
  });
});
