import type { Participant } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../../../components/avatar.tsx';
import styles from './run-detail.module.css';

/** The run's co-hosts (공동 호스트), shown with the host. */
export function CoHosts({ coHosts }: { coHosts: Participant[] }) {
  const { t } = useTranslation();
  if (coHosts.length === 0) return null;
  return (
    <div className={styles.coHosts}>
      <h3 className={styles.coHostsTitle}>{t('crewRuns.coHosts')}</h3>
      <ul className={styles.coHostList}>
        {coHosts.map((c) => (
          <li key={c.id}>
            <Link to={`/users/${c.id}`} className={styles.coHost}>
              <Avatar image={c.avatar} name={c.nickname} size="sm" />
              <span>{c.nickname}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
