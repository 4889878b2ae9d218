import type { Profile } from '@erun/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/avatar.tsx';
import { BadgeShelf } from './badge-shelf.tsx';
import { GoodRunnerScore } from './good-runner-score.tsx';
import styles from './profile-card.module.css';

/** A runner as anyone sees them: no email, phone, bookmarks or disappointing reviews. */
export function PublicProfileCard({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <div className={styles.identity}>
        <Avatar image={profile.avatar} name={profile.nickname} size="lg" />
        <div>
          <h1 id={headingId} className={styles.name}>
            {profile.nickname}
          </h1>
          {profile.runningLevel && (
            <p className={styles.level}>
              {t('profile.level', { level: t(`level.${profile.runningLevel}`) })}
            </p>
          )}
        </div>
      </div>
      <p className={profile.bio ? styles.bio : styles.bioEmpty}>{profile.bio || t('profile.noBio')}</p>
      <GoodRunnerScore score={profile.goodRunnerScore} />
      <p className={styles.hosted}>{t('profilePage.runsHosted', { count: profile.runsHosted })}</p>
      <div>
        <h2 className={styles.subTitle}>{t('profilePage.badges')}</h2>
        <BadgeShelf badges={profile.badges} />
      </div>
    </section>
  );
}
