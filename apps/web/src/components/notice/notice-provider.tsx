import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../lib/cx.ts';
import { AlertIcon, CheckIcon, CloseIcon } from '../icons.tsx';
import { NoticeContext, type NoticeTone } from './notice-context.ts';
import styles from './notice.module.css';

interface Notice {
  id: number;
  message: string;
  tone: NoticeTone;
}

const VISIBLE_MS = 5000;
let nextId = 1;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);

  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (message: string, tone: NoticeTone = 'success') => {
      const id = nextId++;
      setNotices((all) => [...all, { id, message, tone }]);
      window.setTimeout(() => dismiss(id), VISIBLE_MS);
    },
    [dismiss],
  );

  return (
    <NoticeContext value={notify}>
      {children}
      <div className={styles.region} role="status" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className={cx(styles.notice, styles[notice.tone])}>
            {notice.tone === 'error' ? (
              <AlertIcon width={20} height={20} />
            ) : (
              <CheckIcon width={20} height={20} />
            )}
            <p className={styles.message}>{notice.message}</p>
            <button
              type="button"
              className={styles.close}
              aria-label={t('common.close')}
              onClick={() => dismiss(notice.id)}
            >
              <CloseIcon width={18} height={18} />
            </button>
          </div>
        ))}
      </div>
    </NoticeContext>
  );
}
