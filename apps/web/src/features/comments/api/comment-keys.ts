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

export const commentsPath = (target: CommentTarget) =>
  `/api/${target.kind}/${encodeURIComponent(target.id)}/comments`;
export const commentPath = (commentId: string) => `/api/comments/${encodeURIComponent(commentId)}`;
