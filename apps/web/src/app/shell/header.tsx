import type { Me } from '@erun/contracts';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { cx } from '../../lib/cx.ts';
import styles from './header.module.css';
import { Logo } from './logo.tsx';
import { MemberActions } from './member-parts-lazy.ts';

export const NAV_ITEMS = [
  { to: '/runs', key: 'nav.runs' },
  { to: '/courses', key: 'nav.courses' },
  { to: '/crews', key: 'nav.crews' },
  { to: '/me', key: 'nav.me' },
] as const;

export function Header({ user }: { user: Me | null }) {
  const { t } = useTranslation();
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Logo />
        <nav className={styles.nav} aria-label={t('nav.main')}>
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  className={({ isActive }) => cx(styles.link, isActive && styles.active)}
                >
                  {t(item.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.actions}>
          <LanguageSwitch />
          {user ? (
            // A member's actions arrive with their chunk; the slot keeps its room meanwhile (no shift).
            <Suspense fallback={<span className={styles.memberSlot} aria-hidden="true" />}>
              <MemberActions user={user} />
            </Suspense>
          ) : (
            <>
              <ButtonLink to="/login" variant="ghost" size="sm">
                {t('nav.login')}
              </ButtonLink>
              <ButtonLink to="/signup" size="sm" className={styles.signup}>
                {t('nav.signup')}
              </ButtonLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
