import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { RunIcon } from '../../components/icons.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import styles from './page.module.css';

export function RunsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('runs.title'));
  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('runs.title')}</h1>
        <p className={styles.lead}>{t('runs.lead')}</p>
      </div>
      <EmptyState
        icon={<RunIcon />}
        title={t('runs.empty.title')}
        description={t('runs.empty.description')}
      />
    </div>
  );
}
