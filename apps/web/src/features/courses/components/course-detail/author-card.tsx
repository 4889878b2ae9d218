import type { Course } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../../components/avatar.tsx';
import styles from './course-detail.module.css';

/** Who recommends the course: level and good-runner score. */
export function AuthorCard({ author }: { author: Course['author'] }) {
  const { t } = useTranslation();
  return (
    <div className={styles.authorCard}>
      <Avatar image={author.avatar} name={author.nickname} size="md" />
      <div className={styles.authorInfo}>
        <p className={styles.authorRole}>{t('courseDetail.author.role')}</p>
        <p className={styles.authorName}>{author.nickname}</p>
        {author.bio && <p className={styles.authorBio}>{author.bio}</p>}
        <ul className={styles.authorStats}>
          {author.runningLevel && (
            <li>{t('courseDetail.author.level', { level: t(`level.${author.runningLevel}`) })}</li>
          )}
          <li>{t('courseDetail.author.score', { score: author.goodRunnerScore })}</li>
        </ul>
      </div>
    </div>
  );
}
