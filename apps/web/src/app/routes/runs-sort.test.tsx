import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { renderApp } from '../../test/render.tsx';

const emptyPage = () => jsonResponse(200, { items: [], nextCursor: null });

/** With a keyword the server ranks the default order by relevance (then date): the sort select says so. */
describe('/runs sort with a keyword', () => {
  it('shows 관련도순 selected while a keyword is searched, 가까운 일정순 without one', async () => {
    mockApi({ 'GET /api/runs*': emptyPage });
    renderApp('/runs?q=한강');
    const sort = screen.getByRole<HTMLSelectElement>('combobox', { name: '정렬' });
    expect(sort.selectedOptions[0]?.textContent).toBe('관련도순');
    expect([...sort.options].map((o) => o.textContent)).not.toContain('가까운 일정순');
    await screen.findByText('조건에 맞는 그룹 러닝이 없어요');
  });

  it('without a keyword the default order is the soonest', async () => {
    mockApi({ 'GET /api/runs*': emptyPage });
    renderApp('/runs');
    const sort = screen.getByRole<HTMLSelectElement>('combobox', { name: '정렬' });
    expect(sort.selectedOptions[0]?.textContent).toBe('가까운 일정순');
    await screen.findByText('조건에 맞는 그룹 러닝이 없어요');
  });
});
