import type { Run } from '@erun/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../../test/api.ts';
import { onboardedMe, RUN_ID, runFixture } from '../../../../test/fixtures.ts';
import { renderWithProviders } from '../../../../test/render.tsx';
import { SeatOfferNotice } from './seat-offer-notice.tsx';

const me = onboardedMe();

function renderNotice(myOffer: Run['myOffer']) {
  const run = runFixture({ joinState: 'full', myStatus: 'waitlisted', waitlistPosition: 1, myOffer });
  return renderWithProviders(<SeatOfferNotice run={run} />, { user: me });
}

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

describe('SeatOfferNotice', () => {
  it('an open offer: the title, an mm:ss countdown, the minutes left said politely, and a claim', async () => {
    const { calls } = mockApi({
      [`POST /api/runs/${RUN_ID}/seat-offer/claim`]: () => jsonResponse(200, { status: 'joined' }),
    });
    const { events } = renderNotice({ status: 'open', expiresAt: inSeconds(29 * 60 + 30) });
    expect(screen.getByText('자리가 났어요 — 30분 안에 확정하세요')).toBeTruthy();
    expect(screen.getByTestId('seat-offer-clock').textContent).toMatch(/^29:(2\d|30)$/);
    expect(screen.getByTestId('seat-offer-clock').getAttribute('aria-hidden')).toBe('true');
    const live = screen.getByText('확정까지 30분 남았어요');
    expect(live.getAttribute('aria-live')).toBe('polite');
    await events.click(screen.getByRole('button', { name: '참여 확정' }));
    expect(await screen.findByText('참여가 확정됐어요. 러닝에서 만나요!')).toBeTruthy();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /api/runs/${RUN_ID}/seat-offer/claim`]);
  });

  it('giving it up (양보하기) tells the server', async () => {
    const { calls } = mockApi({
      [`DELETE /api/runs/${RUN_ID}/seat-offer`]: () => new Response(null, { status: 204 }),
    });
    const { events } = renderNotice({ status: 'open', expiresAt: inSeconds(600) });
    expect(screen.getByText(/대기 명단에서도 빠져요/)).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '양보하기' }));
    await expect
      .poll(() => calls.map((c) => `${c.method} ${c.path}`))
      .toEqual([`DELETE /api/runs/${RUN_ID}/seat-offer`]);
  });

  it('a claim too late: the server’s word is shown', async () => {
    mockApi({
      [`POST /api/runs/${RUN_ID}/seat-offer/claim`]: () =>
        jsonResponse(409, { code: 'SEAT_OFFER_EXPIRED', message: 'late' }),
    });
    const { events } = renderNotice({ status: 'open', expiresAt: inSeconds(600) });
    await events.click(screen.getByRole('button', { name: '참여 확정' }));
    expect(await screen.findByText('확정 시간이 지나 자리가 다음 대기자에게 넘어갔어요.')).toBeTruthy();
  });

  it('when the countdown runs out, says the seat went to the next runner', async () => {
    mockApi({});
    renderNotice({ status: 'open', expiresAt: inSeconds(1.2) });
    expect(screen.getByRole('button', { name: '참여 확정' })).toBeTruthy();
    expect(
      await screen.findByText('확정 시간이 지나 다음 대기자에게 넘어갔어요', undefined, { timeout: 4000 }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: '참여 확정' })).toBeNull();
  });

  it('a lapsed offer says so', () => {
    mockApi({});
    renderNotice({ status: 'lapsed', expiresAt: inSeconds(-60) });
    const notice = screen.getByRole('region', { name: '자리 제안' });
    expect(notice.textContent).toBe('확정 시간이 지나 다음 대기자에게 넘어갔어요');
    expect(notice.querySelector('[role="status"]')).not.toBeNull();
  });

  it('no offer: nothing', () => {
    mockApi({});
    renderNotice(null);
    expect(screen.queryByRole('region', { name: '자리 제안' })).toBeNull();
  });
});
