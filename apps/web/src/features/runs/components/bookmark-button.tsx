import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { BookmarkToggle } from '../../../components/bookmark-toggle.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useAuthStatus } from '../../../lib/session.ts';
import { useBookmarkRun } from '../api/bookmark-run.ts';

interface BookmarkButtonProps {
  runId: string;
  title: string;
  bookmarked: boolean;
  className?: string;
  /** With a visible label (detail page) or icon only (cards). */
  withLabel?: boolean;
}

/** Saves or forgets a run; signed-out visitors are sent to log in first and come back. */
export function BookmarkButton({
  runId,
  title,
  bookmarked,
  className,
  withLabel = false,
}: BookmarkButtonProps) {
  const { t } = useTranslation();
  const auth = useAuthStatus();
  const navigate = useNavigate();
  const location = useLocation();
  const notify = useNotice();
  const bookmark = useBookmarkRun();

  const onClick = () => {
    if (auth !== 'signed-in') {
      void navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    bookmark.mutate(
      { runId, bookmarked: !bookmarked },
      {
        onSuccess: () => notify(t(bookmarked ? 'bookmark.removed' : 'bookmark.added'), 'info'),
        onError: (error) => notify(t(errorMessage(error).key), 'error'),
      },
    );
  };

  return (
    <BookmarkToggle
      pressed={bookmarked}
      label={t('bookmark.label', { title })}
      text={withLabel ? t(bookmarked ? 'bookmark.saved' : 'bookmark.save') : undefined}
      pending={bookmark.isPending}
      onClick={onClick}
      className={className}
    />
  );
}
