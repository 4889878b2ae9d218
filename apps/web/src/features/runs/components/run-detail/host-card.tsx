import type { Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../../../components/avatar.tsx';
import styles from './run-detail.module.css';

/** The host (크루장): level, good-runner score and how many runs they have hosted. */
export function HostCard({ host }: { host: Run['host'] }) {
  const { t } = useTranslation();
  return (
    <div className={styles.hostCard}>
      <Avatar image={host.avatar} name={host.nickname} size="md" />
      <div className={styles.hostInfo}>
        <p className={styles.hostRole}>{t('runDetail.host.role')}</p>
        <p className={styles.hostName}>
          <Link to={`/users/${host.id}`} className={styles.personLink}>
            {host.nickname}
          </Link>
        </p>
        {host.bio && <p className={styles.hostBio}>{host.bio}</p>}
        <ul className={styles.hostStats}>
          {host.runningLevel && (
            <li>{t('runDetail.host.level', { level: t(`level.${host.runningLevel}`) })}</li>
          )}
          <li>{t('runDetail.host.score', { score: host.goodRunnerScore })}</li>
          <li>{t('runDetail.host.hosted', { count: host.runsHosted })}</li>
        </ul>
      </div>
    </div>
  );
}
