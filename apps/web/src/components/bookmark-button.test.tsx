import { useMutation } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-error.ts';
import { onboardedMe } from '../test/fixtures.ts';
import { renderWithProviders } from '../test/render.tsx';
import { BookmarkButton } from './bookmark-button.tsx';

type Answer = { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void };
function deferred(): Answer {
  let resolve = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A thing's page whose bookmark state changes once the server agreed (as the cached copies do). */
function Thing({ answers, calls }: { answers: Answer[]; calls: boolean[] }) {
  const [bookmarked, setBookmarked] = useState(false);
  const mutation = useMutation({
    mutationFn: (input: { id: string; bookmarked: boolean }) => {
      calls.push(input.bookmarked);
      return (answers.shift() ?? deferred()).promise;
    },
    onSuccess: (_, input) => setBookmarked(input.bookmarked),
  });
  return (
    <BookmarkButton
      title="한강 10K"
      bookmarked={bookmarked}
      withLabel
      mutation={mutation}
      input={(next) => ({ id: 'thing-1', bookmarked: next })}
    />
  );
}

describe('BookmarkButton', () => {
  it('waits for the server: disabled meanwhile, pressed and announced once it agreed', async () => {
    const answer = deferred();
    const calls: boolean[] = [];
    const { events } = renderWithProviders(<Thing answers={[answer]} calls={calls} />, {
      user: onboardedMe(),
    });

    const button = screen.getByRole('button', { name: '북마크' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await events.click(button);
    expect(calls).toEqual([true]);
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(button.getAttribute('aria-pressed')).toBe('false');

    answer.resolve();
    expect(await screen.findByText('북마크에 담았어요.')).toBeTruthy();
    const saved = screen.getByRole('button', { name: '북마크됨' });
    expect(saved.getAttribute('aria-pressed')).toBe('true');
    expect(saved.hasAttribute('disabled')).toBe(false);
  });

  it('stays as it was and says why when the server refuses', async () => {
    const answer = deferred();
    const { events } = renderWithProviders(<Thing answers={[answer]} calls={[]} />, { user: onboardedMe() });

    await events.click(screen.getByRole('button', { name: '북마크' }));
    answer.reject(new ApiError({ status: 500, code: 'INTERNAL', message: 'boom' }));
    expect(await screen.findByText('문제가 생겼어요. 잠시 후 다시 시도해 주세요.')).toBeTruthy();
    const button = screen.getByRole('button', { name: '북마크' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.hasAttribute('disabled')).toBe(false);
  });

  it('sends signed-out visitors to log in first, and back here afterwards', async () => {
    const calls: boolean[] = [];
    const { events, router } = renderWithProviders(<Thing answers={[]} calls={calls} />);

    await events.click(screen.getByRole('button', { name: '북마크' }));
    expect(calls).toEqual([]);
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/')}`);
  });
});
