import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { onboardedMe, runFixture } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

/** Issue 18, "a feed that knows me": 내 조건, pace and crew filters, who's going, distance from me. */
const emptyPage = () => jsonResponse(200, { items: [], nextCursor: null });
const crews = () =>
  jsonResponse(200, {
    items: [
      {
        id: '5b0c1a3e-2f4d-4c1b-9a7e-1d2c3b4a5f60',
        name: '반포 크루',
        logo: null,
        role: 'member',
        memberCount: 3,
      },
    ],
  });

describe('/runs starts from the runner’s preferences', () => {
  it('sends forMe=true with the 내 조건 chip pressed, and shows everything once it is off (kept in the URL)', async () => {
    const { calls } = mockApi({ 'GET /api/runs*': emptyPage, 'GET /api/me/crews*': crews });
    const { events, router } = renderApp('/runs', {
      user: onboardedMe({ preferredRegions: ['seoul'], preferredDistance: '5to10' }),
    });
    const chip = screen.getByRole('button', { name: /내 조건/ });
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(chip.textContent).toContain('서울 · 5–10km');
    await screen.findByText('조건에 맞는 그룹 러닝이 없어요');
    expect(calls.map((c) => c.path)).toContain('/api/runs?forMe=true');

    await events.click(chip);
    expect(router.state.location.search).toBe('?forMe=false');
    expect(screen.getByRole('button', { name: /내 조건/ }).getAttribute('aria-pressed')).toBe('false');
    await screen.findByText('조건에 맞는 그룹 러닝이 없어요');
    expect(calls.map((c) => c.path)).toContain('/api/runs');
  });

  it('has no chip (and sends no forMe) for a guest or a runner without preferences', async () => {
    const { calls } = mockApi({ 'GET /api/runs*': emptyPage, 'GET /api/me/crews*': crews });
    renderApp('/runs', { user: onboardedMe({ preferredRegions: [], preferredDistance: null }) });
    await screen.findByText('조건에 맞는 그룹 러닝이 없어요');
    expect(screen.queryByRole('button', { name: /내 조건/ })).toBeNull();
    expect(calls.map((c) => c.path).filter((p) => p.startsWith('/api/runs'))).toEqual(['/api/runs']);
  });

  it('filters by a pace range and by one of my crews', async () => {
    const { calls } = mockApi({ 'GET /api/runs*': emptyPage, 'GET /api/me/crews*': crews });
    const { events, router } = renderApp('/runs?forMe=false', {
      user: onboardedMe({ preferredRegions: [], preferredDistance: null }),
    });
    await events.selectOptions(screen.getByRole('combobox', { name: '페이스' }), `5'00"–6'00"/km`);
    expect(router.state.location.search).toBe('?pace=300-360&forMe=false');
    const crew = await screen.findByRole('combobox', { name: '내 크루' });
    await events.selectOptions(crew, '반포 크루');
    expect(router.state.location.search).toBe(
      '?pace=300-360&crewId=5b0c1a3e-2f4d-4c1b-9a7e-1d2c3b4a5f60&forMe=false',
    );
    await screen.findByText('조건에 맞는 그룹 러닝이 없어요');
    expect(calls.map((c) => c.path)).toContain(
      '/api/runs?pace=300-360&crewId=5b0c1a3e-2f4d-4c1b-9a7e-1d2c3b4a5f60',
    );
  });
});

describe('a run card', () => {
  it("shows who's going (first avatars and +N) and how far the meeting point is when the runner shared a position", async () => {
    const going = ['한강크루장', '러너1', '러너2'].map((nickname, i) => ({
      id: `00000000-0000-4000-8000-00000000000${i}`,
      nickname,
      avatar: null,
      runningLevel: null,
    }));
    const run = runFixture({ participantCount: 8, going });
    mockApi({ 'GET /api/runs*': () => jsonResponse(200, { items: [run], nextCursor: null }) });
    // 여의나루역 (37.5271, 126.9326) from 서울시청 (37.5663, 126.9779): about 5.9 km.
    renderApp('/runs?near=37.5663,126.9779');
    const card = (await screen.findByRole('link', { name: '토요일 아침 한강 10K' })).closest('article');
    if (!card) throw new Error('no card');
    expect(within(card).getByRole('img', { name: '참가 8명: 한강크루장, 러너1, 러너2' })).toBeTruthy();
    expect(card.textContent).toContain('+5');
    expect(card.textContent).toContain('5.9km');
  });

  it('says no distance without a position', async () => {
    mockApi({ 'GET /api/runs*': () => jsonResponse(200, { items: [runFixture()], nextCursor: null }) });
    renderApp('/runs');
    const card = (await screen.findByRole('link', { name: '토요일 아침 한강 10K' })).closest('article');
    expect(card?.textContent).not.toMatch(/\d\.\dkm$/);
    expect(card?.querySelector('[class*="away"]')).toBeNull();
  });
});
