import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { HomeIcon, MapIcon, RunIcon, UserIcon, UsersIcon } from '../../components/icons.tsx';
import { cx } from '../../lib/cx.ts';
import styles from './tab-bar.module.css';

const TABS = [
  { to: '/', key: 'nav.home', Icon: HomeIcon },
  { to: '/runs', key: 'nav.runs', Icon: RunIcon },
  { to: '/courses', key: 'nav.courses', Icon: MapIcon },
  { to: '/crews', key: 'nav.crews', Icon: UsersIcon },
  { to: '/me', key: 'nav.me', Icon: UserIcon },
] as const;

/** Phones: the main navigation as a bottom tab bar (hidden from 768px, where the header has it). */
export function TabBar() {
  const { t } = useTranslation();
  return (
    <nav className={styles.bar} aria-label={t('nav.tabs')}>
      <ul>
        {TABS.map(({ to, key, Icon }) => (
          <li key={to}>
            <NavLink
              to={to}
              end={to === '/'}
              className={({ isActive }) => cx(styles.tab, isActive && styles.active)}
            >
              <Icon width={24} height={24} />
              <span>{t(key)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
