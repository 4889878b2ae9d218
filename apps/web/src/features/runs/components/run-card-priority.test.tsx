import { jsonResponse, mockApi } from '../../../test/api.ts';
import { RUN_ID, runFixture } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RunsList } from './runs-list.tsx';

/** The first card's image is the list page's largest paint (Lighthouse's LCP): it must not wait to be lazy-loaded. */
describe('a list of run cards', () => {
  it('loads the first card’s image at once, with high priority, and the others lazily', async () => {
    const second = runFixture({ id: '6b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', title: '두 번째 러닝' });
    mockApi({
      'GET /api/runs*': () => jsonResponse(200, { items: [runFixture(), second], nextCursor: null }),
    });
    renderWithProviders(<RunsList query={{}} empty={null} />);

    const cards = [...(await screen.findByRole('list', { name: '그룹 러닝 목록' })).children];
    const [first, other] = cards.map((card) => card.querySelector('img'));
    expect(first?.getAttribute('loading')).toBe('eager');
    expect(first?.getAttribute('fetchpriority')).toBe('high');
    expect(other?.getAttribute('loading')).toBe('lazy');
    expect(other?.hasAttribute('fetchpriority')).toBe(false);
    expect(cards[0]?.querySelector('a')?.getAttribute('href')).toBe(`/runs/${RUN_ID}`);
  });
});
