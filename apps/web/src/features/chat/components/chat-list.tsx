import type { ChatSummary } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { CommentIcon, RunIcon, UsersIcon } from '../../../components/icons.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { BellOffIcon } from './chat-icons.tsx';
import { formatLongDate, formatShortDateTime, formatTime } from '../../../lib/datetime.ts';
import { chatPath } from '../api/chat-ref.ts';
import styles from './chats.module.css';

interface ChatListProps {
  items: ChatSummary[] | undefined;
  isError: boolean;
  onRetry: () => void;
}

/** Every run and crew chat I am in, most recently active first: last message, time, unread count, mute. */
export function ChatList({ items, isError, onRetry }: ChatListProps) {
  const { t } = useTranslation();
  if (isError) {
    return (
      <div className={styles.state}>
        <FormAlert message={{ key: 'chats.error' }} />
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </div>
    );
  }
  if (!items) {
    return (
      <div role="status" aria-busy="true" aria-label={t('chats.loading')} className={styles.state}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className={styles.skeleton} />
        ))}
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<CommentIcon />}
        title={t('chats.empty.title')}
        description={t('chats.empty.description')}
      />
    );
  }
  return (
    <ul className={styles.list}>
      {items.map((chat) => (
        <li key={`${chat.kind}:${chat.id}`}>
          <ChatRow chat={chat} />
        </li>
      ))}
    </ul>
  );
}

function ChatRow({ chat }: { chat: ChatSummary }) {
  const { t, i18n } = useTranslation();
  const last = chat.lastMessage;
  const when = last ? whenOf(last.createdAt, i18n.language) : null;
  const unread = chat.unreadCount > 0;
  return (
    <Link to={chatPath(chat)} className={styles.row}>
      <span className={styles.kindIcon} aria-hidden="true">
        {chat.kind === 'run' ? <RunIcon /> : <UsersIcon />}
      </span>
      <span className={styles.body}>
        <span className={styles.line}>
          <span className={styles.kind}>{t(`chats.kind.${chat.kind}`)}</span>
          <strong className={styles.name}>{chat.title}</strong>
          {chat.muted && (
            <span className={styles.mutedIcon} title={t('chats.mute.on')}>
              <BellOffIcon aria-hidden="true" />
              <span className={styles.srOnly}>{t('chats.mute.on')}</span>
            </span>
          )}
        </span>
        <span className={styles.preview}>
          {!last
            ? t('chats.noMessages')
            : last.folded
              ? t('blocks.folded.message')
              : `${last.author.nickname}: ${last.content}`}
        </span>
      </span>
      <span className={styles.side}>
        {when && (
          <time className={styles.time} dateTime={last?.createdAt}>
            {when}
          </time>
        )}
        {unread && (
          <span className={styles.count}>
            <span aria-hidden="true">{chat.unreadCount > 99 ? '99+' : chat.unreadCount}</span>
            <span className={styles.srOnly}>{t('chats.unread', { count: chat.unreadCount })}</span>
          </span>
        )}
      </span>
    </Link>
  );
}

/** Today (in Seoul): the time; before: the date ("12.06"). */
function whenOf(iso: string, language: string): string {
  return formatLongDate(iso) === formatLongDate(Date.now())
    ? formatTime(iso)
    : (formatShortDateTime(iso, language).split(' ')[0] ?? '');
}
