import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CommentIcon } from '../../../components/icons.tsx';
import { useChatUnread } from '../api/get-chats.ts';
import { useLiveChats } from '../hooks/use-live-chats.ts';
import styles from './chats.module.css';

const badgeText = (count: number) => (count > 99 ? '99+' : String(count));

/** The header's link to /chats with my unread message count, kept live from my own socket room. */
export function ChatsLink() {
  const { t } = useTranslation();
  useLiveChats();
  const count = useChatUnread().data ?? 0;
  const label = count > 0 ? t('chats.navUnread', { count }) : t('chats.nav');
  return (
    <Link to="/chats" className={styles.navLink} aria-label={label} title={t('chats.nav')}>
      <CommentIcon width={24} height={24} aria-hidden="true" />
      {count > 0 && (
        <span className={styles.badge} aria-hidden="true" data-testid="chat-badge">
          {badgeText(count)}
        </span>
      )}
    </Link>
  );
}
