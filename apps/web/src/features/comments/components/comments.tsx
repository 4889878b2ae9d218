import { type ReactNode, useEffect, useId, useState } from 'react';
import type { Comment } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Button, ButtonLink } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { useRestricted } from '../../../lib/use-restricted.ts';
import type { CommentTarget } from '../api/comment-keys.ts';
import { useComments } from '../api/get-comments.ts';
import { useWriteComment } from '../api/write-comment.ts';
import { CommentBox } from './comment-box.tsx';
import { CommentItem, type CommentContext } from './comment-item.tsx';
import styles from './comments.module.css';

const TICK_MS = 60_000;

interface CommentsProps {
  target: CommentTarget;
  /** The run's host, the course's or the announcement's author. */
  ownerId: string;
  viewerId: string | null;
  /** How many there are, when the post knows (courses count replies too). */
  count?: number;
  /** After a comment is written or deleted, e.g. to refresh a count shown elsewhere. */
  onChange?: () => void;
  /** "신고하기" on others' comments (the reports feature's, passed in by the route). */
  reportAction?: (comment: Comment) => ReactNode;
}

/** Wording by what the comments are: questions under a run (문의), reviews under a course (후기), comments under a 공지. */
const VARIANT = { runs: 'qna', courses: 'review', announcements: 'announcement' } as const;

/** The comments of a run, a course or an announcement: newest first with "더 보기", a box to write, replies one level deep. */
export function Comments({ target, ownerId, viewerId, count, onChange, reportAction }: CommentsProps) {
  const { t } = useTranslation();
  const id = useId();
  const location = useLocation();
  const variant = VARIANT[target.kind];
  const comments = useComments(target);
  const write = useWriteComment(target);
  const [boxKey, setBoxKey] = useState(0);
  const now = useNow(TICK_MS);
  const restricted = useRestricted();
  const context: CommentContext = {
    target,
    ownerId,
    viewerId,
    restricted,
    ownerTag: t(`comments.${variant}.ownerTag`),
    now,
    onChange,
    reportAction,
  };
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.title}>
        {t(`comments.${variant}.title`)}
        {count !== undefined && <span className={styles.count}> {t('comments.total', { count })}</span>}
      </h2>
      {viewerId === null ? (
        <ButtonLink
          to={`/login?next=${encodeURIComponent(location.pathname)}`}
          variant="outline"
          className={styles.login}
        >
          {t(`comments.${variant}.login`)}
        </ButtonLink>
      ) : (
        <CommentBox
          key={boxKey}
          label={t(`comments.${variant}.label`)}
          placeholder={t(`comments.${variant}.placeholder`)}
          submitLabel={t('comments.submit')}
          pending={write.isPending}
          disabledReason={restricted ? t('restricted.comment') : undefined}
          onSubmit={async (content) => {
            await write.mutateAsync(content);
            setBoxKey((key) => key + 1);
            onChange?.();
          }}
        />
      )}
      {comments.isPending ? (
        <div className={styles.skeletons} role="status" aria-busy="true" aria-label={t('comments.loading')}>
          <Skeleton className={styles.skeleton} />
          <Skeleton className={styles.skeleton} />
        </div>
      ) : comments.isError && !comments.data ? (
        <div className={styles.error}>
          <FormAlert message={errorMessage(comments.error)} />
          <Button variant="outline" size="sm" onClick={() => void comments.refetch()}>
            {t('common.retry')}
          </Button>
        </div>
      ) : items.length === 0 ? (
        <p className={styles.empty}>{t(`comments.${variant}.empty`)}</p>
      ) : (
        <ul className={styles.list} aria-labelledby={`${id}-title`}>
          {items.map((comment) => (
            <li key={comment.id}>
              <CommentItem comment={comment} context={context} />
            </li>
          ))}
        </ul>
      )}
      {comments.isFetchNextPageError && <FormAlert message={errorMessage(comments.error)} />}
      {comments.hasNextPage && (
        <Button
          variant="outline"
          className={styles.more}
          onClick={() => void comments.fetchNextPage()}
          pending={comments.isFetchingNextPage}
        >
          {t('comments.more')}
        </Button>
      )}
    </section>
  );
}

/** The current time, refreshed every `ms`. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}
