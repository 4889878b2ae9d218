import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { GenderSettings } from './gender-settings.tsx';

describe('GenderSettings (/me/settings)', () => {
  it('says it is private, shows "밝히지 않음" when unset and saves a choice at once', async () => {
    const me = onboardedMe();
    const { calls } = mockApi({
      'PATCH /api/me': () => jsonResponse(200, { ...me, gender: 'female' }),
    });
    const { events } = renderWithProviders(<GenderSettings me={me} />, { user: me });
    const group = screen.getByRole('group', { name: '프로필 성별' });
    expect(group.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      screen.getByText('다른 사람에게 보이지 않아요. 여성 전용 러닝·크루에 참여할 때만 쓰여요.'),
    ).toBeTruthy();
    const labels = screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent);
    expect(labels).toEqual(['여성', '남성', '기타', '밝히지 않음']);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: '밝히지 않음' }).checked).toBe(true);
    await events.click(screen.getByRole('radio', { name: '여성' }));
    expect(await screen.findByText('저장했어요.')).toBeTruthy();
    expect(calls.map((c) => [c.method, c.path, c.body])).toEqual([
      ['PATCH', '/api/me', { gender: 'female' }],
    ]);
  });

  it('clears it with "밝히지 않음" (null)', async () => {
    const me = onboardedMe({ gender: 'male' });
    const { calls } = mockApi({ 'PATCH /api/me': () => jsonResponse(200, { ...me, gender: null }) });
    const { events } = renderWithProviders(<GenderSettings me={me} />, { user: me });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: '남성' }).checked).toBe(true);
    await events.click(screen.getByRole('radio', { name: '밝히지 않음' }));
    expect(await screen.findByText('저장했어요.')).toBeTruthy();
    expect(calls[0]?.body).toEqual({ gender: null });
  });
});
