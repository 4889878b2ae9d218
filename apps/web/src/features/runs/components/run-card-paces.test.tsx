import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/api.ts';
import { runFixture } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { RunCard } from './run-card.tsx';

/** A card of a run with pace groups shows the groups' paces, compactly, instead of the one pace. */
describe('a run card’s pace', () => {
  it('shows every pace group, fastest first, in one line', () => {
    mockApi({});
    renderWithProviders(<RunCard run={runFixture({ paceSecPerKm: 330, groupPaces: [300, 360, 420] })} />);
    const facts = screen.getByRole('list', { name: '러닝 정보' });
    expect(facts.textContent).toContain('페이스 그룹 5\'00" · 6\'00" · 7\'00"/km');
    expect(facts.textContent).not.toContain('5\'30"');
  });

  it('a run without groups shows its one pace', () => {
    mockApi({});
    renderWithProviders(<RunCard run={runFixture({ paceSecPerKm: 330, groupPaces: [] })} />);
    expect(screen.getByText('5\'30"/km')).toBeTruthy();
    expect(screen.queryByText(/페이스 그룹/)).toBeNull();
  });
});
