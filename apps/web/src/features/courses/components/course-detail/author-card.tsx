import type { Course } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { PersonCard } from '../../../../components/detail-page/person-card.tsx';

/** Who recommends the course: level and good-runner score. */
export function AuthorCard({ author }: { author: Course['author'] }) {
  const { t } = useTranslation();
  return (
    <PersonCard
      person={author}
      role={t('courseDetail.author.role')}
      name={author.nickname}
      stats={
        <>
          {author.runningLevel && (
            <li>{t('courseDetail.author.level', { level: t(`level.${author.runningLevel}`) })}</li>
          )}
          <li>{t('courseDetail.author.score', { score: author.goodRunnerScore })}</li>
        </>
      }
    />
  );
}
