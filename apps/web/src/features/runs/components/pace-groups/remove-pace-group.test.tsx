import type { PaceGroup } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { addDays, seoulToday } from '../../../../lib/datetime.ts';
import { jsonResponse, mockApi } from '../../../../test/api.ts';
import { onboardedMe, RUN_ID, runFixture } from '../../../../test/fixtures.ts';
import { renderWithProviders } from '../../../../test/render.tsx';
import { runToFormValues } from '../../utils/run-form.ts';
import { RunForm } from '../run-form/run-form.tsx';

const me = onboardedMe();
const G5 = '11111111-1111-4111-8111-111111111111';
const G6 = '22222222-2222-4222-8222-222222222222';
const G7 = '33333333-3333-4333-8333-333333333333';
const group = (id: string, pace: number, capacity: number, taken: number, waiting = 0): PaceGroup => ({
  id,
  paceSecPerKm: pace,
  capacity,
  participantCount: taken,
  waitlistCount: waiting,
  pacer: null,
});

/** Editing a run's pace groups: an empty group may go; one with runners stays, and the form says why. */
describe('removing a pace group on edit', () => {
  const day = addDays(seoulToday(), 3);
  const original = runFixture({
    startsAt: `${day}T07:00:00+09:00`,
    endsAt: `${day}T08:30:00+09:00`,
    meetAt: null,
    joinDeadline: `${day}T06:00:00+09:00`,
    capacity: 10,
    participantCount: 3,
    paceGroups: [group(G5, 300, 4, 2), group(G6, 360, 4, 1), group(G7, 420, 2, 0)],
  });
  const render = () =>
    renderWithProviders(
      <RunForm
        initial={runToFormValues(original)}
        initialStep="details"
        original={original}
        host={{ ...me, runsHosted: 1 }}
        onSaved={vi.fn()}
        renderPhotosField={() => null}
      />,
      { user: me },
    );
  const groupItem = (n: number) =>
    screen.getByRole('group', { name: new RegExp(`^${n}그룹`) }).closest('li') as HTMLElement;

  it('keeps a group with runners (disabled, with the reason) and removes an empty one', async () => {
    mockApi({});
    const { events } = render();
    const first = within(groupItem(1)).getByRole('button', { name: '1그룹 삭제' });
    expect(first).toHaveProperty('disabled', true);
    expect(within(groupItem(1)).getByText(/러너 2명이 있어 삭제할 수 없어요/)).toBeTruthy();
    expect(within(groupItem(2)).getByText(/러너 1명이 있어 삭제할 수 없어요/)).toBeTruthy();
    const third = within(groupItem(3)).getByRole('button', { name: '3그룹 삭제' });
    expect(third).toHaveProperty('disabled', false);
    await events.click(third);
    expect(screen.queryByRole('button', { name: '3그룹 삭제' })).toBeNull();
    expect(screen.getByText('총 정원 8명')).toBeTruthy();
  });

  it('says the server’s refusal (someone joined meanwhile) at the groups', async () => {
    mockApi({
      [`PATCH /api/runs/${RUN_ID}`]: () =>
        jsonResponse(409, { code: 'PACE_GROUP_NOT_EMPTY', message: 'Runners are still in that pace group' }),
    });
    const { events } = render();
    await events.click(within(groupItem(3)).getByRole('button', { name: '3그룹 삭제' }));
    await events.click(screen.getByRole('button', { name: '다음' }));
    await events.click(await screen.findByRole('button', { name: '수정 완료' }));
    expect(
      await screen.findByText('러너가 있는 그룹은 삭제할 수 없어요. 먼저 다른 그룹으로 옮겨 주세요.'),
    ).toBeTruthy();
  });
});
