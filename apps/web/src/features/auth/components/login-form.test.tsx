import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client.ts';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { LoginForm } from './login-form.tsx';

describe('LoginForm', () => {
  it('shows a form-level message for wrong credentials', async () => {
    mockApi({
      'POST /api/auth/login': () =>
        jsonResponse(401, { code: 'INVALID_CREDENTIALS', message: 'Invalid credentials' }),
    });
    const { events } = renderWithProviders(<LoginForm />);

    await events.type(screen.getByLabelText('이메일'), 'runner@example.com');
    await events.type(screen.getByLabelText('비밀번호'), 'wrong-password');
    await events.click(screen.getByRole('button', { name: '로그인' }));

    expect((await screen.findByRole('alert')).textContent).toBe('이메일 또는 비밀번호가 올바르지 않습니다.');
    expect(apiClient.getStatus()).toBe('signed-out');
  });

  it('disables the button while signing in, then starts the session', async () => {
    let answer: (response: Response) => void = () => undefined;
    mockApi({ 'POST /api/auth/login': () => new Promise<Response>((resolve) => (answer = resolve)) });
    const { events, queryClient } = renderWithProviders(<LoginForm />);

    await events.type(screen.getByLabelText('이메일'), 'runner@example.com');
    await events.type(screen.getByLabelText('비밀번호'), 'run4fun!');
    await events.click(screen.getByRole('button', { name: '로그인' }));

    const button = screen.getByRole('button', { name: '로그인' });
    expect(button).toHaveProperty('disabled', true);
    const user = onboardedMe();
    answer(jsonResponse(200, { accessToken: 'access', user }));

    await waitFor(() => expect(apiClient.getStatus()).toBe('signed-in'));
    expect(queryClient.getQueryData(['me'])).toEqual(user);
  });
});
