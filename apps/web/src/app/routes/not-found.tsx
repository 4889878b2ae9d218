import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { MapIcon } from '../../components/icons.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import styles from '../../components/page.module.css';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>{t('notFound.title')}</h1>
      <EmptyState
        icon={<MapIcon />}
        title={t('notFound.heading')}
        description={t('notFound.description')}
        action={
          <ButtonLink to="/" variant="secondary">
            {t('notFound.home')}
          </ButtonLink>
        }
      />
    </div>
  );
}
