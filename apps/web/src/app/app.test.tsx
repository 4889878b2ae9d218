import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../lib/api-client.ts';
import { jsonResponse, mockApi } from '../test/api.ts';
import { meFixture, onboardedMe } from '../test/fixtures.ts';
import { renderApp } from '../test/render.tsx';

describe('app shell and routes', () => {
  it('switches the language between Korean and English', async () => {
    mockApi({ 'GET /api/runs': () => jsonResponse(200, { items: [], nextCursor: null }) });
    const { events } = renderApp('/runs');
    const nav = screen.getByRole('navigation', { name: '주 메뉴' });
    expect(within(nav).getByRole('link', { name: '그룹 러닝' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: '그룹 러닝' })).toBeTruthy();
    expect(await screen.findByText('조건에 맞는 그룹 러닝이 없어요')).toBeTruthy();

    await events.click(screen.getByRole('button', { name: 'EN (English)' }));

    // English texts are a chunk of their own: the page switches once they have arrived.
    expect(
      within(await screen.findByRole('navigation', { name: 'Main menu' })).getByRole('link', {
        name: 'Group runs',
      }),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Group runs' })).toBeTruthy();
    expect(screen.getByText('No group runs match these filters')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'EN (English)' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('erun.language')).toBe('en');

    await events.click(screen.getByRole('button', { name: '한 (한국어)' }));
    expect(screen.getByRole('heading', { level: 1, name: '그룹 러닝' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ko');
  });

  it('sends signed-out visitors of a protected page to login, and back after signing in', async () => {
    const user = onboardedMe();
    mockApi({ 'POST /api/auth/login': () => jsonResponse(200, { accessToken: 'access', user }) });
    const { events, router } = renderApp('/me');

    expect(await screen.findByRole('heading', { level: 1, name: '로그인' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fme');

    await events.type(screen.getByLabelText('이메일'), 'runner@example.com');
    await events.type(screen.getByLabelText('비밀번호'), 'run4fun!');
    await events.click(screen.getByRole('button', { name: '로그인' }));

    expect(await screen.findByRole('heading', { level: 1, name: '마이페이지' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/me');
    expect(screen.getByText('굿러너 레벨')).toBeTruthy();
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('50');
  });

  it('keeps a new user on onboarding until the running style is saved, then welcomes them home', async () => {
    const me = meFixture();
    mockApi({ 'PATCH /api/me': () => jsonResponse(200, onboardedMe()) });
    const { events, router } = renderApp('/runs', { user: me });

    expect(await screen.findByRole('heading', { level: 1, name: '러닝 스타일' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/onboarding');

    await events.click(screen.getByRole('radio', { name: '처음이에요' }));
    await events.click(screen.getByRole('checkbox', { name: '부산' }));
    await events.click(screen.getByRole('button', { name: '러닝 시작하기' }));

    expect(await screen.findByText('가입을 환영합니다!')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: '함께 뛰면 즐거움이 두배!' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('sends signed-in users away from login and sign-up', async () => {
    mockApi({});
    const { router } = renderApp('/signup', { user: onboardedMe() });
    expect(await screen.findByRole('heading', { level: 1, name: '함께 뛰면 즐거움이 두배!' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('shows social buttons only for configured providers, and a message for a failed OAuth return', async () => {
    mockApi({ 'GET /api/auth/providers': () => jsonResponse(200, { kakao: true, naver: false }) });
    renderApp('/login?error=oauth_state');

    expect(screen.getByRole('alert').textContent).toBe(
      '로그인 요청이 만료되었거나 올바르지 않아요. 처음부터 다시 시도해 주세요.',
    );
    const kakao = await screen.findByRole('link', { name: /카카오로 시작하기/ });
    expect(kakao.getAttribute('href')).toBe('/api/auth/kakao/start');
    expect(screen.queryByRole('link', { name: /네이버로 시작하기/ })).toBeNull();
  });

  it('logs out from the user menu', async () => {
    const { calls } = mockApi({ 'POST /api/auth/logout': () => new Response(null, { status: 204 }) });
    const { events, router } = renderApp('/me', { user: onboardedMe() });

    // A member's parts of the header come in a chunk of their own (app/shell/member-parts.tsx).
    await events.click(await screen.findByRole('button', { name: '달리는곰 님의 계정 메뉴' }));
    await events.click(screen.getByRole('button', { name: '로그아웃' }));

    expect(await screen.findByText('로그아웃했어요.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    expect(apiClient.getStatus()).toBe('signed-out');
    expect(screen.getAllByRole('link', { name: '로그인' }).length).toBeGreaterThan(0);
    // JSON, as the server requires of every call the refresh cookie authenticates.
    expect(calls.find((call) => call.path === '/api/auth/logout')?.body).toEqual({});
  });

  it('shows a not-found page for unknown routes', () => {
    mockApi({});
    renderApp('/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: '페이지를 찾을 수 없어요' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '홈으로 가기' }).getAttribute('href')).toBe('/');
  });
});
