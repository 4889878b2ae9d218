import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-error.ts';
import { errorMessage } from '../lib/messages.ts';
import { Button, ButtonLink } from './button.tsx';
import { EmptyState } from './empty-state.tsx';
import { FormAlert } from './form-alert.tsx';

/** A 400 (malformed id) or 404: the thing is not there, and asking again will not change that. */
export function isMissing(error: unknown): boolean {
  return error instanceof ApiError && [400, 404].includes(error.status);
}

interface QueryPageProps<T> {
  query: UseQueryResult<T>;
  /** The frame of the loading, missing and error states (the page's own frame). */
  className?: string;
  /** Placeholders while loading; the frame announces the loading state. */
  loading: ReactNode;
  /** What a missing thing shows (see `isMissing`). */
  notFound: ReactNode;
  /** Another failure: by default the error with a retry button. */
  failed?: ReactNode;
  children: (data: T) => ReactNode;
}

/** A page about one thing fetched by id: loading, not found, failed (with retry), or the thing itself. */
export function QueryPage<T>({ query, className, loading, notFound, failed, children }: QueryPageProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <div className={className} role="status" aria-busy="true" aria-label={t('shell.loading')}>
        {loading}
      </div>
    );
  }
  if (query.isError) {
    const shown = isMissing(query.error)
      ? notFound
      : (failed ?? (
          <>
            <FormAlert message={errorMessage(query.error)} />
            <Button variant="outline" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          </>
        ));
    return className === undefined ? shown : <div className={className}>{shown}</div>;
  }
  return children(query.data);
}

interface BackStateProps {
  icon: ReactNode;
  title: string;
  description?: string;
  /** The way back: a link to a page that is there. */
  to: string;
  back: string;
}

/** An empty state whose one action leads back (a missing run, a form this viewer may not use…). */
export function BackState({ icon, title, description, to, back }: BackStateProps) {
  return (
    <EmptyState
      icon={icon}
      title={title}
      description={description}
      action={
        <ButtonLink to={to} variant="secondary">
          {back}
        </ButtonLink>
      }
    />
  );
}
