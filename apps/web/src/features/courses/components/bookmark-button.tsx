import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { BookmarkToggle } from '../../../components/bookmark-toggle.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useAuthStatus } from '../../../lib/session.ts';
import { useBookmarkCourse } from '../api/bookmark-course.ts';

interface CourseBookmarkButtonProps {
  courseId: string;
  title: string;
  bookmarked: boolean;
  className?: string;
  /** With a visible label (course page) or icon only (cards). */
  withLabel?: boolean;
}

/** Saves or forgets a course; signed-out visitors are sent to log in first and come back. */
export function CourseBookmarkButton({
  courseId,
  title,
  bookmarked,
  className,
  withLabel = false,
}: CourseBookmarkButtonProps) {
  const { t } = useTranslation();
  const auth = useAuthStatus();
  const navigate = useNavigate();
  const location = useLocation();
  const notify = useNotice();
  const bookmark = useBookmarkCourse();

  const onClick = () => {
    if (auth !== 'signed-in') {
      void navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      return;
    }
    bookmark.mutate(
      { courseId, bookmarked: !bookmarked },
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
