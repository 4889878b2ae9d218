import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { BookmarkIcon } from '../../../components/icons.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { cx } from '../../../lib/cx.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useAuthStatus } from '../../../lib/session.ts';
import { useBookmarkRun } from '../api/bookmark-run.ts';
import styles from './bookmark-button.module.css';

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
        onSuccess: () => notify(t(bookmarked ? 'runs.bookmark.removed' : 'runs.bookmark.added'), 'info'),
        onError: (error) => notify(t(errorMessage(error).key), 'error'),
      },
    );
  };

  return (
    <button
      type="button"
      className={cx(styles.button, withLabel && styles.labelled, bookmarked && styles.on, className)}
      aria-pressed={bookmarked}
      aria-label={withLabel ? undefined : t('runs.bookmark.label', { title })}
      disabled={bookmark.isPending}
      onClick={onClick}
    >
      <BookmarkIcon width={20} height={20} filled={bookmarked} />
      {withLabel && <span>{t(bookmarked ? 'runs.bookmark.saved' : 'runs.bookmark.save')}</span>}
    </button>
  );
}
