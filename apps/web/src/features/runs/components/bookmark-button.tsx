import { BookmarkButton, type BookmarkProps } from '../../../components/bookmark-button.tsx';
import { useBookmarkRun } from '../api/bookmark-run.ts';

/** Saves or forgets a run. */
export function RunBookmarkButton({ runId, ...props }: BookmarkProps & { runId: string }) {
  const bookmark = useBookmarkRun();
  return <BookmarkButton {...props} mutation={bookmark} input={(bookmarked) => ({ runId, bookmarked })} />;
}
