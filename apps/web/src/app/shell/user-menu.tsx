import type { Me } from '@erun/contracts';
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Avatar } from '../../components/avatar.tsx';
import { ChevronDownIcon } from '../../components/icons.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { useLogout } from '../../features/auth/api/logout.ts';
import { useLogoutAll } from '../../features/auth/api/logout-all.ts';
import hidden from '../../components/visually-hidden.module.css';
import styles from './user-menu.module.css';

/** The signed-in user's menu: a disclosure button with links and sign-out actions. */
export function UserMenu({ user }: { user: Me }) {
  const { t } = useTranslation();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navigate = useNavigate();
  const notify = useNotice();
  const logout = useLogout();
  const logoutAll = useLogoutAll();

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
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onBlur = (event: FocusEvent) => {
    if (!(event.relatedTarget instanceof Node) || !rootRef.current?.contains(event.relatedTarget))
      setOpen(false);
  };

  // mutateAsync, not mutate: this menu unmounts as soon as the session ends, and mutate's callbacks would be lost.
  async function signOut(action: () => Promise<void>, noticeKey: string) {
    setOpen(false);
    await action().catch(() => undefined); // signed out locally either way
    notify(t(noticeKey), 'info');
    await navigate('/');
  }

  return (
    <div className={styles.root} ref={rootRef} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.trigger}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        {/* The name is what is written (axe: label-content-name-mismatch): the nickname, then "님의 계정 메뉴". */}
        <span aria-hidden="true">
          <Avatar image={user.avatar} name={user.nickname} size="sm" />
        </span>
        <span className={styles.nickname}>{user.nickname}</span>{' '}
        <span className={hidden.srOnly}>{t('userMenu.suffix')}</span>
        <ChevronDownIcon width={18} height={18} className={styles.chevron} />
      </button>
      <ul id={menuId} className={styles.menu} hidden={!open}>
        <li>
          <Link to="/me" className={styles.item} onClick={() => setOpen(false)}>
            {t('nav.me')}
          </Link>
        </li>
        <li>
          <button
            type="button"
            className={styles.item}
            disabled={logout.isPending}
            onClick={() => void signOut(logout.mutateAsync, 'userMenu.loggedOut')}
          >
            {t('userMenu.logout')}
          </button>
        </li>
        <li>
          <button
            type="button"
            className={styles.item}
            disabled={logoutAll.isPending}
            onClick={() => void signOut(logoutAll.mutateAsync, 'userMenu.loggedOutAll')}
          >
            {t('userMenu.logoutAll')}
          </button>
        </li>
      </ul>
    </div>
  );
}
