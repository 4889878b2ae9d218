import type { RunSummary, WeatherAlert } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/api.ts';
import { runFixture } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { RunCard } from './run-card.tsx';

/** A run as a list gives it, with these warnings (none: the field left out, as the server does). */
const summary = (weatherAlerts?: WeatherAlert[]): RunSummary => ({
  ...runFixture(),
  ...(weatherAlerts ? { weatherAlerts } : {}),
});

/** Issue 18: a card warns of the weather at the start in words (a list of chips), when the server knows one. */
describe('a run card’s weather warnings', () => {
  it('lists each warning by name under "날씨 주의"', () => {
    mockApi({});
    renderWithProviders(<RunCard run={summary(['heat', 'dust'])} />);
    const alerts = screen.getByRole('list', { name: '날씨 주의' });
    expect(
      within(alerts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['폭염 주의', '미세먼지 나쁨']);
  });

  it.each([
    ['absent', undefined],
    ['empty', []],
  ])('shows nothing without warnings (the field %s)', (_label, weatherAlerts) => {
    mockApi({});
    renderWithProviders(<RunCard run={summary(weatherAlerts)} />);
    expect(screen.queryByRole('list', { name: '날씨 주의' })).toBeNull();
    expect(screen.getByRole('list', { name: '러닝 정보' })).toBeTruthy();
  });
});
