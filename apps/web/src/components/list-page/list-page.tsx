import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../lib/cx.ts';
import { useWideLayout } from '../../lib/use-wide-layout.ts';
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
 * Wide screens: the filters beside the list, applied as they change; none on a narrow screen. While the width is
 * not known (a server-rendered page, until hydrated) only its frame is rendered, for the stylesheet to show from
 * 1024 px: it holds the list's column in place, and its chips — which do nothing before the app runs — are not
 * sent to every phone to be hydrated hidden (~130 ms of main thread at 4×).
 */
export function FilterSidebar({
  title,
  reset,
  children,
}: {
  title: string;
  reset?: { label: string; onReset: () => void };
  children: ReactNode;
}) {
  // Here, not in the page: the width known after hydrating re-renders this, not the whole list.
  const wide = useWideLayout();
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
      {wide === true && children}
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
}

/**
 * Phones: the filters in a sheet, applied together; none on a wide screen. While the width is not known (a
 * server-rendered page), the button is rendered for the stylesheet to show below 1024 px.
 */
export function FilterSheet<F>({ filters, onApply, count, resetOf, labels, panel }: FilterSheetProps<F>) {
  const wide = useWideLayout();
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

/**
 * Its children on wide screens only (`wide`) or on narrow ones, and on neither while the width is not known (a
 * server-rendered page): a page's own controls by width, without the page re-rendering when the width is known.
 */
export function AtWidth({ wide, children }: { wide: boolean; children: ReactNode }) {
  return useWideLayout() === wide ? children : null;
}
