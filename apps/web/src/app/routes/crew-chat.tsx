import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button, ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { CommentIcon } from '../../components/icons.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useMyChats } from '../../features/chat/api/get-chats.ts';
import { useMessages } from '../../features/chat/api/get-messages.ts';
import { ChatRoom } from '../../features/chat/components/chat-room.tsx';
import styles from '../../features/chat/components/chat.module.css';
import { ApiError } from '../../lib/api-error.ts';
import { errorMessage } from '../../lib/messages.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';

/** `/crews/:crewId/chat`: the crew's group chat, for its members. */
export function CrewChatPage() {
  const { t } = useTranslation();
  const { crewId = '' } = useParams();
  const session = useSession();
  const chat = useMemo(() => ({ kind: 'crew' as const, id: crewId }), [crewId]);
  const history = useMessages(chat);
  // The crew's name, from my chat list (the crew chat is in it for every member).
  const mine = useMyChats(session.status === 'signed-in');
  const title =
    mine.data?.items.find((c) => c.kind === 'crew' && c.id === crewId)?.title ?? t('chats.crewChat');
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
    if (error instanceof ApiError && [400, 403, 404].includes(error.status)) {
      return (
        <div className={styles.notice}>
          <EmptyState
            icon={<CommentIcon />}
            title={t('chat.notMember.title')}
            description={t('chats.notCrewMember')}
            action={
              <ButtonLink to={error.status === 403 ? `/crews/${crewId}` : '/chats'} variant="secondary">
                {error.status === 403 ? t('chats.toCrew') : t('chats.toList')}
              </ButtonLink>
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
  return <ChatRoom chat={chat} title={title} meId={session.user.id} hostId={null} />;
}
