import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../lib/messages.ts';
import { useAuthStatus } from '../lib/session.ts';
import { BookmarkToggle } from './bookmark-toggle.tsx';
import { useNotice } from './notice/notice-context.ts';

/** What a kind's bookmark button (a run's, a course's) is given by the card or page. */
export interface BookmarkProps {
  title: string;
  bookmarked: boolean;
  className?: string;
  /** With a visible label (detail page) or icon only (cards). */
  withLabel?: boolean;
}

interface BookmarkButtonProps<I> extends BookmarkProps {
  /** The kind's bookmark call; the cached copies change once the server agreed. */
  mutation: UseMutationResult<void, Error, I>;
  /** The call's input that saves (true) or forgets (false) this thing. */
  input: (bookmarked: boolean) => I;
}

/**
 * Saves or forgets a thing: a toggle that waits for the server (disabled meanwhile) and says how it went;
 * signed-out visitors are sent to log in first and come back.
 */
export function BookmarkButton<I>({
  title,
  bookmarked,
  className,
  withLabel = false,
  mutation,
  input,
}: BookmarkButtonProps<I>) {
  const { t } = useTranslation();
  const auth = useAuthStatus();
  const navigate = useNavigate();
  const location = useLocation();
  const notify = useNotice();

  const onClick = () => {
    if (auth !== 'signed-in') {
      void navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    mutation.mutate(input(!bookmarked), {
      onSuccess: () => notify(t(bookmarked ? 'bookmark.removed' : 'bookmark.added'), 'info'),
      onError: (error) => notify(t(errorMessage(error).key), 'error'),
    });
  };

  return (
    <BookmarkToggle
      pressed={bookmarked}
      label={t('bookmark.label', { title })}
      text={withLabel ? t(bookmarked ? 'bookmark.saved' : 'bookmark.save') : undefined}
      pending={mutation.isPending}
      onClick={onClick}
      className={className}
    />
  );
}
