import { useQuery } from '@tanstack/react-query';
import { cleanup, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-error.ts';
import { renderWithProviders } from '../test/render.tsx';
import { BackState, QueryPage } from './query-page.tsx';

/** A query the test answers by hand: each call takes the next of `answers`. */
function Page({ answers }: { answers: Array<() => Promise<string>> }) {
  const query = useQuery({
    queryKey: ['thing'],
    queryFn: () => (answers.shift() ?? (() => new Promise<string>(() => {})))(),
  });
  return (
    <QueryPage
      query={query}
      className="frame"
      loading={<span>placeholder</span>}
      notFound={<BackState icon={null} title="없어요" to="/runs" back="목록으로" />}
    >
      {(data) => <h1>{data}</h1>}
    </QueryPage>
  );
}

const failure = (status: number) => () =>
  Promise.reject(new ApiError({ status, code: status === 404 ? 'NOT_FOUND' : 'INTERNAL', message: 'x' }));

describe('QueryPage', () => {
  it('announces the loading state with its placeholders, then shows the thing', async () => {
    let resolve: (value: string) => void = () => {};
    const pending = new Promise<string>((r) => (resolve = r));
    renderWithProviders(<Page answers={[() => pending]} />);

    const status = screen.getByRole('status', { name: '불러오는 중…' });
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(status.textContent).toBe('placeholder');
    resolve('한강 10K');
    expect(await screen.findByRole('heading', { name: '한강 10K' })).toBeTruthy();
    expect(screen.queryByRole('status', { name: '불러오는 중…' })).toBeNull();
  });

  it('shows the missing state with a way back for a 404 (and a 400), without a retry', async () => {
    for (const status of [404, 400]) {
      renderWithProviders(<Page answers={[failure(status)]} />);
      expect(await screen.findByText('없어요')).toBeTruthy();
      expect(screen.getByRole('link', { name: '목록으로' }).getAttribute('href')).toBe('/runs');
      expect(screen.queryByRole('button', { name: '다시 시도' })).toBeNull();
      cleanup();
    }
  });

  it('shows another failure as an alert with a retry that asks again', async () => {
    const { events } = renderWithProviders(
      <Page answers={[failure(500), () => Promise.resolve('다시 불러왔어요')]} />,
    );

    expect(await screen.findByRole('alert')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '다시 시도' }));
    expect(await screen.findByRole('heading', { name: '다시 불러왔어요' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
