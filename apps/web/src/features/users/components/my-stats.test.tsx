import type { MyStats } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
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

  it("keeps the outer bars' values inside the chart: the first hangs right, the last left", () => {
    renderWithProviders(<StatsView stats={stats} />);
    const runs = screen.getByRole('figure', { name: '월별 러닝 횟수' });
    const anchors = [...runs.querySelectorAll('g[data-value]')].map(
      (g) => g.querySelector('text[text-anchor]')?.getAttribute('text-anchor') ?? null,
    );
    // October and November have runs (December none: no value drawn).
    expect(anchors).toEqual(['start', 'middle', null]);
    const months = { ...stats, months: [...stats.months.slice(0, 2), { month: '2026-12', runs: 1, km: 5 }] };
    renderWithProviders(<StatsView stats={months} />);
    const [, second] = screen.getAllByRole('figure', { name: '월별 러닝 횟수' });
    const last = [...(second?.querySelectorAll('g[data-value]') ?? [])].at(-1);
    expect(last?.querySelector('text[text-anchor]')?.getAttribute('text-anchor')).toBe('end');
  });

  it('says "nothing yet" for themes when every theme is at zero, as for regions', () => {
    const none: MyStats = {
      ...stats,
      themes: stats.themes.map((theme) => ({ ...theme, runs: 0 })),
      regions: [],
    };
    renderWithProviders(<StatsView stats={none} />);
    const themes = screen.getByRole('region', { name: '자주 달린 테마' });
    expect(within(themes).queryAllByRole('listitem')).toEqual([]);
    expect(within(themes).getByText('아직 기록이 없어요.')).toBeTruthy();
  });

  describe('in English', () => {
    afterEach(() => i18n.changeLanguage('ko'));

    it('counts one run as "1 run", more as "runs"', async () => {
      await i18n.changeLanguage('en');
      renderWithProviders(<StatsView stats={{ ...stats, totals: { ...stats.totals, hosted: 1 } }} />);
      expect(screen.getByText('1 run')).toBeTruthy();
      expect(screen.getAllByText('5 runs').length).toBeGreaterThan(0);
    });
  });
});
