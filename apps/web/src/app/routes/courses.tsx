import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { MapIcon } from '../../components/icons.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import styles from './page.module.css';

export function CoursesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('courses.title'));
  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('courses.title')}</h1>
        <p className={styles.lead}>{t('courses.lead')}</p>
      </div>
      <EmptyState
        icon={<MapIcon />}
        title={t('courses.empty.title')}
        description={t('courses.empty.description')}
      />
    </div>
  );
}
