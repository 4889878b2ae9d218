import type { MyStats } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { StatsView } from './my-stats.tsx';

const stats: MyStats = {
  totals: { runs: 5, hosted: 2, km: 42.5, minutes: 260 },
  months: [
    { month: '2026-10', runs: 2, km: 12.5 },
    { month: '2026-11', runs: 3, km: 30 },
    { month: '2026-12', runs: 0, km: 0 },
  ],
  themes: [
    { theme: 'riverside', runs: 3 },
    { theme: 'park', runs: 2 },
  ],
  regions: [{ region: 'seoul', runs: 5 }],
  timesOfDay: [],
};

describe('StatsView', () => {
  it('draws km and runs per month as bars, with the same numbers in a table for screen readers', () => {
    renderWithProviders(<StatsView stats={stats} />);
    const km = screen.getByRole('figure', { name: '월별 거리' });
    const bars = [...km.querySelectorAll('g[data-value]')].map((g) => g.getAttribute('data-value'));
    expect(bars).toEqual(['12.5', '30', '0']);
    const heights = [...km.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height')));
    expect(heights[1]).toBeGreaterThan(heights[0] ?? Infinity);
    expect(heights[2]).toBe(0);
    const table = within(km).getByRole('table', { name: '월별 거리' });
    expect(within(table).getByRole('row', { name: '2026년 11월 30km' })).toBeTruthy();
    const runs = screen.getByRole('figure', { name: '월별 러닝 횟수' });
    expect(within(runs).getByRole('row', { name: '2026년 10월 2회' })).toBeTruthy();

    const themes = screen.getByRole('region', { name: '자주 달린 테마' });
    expect(
      within(themes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['강변3회', '공원2회']);
    expect(screen.getByText('42.5km')).toBeTruthy();
    expect(screen.getByText('4시간 20분')).toBeTruthy();
  });
});
