import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useCreateSavedSearch, useSavedSearches } from '../api/saved-searches.ts';
import { sameSearch, savedSearchOf, type SearchableFilters } from '../utils/saved-search-filters.ts';
import styles from './saved-searches.module.css';

/**
 * "이 조건으로 알림 받기" on the runs list (signed in): saves the list's filters; a new run that matches them
 * notifies me. Without a condition it says to choose one first; an already saved set says so.
 */
export function SaveSearchButton({ filters }: { filters: SearchableFilters }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const hintId = useId();
  const saved = useSavedSearches();
  const create = useCreateSavedSearch();
  const search = savedSearchOf(filters);
  const already = search !== null && (saved.data?.items ?? []).some((s) => sameSearch(search, s.filters));

  if (already) {
    return (
      <p className={styles.saved} role="status">
        {t('savedSearches.saved')}
      </p>
    );
  }
  const onSave = () => {
    if (!search) return;
    create.mutate(search, {
      onSuccess: () => notify(t('savedSearches.created'), 'success'),
      onError: (error) => notify(t(errorMessage(error).key), 'error'),
    });
  };
  return (
    <div className={styles.save}>
      <Button
        variant="outline"
        size="sm"
        disabled={search === null}
        aria-describedby={search === null ? hintId : undefined}
        pending={create.isPending}
        onClick={onSave}
      >
        {t('savedSearches.save')}
      </Button>
      {search === null && (
        <p id={hintId} className={styles.hint}>
          {t('savedSearches.needsCondition')}
        </p>
      )}
    </div>
  );
}
