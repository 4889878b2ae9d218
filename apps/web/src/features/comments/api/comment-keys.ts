import { endpoints } from '@erun/contracts';

/** What comments are under: a run (Q&A), a course (reviews) or a crew announcement. */
export interface CommentTarget {
  kind: 'runs' | 'courses' | 'announcements';
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
  ({
    runs: { list: endpoints.getRunComments, write: endpoints.writeRunComment },
    courses: { list: endpoints.getCourseComments, write: endpoints.writeCourseComment },
    announcements: { list: endpoints.getAnnouncementComments, write: endpoints.writeAnnouncementComment },
  })[target.kind];
