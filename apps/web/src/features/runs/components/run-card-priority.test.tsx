import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { runFixture } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { RunsList } from './runs-list.tsx';

/**
 * The images of the cards a phone shows first are the list page's largest paint (Lighthouse's LCP): they must
 * not wait to be lazy-loaded.
 */
describe('a list of run cards', () => {
  it('loads the first three cards’ images at once, with high priority, and the others lazily', async () => {
    const runs = [1, 2, 3, 4].map((n) =>
      runFixture({ id: `6b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5${n}`, title: `러닝 ${n}` }),
    );
    mockApi({ 'GET /api/runs*': () => jsonResponse(200, { items: runs, nextCursor: null }) });
    renderWithProviders(<RunsList query={{}} empty={null} />);

    const cards = [...(await screen.findByRole('list', { name: '그룹 러닝 목록' })).children];
    const images = cards.map((card) => card.querySelector('img'));
    expect(images.map((img) => img?.getAttribute('loading'))).toEqual(['eager', 'eager', 'eager', 'lazy']);
    expect(images.map((img) => img?.getAttribute('fetchpriority') ?? null)).toEqual([
      'high',
      'high',
      'high',
      null,
    ]);
  });
});
