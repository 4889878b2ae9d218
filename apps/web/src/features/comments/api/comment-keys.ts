import { endpoints } from '@erun/contracts';

/** What comments are under: a run (Q&A) or a course (reviews). */
export interface CommentTarget {
  kind: 'runs' | 'courses';
  id: string;
}

/** Cache keys of comments, all under `['comments']`. */
export const commentKeys = {
  all: ['comments'] as const,
  list: (target: CommentTarget) => [...commentKeys.all, 'list', target.kind, target.id] as const,
  replies: (commentId: string) => [...commentKeys.all, 'replies', commentId] as const,
};

/** The endpoints of a post's comments, by the kind of post. */
export const commentEndpoints = (target: CommentTarget) =>
  target.kind === 'runs'
    ? { list: endpoints.getRunComments, write: endpoints.writeRunComment }
    : { list: endpoints.getCourseComments, write: endpoints.writeCourseComment };
