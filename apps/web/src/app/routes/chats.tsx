import { useTranslation } from 'react-i18next';
import { useMyChats } from '../../features/chat/api/get-chats.ts';
import { ChatList } from '../../features/chat/components/chat-list.tsx';
import { useLiveChats } from '../../features/chat/hooks/use-live-chats.ts';
import { cx } from '../../lib/cx.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import styles from '../../components/page.module.css';

/** `/chats`: every run and crew chat I am in, most recently active first, kept live. */
export function ChatsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('chats.title'));
  useLiveChats(true);
  const chats = useMyChats();
  return (
    <div className={cx(styles.page, styles.narrow)}>
      <h1 className={styles.title}>{t('chats.title')}</h1>
      <ChatList items={chats.data?.items} isError={chats.isError} onRetry={() => void chats.refetch()} />
    </div>
  );
}
