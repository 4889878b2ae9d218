import type { Comment } from '@erun/contracts';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/avatar.tsx';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { Folded } from '../../../components/folded.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { cx } from '../../../lib/cx.ts';
import { formatDateTime, formatRelativeTime } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import type { CommentTarget } from '../api/comment-keys.ts';
import { useDeleteComment } from '../api/delete-comment.ts';
import { useEditComment } from '../api/edit-comment.ts';
import { useReplies } from '../api/get-replies.ts';
import { useWriteReply } from '../api/write-comment.ts';
import { CommentBox } from './comment-box.tsx';
import { CommentContent } from './comment-content.tsx';
import styles from './comments.module.css';

export interface CommentContext {
  target: CommentTarget;
  /** The run's host or the course's author: may delete any comment under the post. */
  ownerId: string;
  /** null when signed out. */
  viewerId: string | null;
  /** The viewer's account is suspended or banned: no "답글 달기" (the box above says why). */
  restricted?: boolean;
  /** The owner's tag beside their name (크루장 / 작성자). */
  ownerTag: string;
  /** For relative times; ticks so "방금 전" becomes "1분 전" without a reload. */
  now: number;
  /** After a reply is written or a comment deleted (counts shown elsewhere change). */
  onChange?: () => void;
  /** Others' comments, signed in: the page's "신고하기" (another feature's, composed by the route). */
  reportAction?: (comment: Comment) => ReactNode;
}

interface CommentItemProps {
  comment: Comment;
  context: CommentContext;
  /** Replies have no replies of their own (one level). */
  isReply?: boolean;
}

/** One comment: who and when, the text (or the deleted placeholder), edit and delete, and its replies. */
export function CommentItem({ comment, context, isReply = false }: CommentItemProps) {
  const { t, i18n } = useTranslation();
  const notify = useNotice();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const edit = useEditComment();
  const remove = useDeleteComment();
  const { author } = comment;
  const mine = author !== null && author.id === context.viewerId;
  const canDelete = !comment.deleted && (mine || context.ownerId === context.viewerId);
  const report = !mine && context.viewerId !== null ? context.reportAction?.(comment) : undefined;

  const onDelete = () =>
    remove.mutate(comment.id, {
      onSuccess: () => {
        notify(t('comments.deleted'), 'info');
        context.onChange?.();
      },
      onError: (error) => notify(t(errorMessage(error).key), 'error'),
      onSettled: () => setConfirming(false),
    });

  const body = author !== null && (
    <>
      <header className={styles.head}>
        <Avatar image={author.avatar} name={author.nickname} size="sm" />
        <div className={styles.who}>
          <span className={styles.nickname}>{author.nickname}</span>
          {author.id === context.ownerId && <span className={styles.ownerTag}>{context.ownerTag}</span>}
          <span className={styles.when}>
            <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt, i18n.language)}>
              {formatRelativeTime(comment.createdAt, i18n.language, context.now)}
            </time>
            {comment.edited && ` ${t('comments.edited')}`}
          </span>
        </div>
        {(mine || canDelete || report) && !editing && (
          <div className={styles.actions} role="group" aria-label={t('comments.actions')}>
            {report}
            {mine && (
              <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
                {t('comments.edit')}
              </Button>
            )}
            {canDelete && (
              <Button variant="ghost" size="sm" className={styles.danger} onClick={() => setConfirming(true)}>
                {t('comments.delete')}
              </Button>
            )}
          </div>
        )}
      </header>
      {editing ? (
        <CommentBox
          label={t('comments.editLabel')}
          submitLabel={t('comments.save')}
          initial={comment.content}
          pending={edit.isPending}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (content) => {
            await edit.mutateAsync({ commentId: comment.id, content });
            setEditing(false);
            notify(t('comments.saved'), 'info');
          }}
        />
      ) : (
        <>
          {comment.hidden && <p className={styles.deleted}>{t('comments.hiddenMine')}</p>}
          <CommentContent content={comment.content} />
        </>
      )}
    </>
  );

  return (
    <article className={cx(styles.comment, isReply && styles.reply)}>
      {comment.deleted || author === null ? (
        <p className={styles.deleted}>
          {t(comment.hidden ? 'comments.hiddenPlaceholder' : 'comments.deletedPlaceholder')}
        </p>
      ) : comment.folded ? (
        <Folded label={t('blocks.folded.comment')}>{body}</Folded>
      ) : (
        body
      )}
      {!isReply && <Replies parent={comment} context={context} />}
      <ConfirmDialog
        open={confirming}
        title={t(isReply ? 'comments.confirmDeleteReply' : 'comments.confirmDelete')}
        message={t('comments.confirmDeleteMessage')}
        confirmLabel={t('comments.delete')}
        onConfirm={onDelete}
        onCancel={() => setConfirming(false)}
        pending={remove.isPending}
      />
    </article>
  );
}

/** "답글 N개" opens the replies (oldest first) and, signed in, a box to reply; one level only. */
function Replies({ parent, context }: { parent: Comment; context: CommentContext }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [writing, setWriting] = useState(false);
  const [boxKey, setBoxKey] = useState(0);
  const replies = useReplies(parent.id, open && parent.replyCount > 0);
  const reply = useWriteReply(context.target, parent.id);
  // A comment folded for this reader (its author is blocked) takes no reply from them; its replies still show.
  const canReply = context.viewerId !== null && !context.restricted && !parent.deleted && !parent.folded;
  if (parent.replyCount === 0 && !canReply) return null;

  const items = replies.data?.pages.flatMap((page) => page.items) ?? [];
  const startReply = () => {
    setOpen(true);
    setWriting(true);
  };
  return (
    <div className={styles.replies}>
      <div className={styles.replyBar}>
        {parent.replyCount > 0 && (
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={open}
            aria-controls={`${id}-replies`}
            onClick={() => setOpen((value) => !value)}
          >
            {t(open ? 'comments.hideReplies' : 'comments.showReplies', { count: parent.replyCount })}
          </Button>
        )}
        {canReply && !writing && (
          <Button variant="ghost" size="sm" onClick={startReply}>
            {t('comments.reply')}
          </Button>
        )}
      </div>
      {open && (
        <div id={`${id}-replies`} className={styles.replyList}>
          {replies.isPending && parent.replyCount > 0 && (
            <p className={styles.muted} role="status">
              {t('comments.loading')}
            </p>
          )}
          {replies.isError && <FormAlert message={errorMessage(replies.error)} />}
          {items.length > 0 && (
            <ul className={styles.list}>
              {items.map((item) => (
                <li key={item.id}>
                  <CommentItem comment={item} context={context} isReply />
                </li>
              ))}
            </ul>
          )}
          {replies.hasNextPage && (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => void replies.fetchNextPage()}
              pending={replies.isFetchingNextPage}
            >
              {t('comments.moreReplies')}
            </Button>
          )}
          {canReply && writing && (
            <CommentBox
              key={boxKey}
              label={t('comments.replyLabel')}
              placeholder={t('comments.replyPlaceholder')}
              submitLabel={t('comments.replySubmit')}
              rows={2}
              autoFocus
              pending={reply.isPending}
              onCancel={() => setWriting(false)}
              onSubmit={async (content) => {
                await reply.mutateAsync(content);
                setBoxKey((key) => key + 1);
                context.onChange?.();
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}
