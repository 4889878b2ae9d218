import type { ConsentState } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { meFixture, onboardedMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

const accepted = (overrides: Partial<ConsentState> = {}): ConsentState => ({
  accepted: [],
  required: [],
  marketingEmail: { granted: false, at: null },
  marketingSms: { granted: false, at: null },
  ...overrides,
});

describe('the consent gate', () => {
  it('sends a user to /consent when a required text changed, and back where they were once accepted', async () => {
    const { calls } = mockApi({
      'GET /api/runs': () => jsonResponse(200, { items: [], nextCursor: null }),
      'POST /api/me/consents': () => jsonResponse(200, accepted()),
    });
    const { events, router } = renderApp('/runs?region=seoul', {
      user: onboardedMe({ consentsRequired: ['privacy'] }),
    });

    expect(await screen.findByRole('heading', { level: 1, name: '약관 동의가 필요해요' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/consent');
    expect(screen.getByText(/약관이 바뀌었어요/)).toBeTruthy();
    const group = screen.getByRole('group', { name: '약관 동의' });
    // Only what changed is asked; marketing is not asked again.
    expect(within(group).queryByRole('checkbox', { name: '[필수] 이용약관 동의' })).toBeNull();
    expect(within(group).queryByRole('checkbox', { name: '이메일로 받기' })).toBeNull();

    await events.click(screen.getByRole('button', { name: '동의하고 계속하기' }));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    expect(screen.getByText('개인정보 수집·이용에 동의해 주세요.')).toBeTruthy();

    await events.click(screen.getByRole('checkbox', { name: '[필수] 개인정보 수집·이용 동의' }));
    await events.click(screen.getByRole('button', { name: '동의하고 계속하기' }));

    expect(await screen.findByRole('heading', { level: 1, name: '그룹 러닝' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/runs');
    expect(router.state.location.search).toBe('?region=seoul');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ accept: ['privacy'] });
  });

  it('asks a Kakao newcomer for everything and marketing, then goes on to onboarding', async () => {
    const { calls } = mockApi({ 'POST /api/me/consents': () => jsonResponse(200, accepted()) });
    const { events, router } = renderApp('/onboarding', {
      user: meFixture({ consentsRequired: ['terms', 'privacy', 'age14'], providers: ['kakao'] }),
    });

    expect(await screen.findByText(/아래 필수 항목에 동의해 주세요/)).toBeTruthy();
    await events.click(screen.getByRole('checkbox', { name: '전체 동의' }));
    await events.click(screen.getByRole('checkbox', { name: '문자로 받기' }));
    await events.click(screen.getByRole('button', { name: '동의하고 계속하기' }));

    expect(await screen.findByRole('heading', { level: 1, name: '러닝 스타일' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/onboarding');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      accept: ['terms', 'privacy', 'age14'],
      marketingEmail: true,
      marketingSms: false,
    });
  });

  it('lets a gated user read the terms and the privacy policy, with version and effective date', async () => {
    mockApi({});
    renderApp('/privacy', { user: onboardedMe({ consentsRequired: ['privacy'] }) });
    expect(await screen.findByRole('heading', { level: 1, name: '개인정보처리방침' })).toBeTruthy();
    expect(screen.getByText('버전 2026-12-06')).toBeTruthy();
    expect(screen.getByText(/시행일 2026년 12월 6일/)).toBeTruthy();
    expect(screen.getByRole('table', { name: '수집 항목, 이용 목적, 보유 기간' })).toBeTruthy();
    expect(screen.getAllByText(/휴대폰 번호\(암호화 저장\)/).length).toBeGreaterThan(0);
  });

  it('leaves the settings open to a gated user (export the data, delete the account)', async () => {
    mockApi({
      'GET /api/me/consents': () => jsonResponse(200, accepted({ required: ['terms'] })),
      'GET /api/me/connections': () =>
        jsonResponse(200, { hasPassword: true, email: 'runner@example.com', providers: [], available: {} }),
    });
    const { router } = renderApp('/me/settings', { user: onboardedMe({ consentsRequired: ['terms'] }) });
    expect(await screen.findByRole('button', { name: '내 데이터 내려받기' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/me/settings');
  });
});
