import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { CommentIcon } from '../../components/icons.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useMessages } from '../../features/chat/api/get-messages.ts';
import { ChatRoom } from '../../features/chat/components/chat-room.tsx';
import styles from '../../features/chat/components/chat.module.css';
import { useRun } from '../../features/runs/api/get-run.ts';
import { ApiError } from '../../lib/api-error.ts';
import { errorMessage } from '../../lib/messages.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';

/** `/runs/:runId/chat`: the run's group chat, for its host and joined runners. */
export function RunChatPage() {
  const { t } = useTranslation();
  const { runId = '' } = useParams();
  const session = useSession();
  const run = useRun(runId);
  const chat = useMemo(() => ({ kind: 'run' as const, id: runId }), [runId]);
  const history = useMessages(chat);
  const title = run.data?.title ?? t('chat.title');
  useDocumentTitle(`${t('chat.title')} · ${title}`);

  if (session.status !== 'signed-in' || history.isPending) {
    return (
      <div className={styles.notice} role="status" aria-busy="true" aria-label={t('chat.loading')}>
        <Skeleton className={styles.skeleton} />
      </div>
    );
  }
  if (history.isError) {
    const error = history.error;
    if (error instanceof ApiError && [400, 404].includes(error.status)) {
      return (
        <div className={styles.notice}>
          <EmptyState
            icon={<CommentIcon />}
            title={t('chat.notMember.title')}
            description={t('chat.notMember.description')}
            action={
              run.isSuccess ? (
                <ButtonLink to={`/runs/${runId}`} variant="secondary">
                  {t('chat.notMember.back')}
                </ButtonLink>
              ) : (
                <ButtonLink to="/runs" variant="secondary">
                  {t('chat.notMember.list')}
                </ButtonLink>
              )
            }
          />
        </div>
      );
    }
    const message = errorMessage(error);
    return (
      <div className={styles.notice}>
        <FormAlert message={message} />
        <Button variant="secondary" onClick={() => void history.refetch()}>
          {t('common.retry')}
        </Button>
      </div>
    );
  }
  return <ChatRoom chat={chat} title={title} meId={session.user.id} hostId={run.data?.host.id ?? null} />;
}
