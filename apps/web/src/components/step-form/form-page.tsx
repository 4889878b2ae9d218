import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { DraftStore } from '../../lib/draft-store.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Button } from '../button.tsx';
import { BackState, QueryPage } from '../query-page.tsx';
import { Skeleton } from '../skeleton.tsx';
import styles from './form-page.module.css';

/** The page around a step form: its title (also the document's), an optional notice, the form. */
export function FormPage({
  title,
  notice,
  children,
}: {
  title: string;
  notice?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1 className={styles.title}>{title}</h1>
        {notice}
      </div>
      {children}
    </div>
  );
}

/** "Your draft is back" with a way to start over. */
export function DraftNotice({
  text,
  startOver,
  onStartOver,
}: {
  text: string;
  startOver: string;
  onStartOver: () => void;
}) {
  return (
    <p className={styles.draft}>
      {text}{' '}
      <Button variant="ghost" size="sm" onClick={onStartOver}>
        {startOver}
      </Button>
    </p>
  );
}

/**
 * The draft a new-post page starts from, read once: a reload lands on the same step with the same values.
 * `attempt` keys the form, so starting over mounts an empty one.
 */
export function useDraft<V, S extends string>(store: DraftStore<V, S>) {
  const [draft, setDraft] = useState(store.load);
  const [attempt, setAttempt] = useState(0);
  const startOver = () => {
    store.clear();
    setDraft(null);
    setAttempt((n) => n + 1);
  };
  return { draft, attempt, startOver };
}

interface EditPageProps<T> {
  title: string;
  query: UseQueryResult<T>;
  icon: ReactNode;
  /** The way back when the thing is there (its page) and when it is not (its list). */
  back: { item: { to: string; label: string }; list: { to: string; label: string } };
  notFoundTitle: string;
  failedTitle: string;
  /** Why this viewer may not edit it (not theirs, too late…), or null. */
  blockedBy: (data: T) => string | null;
  children: (data: T) => ReactNode;
}

/** Editing one thing: its form, or why not (missing, failed to load, not the viewer's, no longer editable). */
export function EditPage<T>({
  title,
  query,
  icon,
  back,
  notFoundTitle,
  failedTitle,
  ...props
}: EditPageProps<T>) {
  const blocked = (text: string, to: { to: string; label: string }) => (
    <BackState icon={icon} title={text} to={to.to} back={to.label} />
  );
  return (
    <FormPage title={title}>
      <QueryPage
        query={query}
        loading={<Skeleton className={styles.loading} />}
        notFound={blocked(notFoundTitle, back.list)}
        failed={blocked(failedTitle, back.item)}
      >
        {(data) => {
          const reason = props.blockedBy(data);
          return reason === null ? props.children(data) : blocked(reason, back.item);
        }}
      </QueryPage>
    </FormPage>
  );
}
