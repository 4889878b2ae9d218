import type { PaceGroup } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../../test/api.ts';
import { HOST_ID, onboardedMe, RUN_ID, runFixture } from '../../../../test/fixtures.ts';
import { renderWithProviders } from '../../../../test/render.tsx';
import { toRunPayload, EMPTY_RUN_FORM, runToFormValues } from '../../utils/run-form.ts';
import { groupAction, PaceGroupBoard } from './pace-group-board.tsx';

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
const groups = [
  {
    ...group(G5, 300, 4, 2),
    pacer: { id: HOST_ID, nickname: '한강크루장', avatar: null, runningLevel: null },
  },
  group(G6, 360, 4, 1),
  group(G7, 420, 2, 2, 3),
];

describe('PaceGroupBoard', () => {
  it('shows each group with its pace, pacer and seats; a runner joins the 6\'00" group', async () => {
    const { calls } = mockApi({
      [`POST /api/runs/${RUN_ID}/participants`]: () => jsonResponse(201, { status: 'joined' }),
    });
    const run = runFixture({ paceGroups: groups, capacity: 10, participantCount: 5 });
    const { events } = renderWithProviders(<PaceGroupBoard run={run} viewerId={me.id} />, { user: me });
    const six = screen.getByRole('listitem', { name: `6'00"/km 그룹` });
    expect(within(six).getByText('3자리 남음 · 정원 4명')).toBeTruthy();
    expect(within(six).getByText('페이서 미정')).toBeTruthy();
    expect(
      within(screen.getByRole('listitem', { name: `5'00"/km 그룹` })).getByText('페이서 한강크루장'),
    ).toBeTruthy();
    const seven = screen.getByRole('listitem', { name: `7'00"/km 그룹` });
    expect(within(seven).getByText('마감 · 대기 3명')).toBeTruthy();
    expect(within(seven).getByRole('button', { name: `7'00"/km 그룹 대기 신청` })).toBeTruthy();

    await events.click(within(six).getByRole('button', { name: `6'00"/km 그룹으로 참여` }));
    expect(await screen.findByText(`6'00"/km 그룹으로 참여했어요. 러닝에서 만나요!`)).toBeTruthy();
    expect(calls.map((c) => [`${c.method} ${c.path}`, c.body])).toEqual([
      [`POST /api/runs/${RUN_ID}/participants`, { paceGroupId: G6 }],
    ]);
  });

  it("marks the caller's group and offers a seated runner a move into a group with a free seat", () => {
    mockApi({});
    const run = runFixture({ paceGroups: groups, myStatus: 'joined', myPaceGroupId: G5 });
    renderWithProviders(<PaceGroupBoard run={run} viewerId={me.id} />, { user: me });
    const five = screen.getByRole('listitem', { name: `5'00"/km 그룹` });
    expect(within(five).getByText('내 그룹')).toBeTruthy();
    expect(within(five).queryByRole('button')).toBeNull();
    expect(screen.getByRole('button', { name: `6'00"/km 그룹으로 옮기기` })).toBeTruthy();
    // A full group offers no move.
    expect(within(screen.getByRole('listitem', { name: `7'00"/km 그룹` })).queryByRole('button')).toBeNull();
  });
});

describe('groupAction', () => {
  const run = runFixture({ paceGroups: groups });
  const six = group(G6, 360, 4, 1);
  it('asks a guest to sign in, and offers nothing once the run has started', () => {
    expect(groupAction(run, six, null)).toBe('login');
    expect(groupAction({ ...run, joinState: 'started' }, six, me.id)).toBeNull();
    expect(groupAction({ ...run, joinState: 'closed' }, six, me.id)).toBeNull();
  });
});

describe("the run form's pace groups", () => {
  it('sends the groups with the seats added up as the capacity, and reads them back for an edit', () => {
    const payload = toRunPayload({
      ...EMPTY_RUN_FORM,
      capacity: '10',
      paceGroups: [
        { paceMin: '5', paceSec: '0', capacity: '4', pacerId: '' },
        { paceMin: '6', paceSec: '0', capacity: '6', pacerId: HOST_ID },
      ],
    });
    expect(payload.capacity).toBe(10);
    expect(payload.paceGroups).toEqual([
      { paceSecPerKm: 300, capacity: 4, pacerId: null },
      { paceSecPerKm: 360, capacity: 6, pacerId: HOST_ID },
    ]);
    expect(toRunPayload(EMPTY_RUN_FORM).paceGroups).toBeNull();
    const values = runToFormValues(runFixture({ paceGroups: groups }));
    expect(values.paceGroups[0]).toEqual({
      id: G5,
      paceMin: '5',
      paceSec: '0',
      capacity: '4',
      pacerId: HOST_ID,
    });
  });
});
