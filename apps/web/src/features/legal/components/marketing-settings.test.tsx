import type { ConsentState } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { MarketingSettings } from './marketing-settings.tsx';

const state = (overrides: Partial<ConsentState> = {}): ConsentState => ({
  accepted: [
    { document: 'terms', version: '2026-12-06', granted: true, at: '2026-12-06T10:00:00+09:00' },
    { document: 'privacy', version: '2026-12-06', granted: true, at: '2026-12-06T10:00:00+09:00' },
    { document: 'age14', version: '1', granted: true, at: '2026-12-06T10:00:00+09:00' },
  ],
  required: [],
  marketingEmail: { granted: true, at: '2026-12-06T10:00:00+09:00' },
  marketingSms: { granted: false, at: null },
  ...overrides,
});

describe('MarketingSettings', () => {
  it('shows each channel with the date of the choice and records a change as a new decision', async () => {
    const { calls } = mockApi({
      'GET /api/me/consents': () => jsonResponse(200, state()),
      'POST /api/me/consents': () =>
        jsonResponse(200, state({ marketingSms: { granted: true, at: '2026-12-07T09:00:00+09:00' } })),
    });
    const { events } = renderWithProviders(<MarketingSettings />);

    const section = await screen.findByRole('region', { name: '마케팅 정보 수신' });
    const email = await within(section).findByRole('switch', { name: '이메일로 받기' });
    expect((email as HTMLInputElement).checked).toBe(true);
    expect(email.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(section).getByText('2026년 12월 6일 동의')).toBeTruthy();
    expect(within(section).getByText('아직 선택하지 않았어요')).toBeTruthy();

    await events.click(within(section).getByRole('switch', { name: '문자로 받기' }));

    expect(await within(section).findByRole('status')).toHaveProperty(
      'textContent',
      '문자 수신에 동의했어요.',
    );
    expect(within(section).getByText('2026년 12월 7일 동의')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ accept: [], marketingSms: true });
  });
});
