import type { MyRun } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { runFixture } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { dayAfterKey, RunCalendar } from './run-calendar.tsx';

function myRun(id: string, startsAt: string, role: MyRun['role']): MyRun {
  const { route: _route, participants: _participants, ...summary } = runFixture({ id, startsAt, title: id });
  return { ...summary, role, attended: null, reviewed: false };
}

const runs = [
  myRun('새벽런', '2026-11-30T23:30:00+09:00', 'host'),
  myRun('첫날런', '2026-11-30T16:00:00Z', 'participant'), // 1 December, 01:00 in Seoul
];

function Harness() {
  const [month, setMonth] = useState('2026-11');
  const [selected, setSelected] = useState('2026-11-25');
  return (
    <>
      <RunCalendar
        month={month}
        today="2026-11-25"
        selected={selected}
        runs={runs}
        onSelect={setSelected}
        onMonthChange={setMonth}
      />
      <output data-testid="selected">{selected}</output>
    </>
  );
}

describe('RunCalendar', () => {
  it('starts weeks on Sunday, marks today, and puts runs on their Seoul day', async () => {
    renderWithProviders(<Harness />);
    const grid = await screen.findByRole('grid', { name: '2026년 11월' });
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['일', '월', '화', '수', '목', '금', '토']);
    expect(within(grid).getAllByRole('row')).toHaveLength(6); // header + 5 weeks
    const today = within(grid).getByRole('gridcell', { name: /2026년 11월 25일 수요일, 오늘/ });
    expect(today.getAttribute('aria-current')).toBe('date');
    expect(
      within(grid).getByRole('gridcell', { name: '30, 2026년 11월 30일 월요일, 내가 연 러닝 1개' }),
    ).toBeTruthy();
    // The run at 16:00 UTC on the 30th is on 1 December in Seoul (shown in the trailing week).
    expect(
      within(grid).getByRole('gridcell', { name: '1, 2026년 12월 1일 화요일, 참여한 러닝 1개' }),
    ).toBeTruthy();
  });

  it('moves by day, week and month with the keyboard, across month boundaries', async () => {
    const { events } = renderWithProviders(<Harness />);
    const cell = await screen.findByRole('gridcell', { name: /11월 25일/ });
    expect(cell.tabIndex).toBe(0);
    cell.focus();
    await events.keyboard('{ArrowDown}');
    expect(screen.getByTestId('selected').textContent).toBe('2026-12-02');
    expect(screen.getByRole('grid', { name: '2026년 12월' })).toBeTruthy();
    expect(document.activeElement?.getAttribute('data-day')).toBe('2026-12-02');
    await events.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByTestId('selected').textContent).toBe('2026-11-30');
    expect(screen.getByRole('grid', { name: '2026년 11월' })).toBeTruthy();
    await events.keyboard('{PageUp}');
    expect(screen.getByTestId('selected').textContent).toBe('2026-10-30');
    await events.keyboard('{Home}');
    expect(screen.getByTestId('selected').textContent).toBe('2026-10-25');
    await events.click(screen.getByRole('button', { name: '다음 달' }));
    expect(screen.getByRole('grid', { name: '2026년 11월' })).toBeTruthy();
  });

  it('keeps PageUp/PageDown inside the target month', () => {
    expect(dayAfterKey('2026-03-31', 'PageDown')).toBe('2026-04-30');
    expect(dayAfterKey('2028-03-31', 'PageUp')).toBe('2028-02-29');
    expect(dayAfterKey('2026-12-31', 'PageDown')).toBe('2027-01-31');
    expect(dayAfterKey('2026-11-29', 'End')).toBe('2026-12-05');
  });
});
