import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../test/api.ts';
import { renderApp } from '../../test/render.tsx';

describe('/forgot-password', () => {
  it('is reached from the login page and offers a reset by email or by phone, with the keyboard', async () => {
    mockApi({});
    const { events, router } = renderApp('/login');
    await events.click(await screen.findByRole('link', { name: '비밀번호를 잊으셨나요?' }));
    expect(router.state.location.pathname).toBe('/forgot-password');
    expect(screen.getByRole('heading', { level: 1, name: '비밀번호 찾기' })).toBeTruthy();

    const email = screen.getByRole('tab', { name: '이메일로 찾기' });
    expect(email.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByLabelText('이메일')).toBeTruthy();
    email.focus();
    await events.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: '휴대폰으로 찾기' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByLabelText('휴대폰 번호')).toBeTruthy();
  });
});
