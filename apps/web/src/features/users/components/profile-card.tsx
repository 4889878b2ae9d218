import type { Me } from '@erun/contracts';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/avatar.tsx';
import { GoodRunnerScore } from './good-runner-score.tsx';
import styles from './profile-card.module.css';

const SEOUL = 'Asia/Seoul';

/** The signed-in user's profile at a glance; `children` go under the score (badges, score history). */
export function ProfileCard({ me, children }: { me: Me; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const joined = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: SEOUL }).format(
    new Date(me.createdAt),
  );
  const methods = [...(me.hasPassword ? ['email'] : []), ...me.providers];

  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <div className={styles.identity}>
        <Avatar image={me.avatar} name={me.nickname} size="lg" />
        <div>
          <h2 id={headingId} className={styles.name}>
            {me.nickname}
          </h2>
          {me.runningLevel && (
            <p className={styles.level}>{t('profile.level', { level: t(`level.${me.runningLevel}`) })}</p>
          )}
        </div>
      </div>
      <p className={me.bio ? styles.bio : styles.bioEmpty}>{me.bio || t('profile.noBio')}</p>
      <GoodRunnerScore score={me.goodRunnerScore} />
      {children}
      <dl className={styles.details}>
        <div>
          <dt>{t('profile.email')}</dt>
          <dd>{me.email ?? t('profile.noEmail')}</dd>
        </div>
        <div>
          <dt>{t('profile.methods')}</dt>
          <dd>
            <ul className={styles.methods}>
              {methods.map((method) => (
                <li key={method}>{t(`profile.method.${method}`)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('profile.joined')}</dt>
          <dd>{joined}</dd>
        </div>
      </dl>
    </section>
  );
}
