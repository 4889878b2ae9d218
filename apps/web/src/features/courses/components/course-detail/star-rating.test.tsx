import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi } from '../../../../test/api.ts';
import { COURSE_ID, onboardedMe } from '../../../../test/fixtures.ts';
import { renderWithProviders } from '../../../../test/render.tsx';
import { StarRating } from './star-rating.tsx';

const PUT = `PUT /api/courses/${COURSE_ID}/rating`;
const rated = (stars: number) => jsonResponse(200, { average: stars, count: 1, mine: stars });

describe('StarRating (my rating)', () => {
  it('is a radio group of five stars: a click rates, arrow keys move and rate again', async () => {
    const { calls } = mockApi({ [PUT]: ({ body }) => rated((body as { stars: number }).stars) });
    const { events } = renderWithProviders(<StarRating courseId={COURSE_ID} value={null} viewer="rater" />, {
      user: onboardedMe(),
    });

    const group = screen.getByRole('group', { name: '내가 준 별점' });
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      '1점',
      '2점',
      '3점',
      '4점',
      '5점',
    ]);
    expect(group.textContent).toContain('별을 눌러 별점을 남겨 주세요');

    await events.click(screen.getByRole('radio', { name: '3점' }));
    expect(screen.getByRole('radio', { name: '3점' })).toHaveProperty('checked', true);
    await events.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: '4점' })).toHaveProperty('checked', true);
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: '4점' }));
    expect(await screen.findByText('4점을 줬어요. 언제든 바꿀 수 있어요.')).toBeTruthy();
    await vi.waitFor(() => expect(calls.map((c) => c.body)).toEqual([{ stars: 3 }, { stars: 4 }]));
  });

  it('is disabled, with the reason, on the author’s own course', () => {
    const { calls } = mockApi({});
    renderWithProviders(<StarRating courseId={COURSE_ID} value={null} viewer="author" />, {
      user: onboardedMe(),
    });
    for (const radio of screen.getAllByRole('radio')) expect(radio.matches(':disabled')).toBe(true);
    expect(screen.getByText('내가 등록한 코스에는 별점을 줄 수 없어요.')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('sends signed-out visitors to log in instead of rating', async () => {
    const { calls } = mockApi({});
    const { events, router } = renderWithProviders(
      <StarRating courseId={COURSE_ID} value={null} viewer="guest" />,
    );
    await events.click(screen.getByRole('radio', { name: '5점' }));
    expect(router.state.location.pathname).toBe('/login');
    expect(calls).toHaveLength(0);
  });

  it('goes back to the saved rating and says why when the server refuses', async () => {
    mockApi({ [PUT]: () => jsonResponse(403, { code: 'OWN_COURSE', message: 'no' }) });
    const { events } = renderWithProviders(<StarRating courseId={COURSE_ID} value={2} viewer="rater" />, {
      user: onboardedMe(),
    });
    expect(screen.getByRole('radio', { name: '2점' })).toHaveProperty('checked', true);
    await events.click(screen.getByRole('radio', { name: '5점' }));
    expect(await screen.findByText('내가 등록한 코스에는 별점을 줄 수 없어요.')).toBeTruthy();
    expect(screen.getByRole('radio', { name: '2점' })).toHaveProperty('checked', true);
  });
});
