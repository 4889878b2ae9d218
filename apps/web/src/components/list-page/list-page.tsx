import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../lib/cx.ts';
import { Button, ButtonLink } from '../button.tsx';
import { Dialog } from '../dialog.tsx';
import { EmptyState } from '../empty-state.tsx';
import { FilterIcon } from '../icons.tsx';
import styles from './list-page.module.css';

/** The shared classes of a list page (runs, courses…): page, head, layout, sidebar, results, sort, fab. */
export { styles as listStyles };

interface ListEmptyProps {
  icon: ReactNode;
  title: string;
  description: string;
  /** Offered when filters are on: back to all (keeping the sort). */
  reset?: { label: string; onReset: () => void };
  /** Offered to signed-in visitors: post one. */
  create?: { label: string; to: string };
}

/** What a list shows when nothing matches: why, and the ways on (reset the filters, post one). */
export function ListEmpty({ icon, title, description, reset, create }: ListEmptyProps) {
  return (
    <EmptyState
      icon={icon}
      title={title}
      description={description}
      action={
        <div className={styles.emptyActions}>
          {reset && (
            <Button variant="outline" onClick={reset.onReset}>
              {reset.label}
            </Button>
          )}
          {create && <ButtonLink to={create.to}>{create.label}</ButtonLink>}
        </div>
      }
    />
  );
}

/**
 * Wide screens: the filters beside the list, applied as they change. `wide` is `useWideLayout()`'s answer: none
 * on a narrow screen, and while it is not known (a server-rendered page) it is rendered for the stylesheet to show
 * from 1024 px.
 */
export function FilterSidebar({
  title,
  reset,
  wide,
  children,
}: {
  title: string;
  reset?: { label: string; onReset: () => void };
  wide: boolean | null;
  children: ReactNode;
}) {
  if (wide === false) return null;
  return (
    <aside className={cx(styles.sidebar, wide === null && styles.wideOnly)} aria-label={title}>
      <div className={styles.sidebarHead}>
        <h2 className={styles.sidebarTitle}>{title}</h2>
        {reset && (
          <Button variant="ghost" size="sm" onClick={reset.onReset}>
            {reset.label}
          </Button>
        )}
      </div>
      {children}
    </aside>
  );
}

interface FilterSheetProps<F> {
  filters: F;
  onApply: (next: F) => void;
  /** How many filters are on (shown on the button). */
  count: number;
  /** The filters a reset leaves (the sort stays). */
  resetOf: (filters: F) => F;
  labels: { title: string; count: string; reset: string; apply: string };
  panel: (value: F, onChange: (next: F) => void) => ReactNode;
  /** `useWideLayout()`'s answer: no sheet on a wide screen; while not known, a button the stylesheet shows below 1024 px. */
  wide: boolean | null;
}

/** Phones: the filters in a sheet, applied together. */
export function FilterSheet<F>({
  filters,
  onApply,
  count,
  resetOf,
  labels,
  panel,
  wide,
}: FilterSheetProps<F>) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(filters);
  const show = () => {
    setDraft(filters);
    setOpen(true);
  };
  if (wide === true) return null;
  return (
    <>
      <Button
        variant="outline"
        onClick={show}
        aria-haspopup="dialog"
        className={cx(wide === null && styles.narrowOnly)}
      >
        <FilterIcon width={18} height={18} />
        {count > 0 ? labels.count : labels.title}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={labels.title}
        variant="sheet"
        actions={
          <>
            <Button variant="outline" onClick={() => setDraft(resetOf(filters))}>
              {labels.reset}
            </Button>
            <Button
              onClick={() => {
                onApply(draft);
                setOpen(false);
              }}
            >
              {labels.apply}
            </Button>
          </>
        }
      >
        {panel(draft, setDraft)}
      </Dialog>
    </>
  );
}

interface SortSelectProps<S extends string> {
  label: string;
  value: S;
  options: readonly S[];
  labelOf: (sort: S) => string;
  onChange: (sort: S) => void;
}

/** The list's order, as a select with a hidden label. */
export function SortSelect<S extends string>({
  label,
  value,
  options,
  labelOf,
  onChange,
}: SortSelectProps<S>) {
  return (
    <label className={styles.sort}>
      <span className={styles.srOnly}>{label}</span>
      <select className={styles.select} value={value} onChange={(event) => onChange(event.target.value as S)}>
        {options.map((sort) => (
          <option key={sort} value={sort}>
            {labelOf(sort)}
          </option>
        ))}
      </select>
    </label>
  );
}

interface FilterAndSortProps<F extends { sort: S }, S extends string> {
  /** The list's key in the locale files: `<kind>.filters.*` and `<kind>.sort.*`. */
  kind: 'runs' | 'courses';
  filters: F;
  onChange: (filters: F) => void;
  count: number;
  resetOf: (filters: F) => F;
  sorts: readonly S[];
  /** On a phone the filters open in a sheet; from 1024 px they sit in the sidebar instead (`useWideLayout()`). */
  wide: boolean | null;
  panel: (value: F, onChange: (next: F) => void) => ReactNode;
  /** A sort's label when the list names it otherwise (e.g. the order the server really applies). */
  sortLabel?: (sort: S) => string | undefined;
}

/** A list's toolbar controls: the filter sheet button (phones) and the sort select. */
export function FilterAndSort<F extends { sort: S }, S extends string>({
  kind,
  filters,
  onChange,
  count,
  resetOf,
  sorts,
  wide,
  panel,
  sortLabel,
}: FilterAndSortProps<F, S>) {
  const { t } = useTranslation();
  return (
    <>
      <FilterSheet
        filters={filters}
        onApply={onChange}
        count={count}
        resetOf={resetOf}
        labels={{
          title: t(`${kind}.filters.title`),
          count: t(`${kind}.filters.count`, { count }),
          reset: t(`${kind}.filters.reset`),
          apply: t(`${kind}.filters.apply`),
        }}
        panel={panel}
        wide={wide}
      />
      <SortSelect
        label={t(`${kind}.sort.label`)}
        value={filters.sort}
        options={sorts}
        labelOf={(sort) => sortLabel?.(sort) ?? t(`${kind}.sort.${sort}`)}
        onChange={(sort) => onChange({ ...filters, sort })}
      />
    </>
  );
}
