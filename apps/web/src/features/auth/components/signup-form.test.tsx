import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { meFixture } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { SignupForm } from './signup-form.tsx';

/** The text a control's aria-describedby points at (hint, error…). */
function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('SignupForm', () => {
  it('validates on blur and on submit with translated messages beside each field', async () => {
    const { calls } = mockApi({});
    const { events } = renderWithProviders(<SignupForm />);
    const email = screen.getByLabelText('이메일');

    await events.type(email, 'not-an-email');
    await events.tab();

    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(email)).toContain('올바른 이메일 주소를 입력해 주세요.');
    expect(screen.getByLabelText('비밀번호').getAttribute('aria-invalid')).toBeNull();

    await events.type(screen.getByLabelText('비밀번호'), 'short');
    await events.click(screen.getByRole('button', { name: '가입하기' }));

    expect(descriptionOf(screen.getByLabelText('비밀번호'))).toContain('비밀번호는 8자 이상이어야 해요.');
    expect(descriptionOf(screen.getByLabelText('닉네임'))).toContain('닉네임은 2자 이상이어야 해요.');
    expect(document.activeElement).toBe(email);
    expect(calls).toHaveLength(0);

    await events.clear(email);
    await events.type(email, 'runner@example.com');
    expect(email.getAttribute('aria-invalid')).toBeNull();
  });

  it('puts EMAIL_TAKEN from the server beside the email field', async () => {
    const { calls } = mockApi({
      'POST /api/auth/signup': () =>
        jsonResponse(409, { code: 'EMAIL_TAKEN', message: 'Email already registered' }),
    });
    const { events } = renderWithProviders(<SignupForm />);

    await events.type(screen.getByLabelText('이메일'), ' Runner@Example.com ');
    await events.type(screen.getByLabelText('비밀번호'), 'run4fun!');
    await events.type(screen.getByLabelText('닉네임'), '달리는곰');
    await events.click(screen.getByRole('checkbox', { name: '[필수] 이용약관 동의' }));
    await events.click(screen.getByRole('checkbox', { name: '[필수] 개인정보 수집·이용 동의' }));
    await events.click(screen.getByRole('checkbox', { name: '[필수] 만 14세 이상입니다' }));
    await events.click(screen.getByRole('button', { name: '가입하기' }));

    const email = screen.getByLabelText('이메일');
    await screen.findByText('이미 가입된 이메일이에요.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(email)).toContain('이미 가입된 이메일이에요.');
    expect(screen.queryByRole('alert')).toBeNull();
    // Leaving the field asked 중복확인 first (its own tests: email-availability.test.tsx).
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/auth/signup',
        body: {
          email: 'runner@example.com',
          password: 'run4fun!',
          nickname: '달리는곰',
          locale: 'ko',
          consents: { terms: true, privacy: true, age14: true, marketingEmail: false, marketingSms: false },
        },
      }),
    ]);
  });

  it('shows server validation issues on their fields and rate limits with the wait', async () => {
    let attempt = 0;
    mockApi({
      'POST /api/auth/signup': () =>
        ++attempt === 1
          ? jsonResponse(400, {
              code: 'VALIDATION_FAILED',
              message: 'Invalid body',
              issues: [{ path: ['nickname'], code: 'custom', message: 'nickname.invalidChars' }],
            })
          : jsonResponse(429, { code: 'RATE_LIMITED', message: 'Too many' }, { 'Retry-After': '30' }),
    });
    const { events } = renderWithProviders(<SignupForm />);
    await events.type(screen.getByLabelText('이메일'), 'runner@example.com');
    await events.type(screen.getByLabelText('비밀번호'), 'run4fun!');
    await events.type(screen.getByLabelText('닉네임'), 'runner');
    await events.click(screen.getByRole('checkbox', { name: '전체 동의' }));

    await events.click(screen.getByRole('button', { name: '가입하기' }));
    await screen.findByText('닉네임에는 한글·영문·숫자와 공백 _ . - 만 쓸 수 있어요.');

    await events.click(screen.getByRole('button', { name: '가입하기' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('요청이 너무 많습니다. 30초 후 다시 시도해 주세요.');
  });

  it('asks for each required consent, with links to the texts, and "agree to all" ticks every box', async () => {
    const { calls } = mockApi({
      'POST /api/auth/signup': () => jsonResponse(201, { accessToken: 'token', user: meFixture() }),
    });
    const { events } = renderWithProviders(<SignupForm />);
    const group = screen.getByRole('group', { name: '약관 동의' });
    expect(
      within(group)
        .getByRole('link', { name: /이용약관/ })
        .getAttribute('href'),
    ).toBe('/terms');
    expect(
      within(group)
        .getByRole('link', { name: /개인정보처리방침/ })
        .getAttribute('href'),
    ).toBe('/privacy');
    expect(within(group).getAllByRole('link')[0]?.getAttribute('target')).toBe('_blank');

    await events.type(screen.getByLabelText('이메일'), 'runner@example.com');
    await events.type(screen.getByLabelText('비밀번호'), 'run4fun!');
    await events.type(screen.getByLabelText('닉네임'), '달리는곰');
    await events.click(screen.getByRole('checkbox', { name: '[필수] 이용약관 동의' }));
    await events.click(screen.getByRole('button', { name: '가입하기' }));

    // No sign-up sent (leaving the email field checked it was free): the first missing consent is named,
    // its box marked and focused.
    expect(calls.filter((c) => c.path === '/api/auth/signup')).toHaveLength(0);
    expect(within(group).getByText('개인정보 수집·이용에 동의해 주세요.')).toBeTruthy();
    const privacy = screen.getByRole('checkbox', { name: '[필수] 개인정보 수집·이용 동의' });
    expect(privacy.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(privacy);
    expect(
      screen.getByRole('checkbox', { name: '[필수] 이용약관 동의' }).getAttribute('aria-invalid'),
    ).toBeNull();

    await events.click(screen.getByRole('checkbox', { name: '전체 동의' }));
    for (const box of within(group).getAllByRole<HTMLInputElement>('checkbox'))
      expect(box.checked).toBe(true);
    await events.click(screen.getByRole('checkbox', { name: '문자로 받기' }));
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: '전체 동의' }).checked).toBe(false);
    await events.click(screen.getByRole('button', { name: '가입하기' }));

    expect(calls.at(-1)?.body).toMatchObject({
      consents: { terms: true, privacy: true, age14: true, marketingEmail: true, marketingSms: false },
    });
  });
});
