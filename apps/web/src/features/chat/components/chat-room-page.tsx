import type { ChatMessage } from '@erun/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { CommentIcon } from '../../../components/icons.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMessages } from '../api/get-messages.ts';
import type { ChatRef } from '../api/chat-ref.ts';
import { ChatRoom } from './chat-room.tsx';
import styles from './chat.module.css';

type NotMember = { description: string; action: ReactNode };

type Props = {
  chat: ChatRef;
  title: string;
  /** Null while the session is still loading. */
  meId: string | null;
  hostId: string | null;
  /** The statuses of the history request that mean "you are not in this chat"; others offer a retry. */
  notMemberStatuses: readonly number[];
  notMember: (status: number) => NotMember;
  /** "신고하기" on others' messages (the route opens the reports feature's dialog). */
  onReport?: (message: ChatMessage) => void;
};

/** A chat route's page (run or crew): loading, "not a member", error with retry, then the room. */
export function ChatRoomPage({ chat, title, meId, hostId, notMemberStatuses, notMember, onReport }: Props) {
  const { t } = useTranslation();
  const history = useMessages(chat);
  useDocumentTitle(`${t('chat.title')} · ${title}`);

  if (meId === null || history.isPending) {
    return (
      <div className={styles.notice} role="status" aria-busy="true" aria-label={t('chat.loading')}>
        <Skeleton className={styles.skeleton} />
      </div>
    );
  }
  if (history.isError) {
    const error = history.error;
    if (error instanceof ApiError && notMemberStatuses.includes(error.status)) {
      const { description, action } = notMember(error.status);
      return (
        <div className={styles.notice}>
          <EmptyState
            icon={<CommentIcon />}
            title={t('chat.notMember.title')}
            description={description}
            action={action}
          />
        </div>
      );
    }
    return (
      <div className={styles.notice}>
        <FormAlert message={errorMessage(error)} />
        <Button variant="secondary" onClick={() => void history.refetch()}>
          {t('common.retry')}
        </Button>
      </div>
    );
  }
  return <ChatRoom chat={chat} title={title} meId={meId} hostId={hostId} onReport={onReport} />;
}
