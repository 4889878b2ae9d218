import {
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMediaQuery } from '../../../lib/use-media-query.ts';
import { useUnreadCount } from '../api/get-notifications.ts';
import { useLiveNotifications } from '../hooks/use-live-notifications.ts';
import { BellIcon } from '../../../components/icons.tsx';
import { NotificationPanel } from './notification-panel.tsx';
import styles from './notifications.module.css';

export const badgeText = (count: number) => (count > 99 ? '99+' : String(count));

/**
 * The header's bell with the unread count, kept live by the socket. On wide screens it opens a popover of the
 * latest notifications; on phones it goes to the notifications page, as phone apps do.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  useLiveNotifications();
  const count = useUnreadCount(true).data ?? 0;
  const wide = useMediaQuery('(min-width: 768px)');
  // The name holds the badge's own text ("99+"), so what is seen is what is said (WCAG 2.5.3).
  const label =
    count > 0
      ? t('notificationCenter.bellUnread', { count, badge: badgeText(count) })
      : t('notificationCenter.bell');
  const content = (
    <>
      <BellIcon width={24} height={24} />
      {count > 0 && (
        <span className={styles.badge} aria-hidden="true">
          {badgeText(count)}
        </span>
      )}
    </>
  );
  return (
    <>
      <UnreadAnnouncer count={count} />
      {wide ? (
        <BellPopover label={label}>{content}</BellPopover>
      ) : (
        <Link to="/notifications" className={styles.bell} aria-label={label}>
          {content}
        </Link>
      )}
    </>
  );
}

/** Tells screen readers when the count goes up while they use the page (not on the first load). */
function UnreadAnnouncer({ count }: { count: number }) {
  const { t } = useTranslation();
  const previous = useRef<number | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (previous.current !== null && count > previous.current)
      setMessage(t('notificationCenter.unreadLive', { count }));
    previous.current = count;
  }, [count, t]);
  return (
    <span className={styles.srOnly} role="status" aria-live="polite">
      {message}
    </span>
  );
}

function BellPopover({ label, children }: { label: string; children: ReactNode }) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onBlur = (event: FocusEvent) => {
    if (!(event.relatedTarget instanceof Node) || !rootRef.current?.contains(event.relatedTarget))
      setOpen(false);
  };

  return (
    <div className={styles.root} ref={rootRef} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.bell}
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {children}
      </button>
      {open && <NotificationPanel id={panelId} onClose={() => setOpen(false)} />}
    </div>
  );
}
