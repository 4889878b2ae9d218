import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { SignupForm } from './signup-form.tsx';

const AVAILABILITY = 'GET /api/auth/email-availability*';

describe('중복확인 in the sign-up form', () => {
  it('checks the address on the button and announces that it is free', async () => {
    const { calls } = mockApi({ [AVAILABILITY]: () => jsonResponse(200, { available: true }) });
    const { events } = renderWithProviders(<SignupForm />);
    const check = screen.getByRole('button', { name: '중복확인' });
    expect((check as HTMLButtonElement).disabled).toBe(true);

    await events.type(screen.getByLabelText('이메일'), ' New.Runner@Example.com');
    await events.click(check);

    const status = await screen.findByText('사용할 수 있는 이메일이에요.');
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(calls.map((c) => c.path)).toEqual(['/api/auth/email-availability?email=new.runner%40example.com']);
  });

  it('checks once when the field is left, says a taken address is taken and forgets it when edited', async () => {
    const { calls } = mockApi({ [AVAILABILITY]: () => jsonResponse(200, { available: false }) });
    const { events } = renderWithProviders(<SignupForm />);
    const email = screen.getByLabelText('이메일');

    await events.type(email, 'runner@example.com');
    await events.click(screen.getByLabelText('비밀번호'));
    const status = (await screen.findByText(/이미 가입된 이메일이에요/)).closest('[role="status"]');
    expect(status).not.toBeNull();
    expect(screen.getByRole('link', { name: '로그인하기' }).getAttribute('href')).toBe('/login');

    await events.click(email);
    await events.click(screen.getByLabelText('닉네임'));
    expect(calls).toHaveLength(1);

    await events.type(email, 'x');
    expect(status?.textContent).toBe('');
  });

  it('shows the limit when the server refuses to answer', async () => {
    mockApi({
      [AVAILABILITY]: () =>
        jsonResponse(429, { code: 'RATE_LIMITED', message: 'Too many' }, { 'Retry-After': '120' }),
    });
    const { events } = renderWithProviders(<SignupForm />);
    await events.type(screen.getByLabelText('이메일'), 'runner@example.com');
    await events.click(screen.getByRole('button', { name: '중복확인' }));
    expect(await screen.findByText('요청이 너무 많습니다. 120초 후 다시 시도해 주세요.')).toBeTruthy();
  });

  it('signs up in the language shown', async () => {
    const { calls } = mockApi({
      [AVAILABILITY]: () => jsonResponse(200, { available: true }),
      'POST /api/auth/signup': () => jsonResponse(409, { code: 'EMAIL_TAKEN', message: 'taken' }),
    });
    await i18n.changeLanguage('en');
    try {
      const { events } = renderWithProviders(<SignupForm />);
      await events.type(screen.getByLabelText('Email'), 'runner@example.com');
      await events.type(screen.getByLabelText('Password'), 'run4fun!');
      await events.type(screen.getByLabelText('Nickname'), 'Runner');
      await events.click(screen.getByRole('checkbox', { name: 'Agree to all' }));
      await events.click(screen.getByRole('button', { name: 'Create account' }));
      await waitFor(() => expect(calls.some((c) => c.path === '/api/auth/signup')).toBe(true));
      expect(calls.find((c) => c.path === '/api/auth/signup')?.body).toMatchObject({ locale: 'en' });
    } finally {
      await i18n.changeLanguage('ko');
    }
  });
});
