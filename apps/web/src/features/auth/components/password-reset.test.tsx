import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client.ts';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { EmailResetForm } from './email-reset-form.tsx';
import { PhoneResetForm } from './phone-reset-form.tsx';

const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

describe('EmailResetForm', () => {
  it('checks the address with the contract schema before sending anything', async () => {
    const { calls } = mockApi({});
    const { events } = renderWithProviders(<EmailResetForm />);
    await events.type(screen.getByLabelText('이메일'), 'not-an-email');
    await events.click(screen.getByRole('button', { name: '재설정 메일 받기' }));
    expect(await screen.findByText('올바른 이메일 주소를 입력해 주세요.')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('answers with the neutral confirmation, and lets the user ask again only after a minute', async () => {
    const { calls } = mockApi({
      'POST /api/auth/password-reset': () => jsonResponse(202, { resendAt: inAMinute() }),
    });
    const { events } = renderWithProviders(<EmailResetForm />);
    await events.type(screen.getByLabelText('이메일'), ' Runner@Example.com ');
    await events.click(screen.getByRole('button', { name: '재설정 메일 받기' }));

    const status = (await screen.findByRole('heading', { name: '메일을 확인해 주세요' })).parentElement;
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.textContent).toContain('입력한 주소(runner@example.com)로 가입된 계정이 있으면');
    expect(calls.map((c) => c.body)).toEqual([{ email: 'runner@example.com' }]);
    const resend = screen.getByRole('button', { name: /초 후 다시 받을 수 있어요/ });
    expect(resend).toHaveProperty('disabled', true);
  });

  it('shows the limit when the server refuses with 429', async () => {
    mockApi({
      'POST /api/auth/password-reset': () =>
        jsonResponse(429, { code: 'RATE_LIMITED', message: 'slow down' }, { 'retry-after': '120' }),
    });
    const { events } = renderWithProviders(<EmailResetForm />);
    await events.type(screen.getByLabelText('이메일'), 'runner@example.com');
    await events.click(screen.getByRole('button', { name: '재설정 메일 받기' }));
    expect((await screen.findByRole('alert')).textContent).toContain('120초 후 다시 시도해 주세요');
  });
});

describe('PhoneResetForm', () => {
  it('texts a code, then sends the code and the new password; a wrong code is shown on its field', async () => {
    let confirmAnswer = jsonResponse(400, { code: 'PHONE_CODE_INVALID', message: 'wrong' });
    const { calls } = mockApi({
      'POST /api/auth/password-reset/phone': () =>
        jsonResponse(202, { resendAt: inAMinute(), expiresAt: new Date(Date.now() + 180_000).toISOString() }),
      'POST /api/auth/password-reset/phone/confirm': () => confirmAnswer,
    });
    const { events } = renderWithProviders(<PhoneResetForm />);
    await events.type(screen.getByLabelText('휴대폰 번호'), '010-1234-5678');
    await events.click(screen.getByRole('button', { name: '인증번호 받기' }));
    expect(await screen.findByText('입력한 번호로 가입된 계정이 있으면 인증번호를 보냈어요.')).toBeTruthy();
    expect(screen.getByText(/남은 시간 [23]:\d\d/)).toBeTruthy();

    await events.type(screen.getByLabelText('인증번호 6자리'), '123456');
    await events.type(screen.getByLabelText('새 비밀번호'), 'fresh2run!now');
    await events.type(screen.getByLabelText('새 비밀번호 확인'), 'fresh2run!now');
    await events.click(screen.getByRole('button', { name: '비밀번호 바꾸기' }));
    expect(await screen.findByText('인증번호가 맞지 않아요.')).toBeTruthy();
    expect(screen.getByLabelText('인증번호 6자리').getAttribute('aria-invalid')).toBe('true');

    confirmAnswer = jsonResponse(200, { accessToken: 'access', user: onboardedMe() });
    await events.clear(screen.getByLabelText('인증번호 6자리'));
    await events.type(screen.getByLabelText('인증번호 6자리'), '654321');
    await events.click(screen.getByRole('button', { name: '비밀번호 바꾸기' }));
    await waitFor(() => expect(apiClient.getStatus()).toBe('signed-in'));
    expect(calls.at(-1)?.body).toEqual({ phone: '01012345678', code: '654321', password: 'fresh2run!now' });
  });

  it('refuses a number that is not a Korean mobile before sending', async () => {
    const { calls } = mockApi({});
    const { events } = renderWithProviders(<PhoneResetForm />);
    await events.type(screen.getByLabelText('휴대폰 번호'), '02-123-4567');
    await events.click(screen.getByRole('button', { name: '인증번호 받기' }));
    expect(await screen.findByText('010-1234-5678처럼 휴대폰 번호를 입력해 주세요.')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});
