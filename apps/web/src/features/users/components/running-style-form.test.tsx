import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { meFixture, onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { RunningStyleForm } from './running-style-form.tsx';

const submitLabel = '러닝 시작하기';

function group(name: string) {
  return screen.getByRole('group', { name });
}

describe('RunningStyleForm (onboarding)', () => {
  it('requires a running level and at least one region before saving', async () => {
    const { calls } = mockApi({});
    const onSaved = vi.fn();
    const me = meFixture();
    const { events } = renderWithProviders(
      <RunningStyleForm me={me} submitLabel={submitLabel} onSaved={onSaved} />,
      {
        user: me,
      },
    );

    expect(screen.getByLabelText('닉네임')).toHaveProperty('value', '달리는곰');
    await events.click(screen.getByRole('button', { name: submitLabel }));

    const level = group('한 달에 몇 번 달리나요?');
    const regions = group('주로 달리는 지역');
    expect(level.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(level).getByText('한 달 러닝 횟수를 골라 주세요.')).toBeTruthy();
    expect(within(regions).getByText('지역을 하나 이상 골라 주세요.')).toBeTruthy();
    expect(within(regions).getAllByRole('checkbox')).toHaveLength(17);
    expect(within(regions).getAllByRole('checkbox')[0]?.getAttribute('aria-invalid')).toBe('true');
    expect(calls).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();

    await events.click(within(level).getByRole('radio', { name: '5–10회' }));
    expect(within(level).queryByText('한 달 러닝 횟수를 골라 주세요.')).toBeNull();
  });

  it('sends the running style with PATCH /api/me, "잘 모르겠어요" as null, the chosen times of day', async () => {
    const saved = onboardedMe({ preferredRegions: ['seoul', 'jeju'], bio: '주말 아침 러너' });
    const { calls } = mockApi({ 'PATCH /api/me': () => jsonResponse(200, saved) });
    const onSaved = vi.fn();
    const me = meFixture();
    const { events } = renderWithProviders(
      <RunningStyleForm me={me} submitLabel={submitLabel} onSaved={onSaved} />,
      {
        user: me,
      },
    );

    await events.click(screen.getByRole('radio', { name: '5–10회' }));
    await events.click(screen.getByRole('checkbox', { name: '서울' }));
    await events.click(screen.getByRole('checkbox', { name: '제주' }));
    expect(screen.getByRole('radio', { name: '잘 모르겠어요' })).toHaveProperty('checked', true);
    // The /runs filter's six buckets, with their hours.
    const times = group('선호 시간대');
    expect(
      within(times)
        .getAllByRole('checkbox')
        .map((c) => c.getAttribute('value')),
    ).toEqual(['late_night', 'dawn', 'morning', 'afternoon', 'evening', 'night']);
    await events.click(within(times).getByRole('checkbox', { name: '새벽 04–08시' }));
    await events.click(within(times).getByRole('checkbox', { name: '밤 20–24시' }));
    await events.type(screen.getByLabelText('한 줄 소개 (선택)'), '주말 아침 러너');
    expect(screen.getByText('8/60자')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: submitLabel }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(calls).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        path: '/api/me',
        authorization: 'Bearer test-access-token',
        body: {
          nickname: '달리는곰',
          bio: '주말 아침 러너',
          runningLevel: '5to10',
          preferredRegions: ['seoul', 'jeju'],
          preferredDistance: null,
          preferredTimesOfDay: ['dawn', 'night'],
          avatarId: null,
        },
      }),
    ]);
  });
});
