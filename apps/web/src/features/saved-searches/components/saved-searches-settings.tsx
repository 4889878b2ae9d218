import { SAVED_SEARCH_LIMITS, type SavedSearch } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import page from '../../../components/page.module.css';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useDeleteSavedSearch, useSavedSearches } from '../api/saved-searches.ts';
import { describeSearch } from '../utils/saved-search-filters.ts';
import styles from './saved-searches.module.css';

/** `/me/settings` "알림 받는 검색 조건" (issue 18): my saved searches, each with 삭제. */
export function SavedSearchesSettings() {
  const { t } = useTranslation();
  const saved = useSavedSearches();
  const items = saved.data?.items ?? [];
  return (
    <section className={page.section} aria-labelledby="settings-saved-searches">
      <h2 id="settings-saved-searches" className={page.sectionTitle}>
        {t('savedSearches.settings.title')}
      </h2>
      <p className={styles.text}>{t('savedSearches.settings.lead', { max: SAVED_SEARCH_LIMITS.perUser })}</p>
      {saved.isPending && (
        <p className={styles.text} role="status">
          {t('savedSearches.settings.loading')}
        </p>
      )}
      {saved.isError && (
        <div className={styles.block}>
          <FormAlert message={errorMessage(saved.error)} />
          <div>
            <Button variant="outline" size="sm" onClick={() => void saved.refetch()}>
              {t('savedSearches.settings.retry')}
            </Button>
          </div>
        </div>
      )}
      {saved.isSuccess && items.length === 0 && (
        <p className={styles.text}>
          {t('savedSearches.settings.empty')} <Link to="/runs">{t('savedSearches.settings.toRuns')}</Link>
        </p>
      )}
      {items.length > 0 && (
        <ul className={styles.list} aria-label={t('savedSearches.settings.title')}>
          {items.map((item) => (
            <SavedRow key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SavedRow({ item }: { item: SavedSearch }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const remove = useDeleteSavedSearch();
  const summary = describeSearch(item.filters, t);
  const onDelete = () =>
    remove.mutate(item.id, {
      onSuccess: () => notify(t('savedSearches.deleted'), 'success'),
      onError: (error) => notify(t(errorMessage(error).key), 'error'),
    });
  return (
    <li className={styles.row}>
      <span className={styles.summary}>{summary}</span>
      <Button
        variant="outline"
        size="sm"
        aria-label={t('savedSearches.settings.deleteLabel', { summary })}
        pending={remove.isPending}
        onClick={onDelete}
      >
        {t('savedSearches.settings.delete')}
      </Button>
    </li>
  );
}
