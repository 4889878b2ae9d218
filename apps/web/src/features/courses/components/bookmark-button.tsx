import { BookmarkButton, type BookmarkProps } from '../../../components/bookmark-button.tsx';
import { useBookmarkCourse } from '../api/bookmark-course.ts';

/** Saves or forgets a course. */
export function CourseBookmarkButton({ courseId, ...props }: BookmarkProps & { courseId: string }) {
  const bookmark = useBookmarkCourse();
  return <BookmarkButton {...props} mutation={bookmark} input={(bookmarked) => ({ courseId, bookmarked })} />;
}
