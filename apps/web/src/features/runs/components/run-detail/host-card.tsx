import type { Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PersonCard } from '../../../../components/detail-page/person-card.tsx';
import styles from './run-detail.module.css';

/** The host (크루장): level, good-runner score and how many runs they have hosted. */
export function HostCard({ host }: { host: Run['host'] }) {
  const { t } = useTranslation();
  return (
    <PersonCard
      person={host}
      role={t('runDetail.host.role')}
      name={
        <Link to={`/users/${host.id}`} className={styles.personLink}>
          {host.nickname}
        </Link>
      }
      stats={
        <>
          {host.runningLevel && (
            <li>{t('runDetail.host.level', { level: t(`level.${host.runningLevel}`) })}</li>
          )}
          <li>{t('runDetail.host.score', { score: host.goodRunnerScore })}</li>
          <li>{t('runDetail.host.hosted', { count: host.runsHosted })}</li>
        </>
      }
    />
  );
}
